"""A person's details as comparable values, and the three-way merge of two people's edits.

When a worker saves details on top of a version someone else has saved over meanwhile
(``goodlife.errors.Conflict``), nothing either of them typed may be lost: the worker's form
comes back with their own changes laid over the newly saved record, and a list of the
details both changed, to decide. Plain Python over a ``Person`` and dictionaries.
"""

import copy
import datetime
import uuid

from goodlife.people.models import PERSON_DETAILS

# The details kept in each version of a person.
EDITABLE_FIELDS = PERSON_DETAILS


def stored(person, name: str):
    """What the record holds for ``name``: a related row by its key."""
    if name in ("team", "allocated_worker"):
        return getattr(person, f"{name}_id")
    return getattr(person, name)


def comparable(value):
    """A stored or typed value as JSON-ready text or number (rows by key, dates ISO)."""
    if hasattr(value, "pk"):
        return str(value.pk)
    if isinstance(value, uuid.UUID | int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if value is not None else ""


def snapshot(person) -> dict:
    """The editable fields of a person as JSON-ready, comparable values."""
    return {name: comparable(stored(person, name)) for name in EDITABLE_FIELDS}


def is_same(a, b) -> bool:
    """Compare a stored value with a typed one (model instances by key, dates as text)."""
    return comparable(a) == comparable(b)


def shown(person, name: str) -> str:
    """A detail as the record page shows it: a choice's label, a date in words."""
    display = getattr(person, f"get_{name}_display", None)
    value = display() if display else getattr(person, name)
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    return "" if value is None else str(value)


def merge(current, base: dict | None, mine: dict, labels: dict) -> tuple[dict, object]:
    """Three-way merge of one worker's edit (``mine``) with ``current``, the record someone
    else saved meanwhile, from ``base`` (the snapshot the worker started from; None when
    it is not known, and then the saved record stands for it).

    Details only this worker changed keep their typed value; details only the other person
    changed take the saved value; details both changed differently are listed to decide.
    Returns what to tell the worker and an unsaved copy of ``current`` with the merge on it.
    """
    merged = copy.copy(current)
    clashes, kept = [], []
    started_from = base if base is not None else snapshot(current)
    for name, typed in mine.items():
        saved = getattr(current, name)
        started = started_from.get(name)
        i_changed = not is_same(started, typed)
        they_changed = not is_same(started, saved)
        if i_changed:
            setattr(merged, name, typed)
        label = labels.get(name, name)
        if i_changed and they_changed and not is_same(saved, typed):
            clashes.append(
                {"label": label, "theirs": shown(current, name), "yours": shown(merged, name)}
            )
        elif they_changed and not i_changed:
            kept.append({"label": label, "theirs": shown(current, name)})
    conflict = {"by": current.updated_by, "at": current.updated_at, "rows": clashes, "kept": kept}
    return conflict, merged
