"""The one way anything is written to the audit trail."""

import logging

from django.db import DatabaseError, transaction

from goodlife.audit import context
from goodlife.audit.models import Action, AuditEvent

logger = logging.getLogger(__name__)

# Keys that must never reach an audit row, whatever a caller passes in ``detail``.
_FORBIDDEN_KEYS = {
    "password",
    "csrfmiddlewaretoken",
    "sessionid",
    "session_key",
    "cookie",
    "key",
    "secret",
    "token",
}


def record(
    action: Action,
    *,
    user=None,
    person_id=None,
    obj=None,
    summary: str = "",
    detail: dict | None = None,
    durable: bool = False,
) -> AuditEvent:
    """Write one audit row in the caller's transaction; if it fails, the caller fails.

    A ``durable`` row (a refusal) must outlive the request even when the request's
    transaction rolls back: during a request it is kept aside and written by
    ``AuditContextMiddleware`` once the view's transaction has ended.
    """
    where = context.current()
    in_transaction = transaction.get_connection().in_atomic_block
    fields = _fields(action, user, person_id, obj, summary, detail, where)
    if durable and where is not None and in_transaction:
        event = AuditEvent(**fields)
        where.pending.append(event)
        return event
    if not in_transaction:
        # Outside a request (a command, a signal) an audit row is still its own unit.
        with transaction.atomic():
            return AuditEvent.objects.create(**fields)
    return AuditEvent.objects.create(**fields)


def record_on(
    obj, *, by, summary: str, action: Action = Action.CHANGE, detail=None, person_id=None, **more
):
    """An audit row about one row of a person's record, made by ``by``: the person is the
    row's own (``obj.person_id``) unless ``person_id`` says. ``more`` is added to ``detail``."""
    return record(
        action,
        user=by,
        person_id=person_id or obj.person_id,
        obj=obj,
        summary=summary,
        detail={**(detail or {}), **more} or None,
    )


def created(model, *, by, summary: str, person_id=None, **fields):
    """A new row of ``model`` made by ``by`` (``fields`` as for ``objects.create``), and
    the audit row that says so; the row."""
    row = model._default_manager.create(**fields)
    record_on(row, by=by, summary=summary, action=Action.CREATE, person_id=person_id)
    return row


def _fields(action, user, person_id, obj, summary, detail, where) -> dict:
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    clean_detail = {k: v for k, v in (detail or {}).items() if k.lower() not in _FORBIDDEN_KEYS}
    return dict(
        user=user if signed_in else None,
        user_label=(user.email if signed_in else "")[:254],
        role=(user.role if signed_in else "")[:32],
        action=action,
        person_id=person_id,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:255],
        detail=clean_detail,
        path=where.path if where else "",
        ip_address=where.ip_address if where else None,
    )


def unsaved(action: Action, *, user, person_id, summary: str, detail: dict, where):
    """A row to be written later with ``write_pending``."""
    return AuditEvent(**_fields(action, user, person_id, None, summary, detail, where))


def write_pending(events: list[AuditEvent]) -> None:
    """Write rows kept aside during a request, in a transaction of their own.

    If the database cannot take them (it is down: the reason the request failed), the
    rows go to the log instead, so the answer to the person is not lost with them.
    """
    if not events:
        return
    try:
        with transaction.atomic():
            AuditEvent.objects.bulk_create(events)
    except DatabaseError:
        logger.exception(
            "Could not write %d audit row(s): %s",
            len(events),
            "; ".join(f"{e.action} {e.user_label} {e.path} {e.summary}" for e in events),
        )
