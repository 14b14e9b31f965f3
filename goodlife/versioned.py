"""One way to save a row that two people may edit at once.

Each such row carries a ``version``. The edit form sends back the version it was opened at
(read by ``goodlife.ui.versions.edited_version``), and the save is one conditional
``UPDATE ... WHERE version = <that version>`` that also adds one to it: two people saving
at the same moment cannot both win, on SQLite or PostgreSQL. The one who loses gets
``goodlife.errors.Conflict`` carrying the row as it is now, and the refusal is on the audit
trail even though it ends the transaction. An ``UPDATE`` sends no ``post_save``, so the
person's timeline entries for the row are rewritten here (``people.timeline.refresh``).

- ``locked_at(row, version)``: the row read for update, or Conflict when it has moved on;
  for services that compare before they write (what changed, what it was);
  ``at_version(row, version)`` for a row the service has just locked itself.
- ``save_if_current(row, version, by=..., **changes)``: the conditional write itself.
"""

from django.db import transaction
from django.db.models import F

from goodlife.audit.models import Action
from goodlife.audit.services import record
from goodlife.errors import Conflict
from goodlife.people import timeline
from goodlife.people.models import Person


def person_id_of(row):
    """The person a row belongs to, for the audit trail (a person is their own)."""
    return row.pk if isinstance(row, Person) else getattr(row, "person_id", None)


def _refused(current, *, by, expected_version, base=None) -> Conflict:
    record(
        Action.CONFLICT,
        user=by,
        person_id=person_id_of(current),
        obj=current,
        summary="Edit refused: changed by someone else",
        detail={
            "expected_version": expected_version,
            "current_version": current.version,
        },
        # Outlives the transaction that the refusal rolls back.
        durable=True,
    )
    return Conflict(current, base)


def _manager(row, related=()):
    manager = type(row)._default_manager
    return manager.select_related(*related) if related else manager.all()


def at_version(current, expected_version, *, by):
    """``current`` (just read, locked) if it is at ``expected_version``; otherwise
    Conflict (audited) carrying it."""
    if expected_version is None or current.version != expected_version:
        raise _refused(current, by=by, expected_version=expected_version)
    return current


def locked_at(row, expected_version, *, by, related=()):
    """``row`` read afresh and locked for this transaction, if it is still at
    ``expected_version``; otherwise Conflict (audited) carrying it as it is now."""
    current = _manager(row, related).select_for_update().get(pk=row.pk)
    return at_version(current, expected_version, by=by)


def save_if_current(row, expected_version, *, by, where=None, related=(), base=None, **changes):
    """Write ``changes`` to ``row`` if it is still at ``expected_version`` (and matches
    ``where``); the row as saved, with its new version. Otherwise Conflict, audited, with
    the row as it is now and ``base`` (what the editor started from, where known)."""
    with transaction.atomic():
        updated = (
            _manager(row)
            .filter(pk=row.pk, version=expected_version, **(where or {}))
            .update(**changes, version=F("version") + 1)
            if expected_version is not None
            else 0
        )
        if updated == 1:
            saved = _manager(row, related).get(pk=row.pk)
            timeline.refresh(saved)
            return saved
    current = _manager(row, related).get(pk=row.pk)
    raise _refused(current, by=by, expected_version=expected_version, base=base)
