"""Recording and amending WELL12s: one transaction each, each audited."""

import datetime

from django.db import transaction

from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.audit.services import record_on
from goodlife.versioned import locked_at, save_if_current
from goodlife.wellbeing import well12
from goodlife.wellbeing.models import ITEM_FIELDS, Well12Amendment, Well12Response

# What a worker records; the score is worked out from it.
RESPONSE_FIELDS = (
    "completed_on",
    "completed_by",
    "how",
    *ITEM_FIELDS,
    "recent_event",
    "recent_event_detail",
    "notes",
)


def _scored(values: dict) -> dict:
    result = well12.score([values.get(name) for name in ITEM_FIELDS])
    return {"total": result.total, "answered": result.answered}


@transaction.atomic
def record_well12(person, *, by, **values) -> Well12Response:
    unknown = set(values) - set(RESPONSE_FIELDS)
    if unknown:
        raise ValueError(f"Not part of a WELL12: {', '.join(sorted(unknown))}")
    response = Well12Response.objects.create(
        person=person, recorded_by=by, **values, **_scored(values)
    )
    audit(Action.CREATE, user=by, person_id=person.pk, obj=response, summary="Recorded a WELL12")
    return response


def _jsonable(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


@transaction.atomic
def amend_well12(response, *, by, reason: str, expected_version: int, **values):
    """Correct a WELL12 openly: every change is kept with who, when and why."""
    current = locked_at(response, expected_version, by=by)
    changes = {
        name: {"before": _jsonable(getattr(current, name)), "after": _jsonable(value)}
        for name, value in values.items()
        if name in RESPONSE_FIELDS and getattr(current, name) != value
    }
    if not changes:
        return None
    merged = {name: getattr(current, name) for name in RESPONSE_FIELDS} | {
        k: v for k, v in values.items() if k in RESPONSE_FIELDS
    }
    current = save_if_current(
        current,
        expected_version,
        by=by,
        **{name: values[name] for name in changes},
        **_scored(merged),
    )
    amendment = Well12Amendment.objects.create(
        response=current, amended_by=by, reason=reason, changes=changes
    )
    record_on(current, by=by, summary="Amended a WELL12", detail={"fields": sorted(changes)})
    return amendment
