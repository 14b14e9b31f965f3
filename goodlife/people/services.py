"""Every write to person records: one transaction each, each with its audit row."""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import record
from goodlife.people.models import PERSON_DETAILS, BreakGlassAccess, Person, PersonVersion

# Fields a person edit may change; anything else is set by the system.
EDITABLE_FIELDS = PERSON_DETAILS


class EditConflict(Exception):
    """Someone else saved the record after the editor opened it.

    ``base`` is what the record held at the version the editor started from (None if that
    version is not known), so a caller can tell the editor's changes from the other's.
    """

    def __init__(self, current: Person, base: dict | None):
        super().__init__("The record was changed by someone else")
        self.current = current
        self.base = base


def snapshot(person: Person) -> dict:
    """The editable fields of a person as JSON-ready, comparable values."""
    return {name: _comparable(_stored(person, name)) for name in EDITABLE_FIELDS}


def _save_version(person: Person, *, by) -> None:
    PersonVersion.objects.create(
        person_id=person.pk, version=person.version, data=snapshot(person), saved_by=by
    )


def version_data(person_id, version: int) -> dict | None:
    row = PersonVersion.objects.filter(person_id=person_id, version=version).first()
    return row.data if row else None


def is_same(a, b) -> bool:
    """Compare a stored value with a typed one (model instances by key, dates as text)."""
    return _comparable(a) == _comparable(b)


@dataclass(frozen=True)
class Duplicates:
    visible: list[Person]
    hidden_count: int
    hidden_teams: list[str]

    def __bool__(self):
        return bool(self.visible) or self.hidden_count > 0


def find_duplicates(
    *, visible, legal_name: str, preferred_name: str, date_of_birth, nhs_number: str
) -> Duplicates:
    """Likely duplicates: the same NHS number, or the same name and date of birth.

    ``visible`` is the queryset of people the worker may open; others are only counted,
    with their team, so no personal data leaks through the warning.
    """
    conditions = Q(pk__in=[])
    if nhs_number:
        conditions |= Q(nhs_number=nhs_number)
    if date_of_birth:
        names = {n.lower() for n in (legal_name, preferred_name) if n}
        conditions |= Q(date_of_birth=date_of_birth) & (
            Q(legal_lower__in=names) | Q(preferred_lower__in=names)
        )
    matches = (
        Person.objects.annotate(
            legal_lower=Lower("legal_name"), preferred_lower=Lower("preferred_name")
        )
        .filter(conditions)
        .select_related("team")
    )
    visible_ids = set(visible.filter(pk__in=[m.pk for m in matches]).values_list("pk", flat=True))
    shown = [m for m in matches if m.pk in visible_ids]
    hidden = [m for m in matches if m.pk not in visible_ids]
    return Duplicates(
        visible=shown,
        hidden_count=len(hidden),
        hidden_teams=sorted({m.team.name for m in hidden}),
    )


class NhsNumberRecorded(ValueError):
    """Someone with this NHS number is already recorded (perhaps in a record the worker
    may not open, so the message names nobody)."""


def nhs_number_recorded(nhs_number: str, *, other_than=None) -> bool:
    """Whether someone (other than the person ``other_than``) has this NHS number."""
    if not nhs_number:
        return False
    return Person.objects.filter(nhs_number=nhs_number).exclude(pk=other_than).exists()


def _saved_once_per_nhs_number(save, nhs_number: str, *, other_than=None):
    """Run ``save``; when it breaks the one-person-per-NHS-number constraint (two workers
    adding the same person at the same moment), say so rather than fail."""
    try:
        with transaction.atomic():
            return save()
    except IntegrityError:
        if nhs_number_recorded(nhs_number, other_than=other_than):
            raise NhsNumberRecorded(nhs_number) from None
        raise


@transaction.atomic
def create_person(*, by, **fields) -> Person:
    person = Person(**fields, updated_by=by)
    if nhs_number_recorded(person.nhs_number):
        raise NhsNumberRecorded(person.nhs_number)
    person.full_clean(exclude=["team", "allocated_worker"])
    _saved_once_per_nhs_number(person.save, person.nhs_number)
    _save_version(person, by=by)
    record(
        Action.CREATE,
        user=by,
        person_id=person.pk,
        obj=person,
        summary="Added person",
        detail={"fields": sorted(k for k, v in fields.items() if v not in ("", None))},
    )
    return person


def update_person(person: Person, *, by, expected_version: int, **changes) -> Person:
    """Save changes made on top of ``expected_version``, or raise EditConflict.

    The version check and the write are one conditional UPDATE, so two editors racing on
    any database cannot both win. A refused edit is itself audited.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        # Compare with what is stored now, not with ``person``: a bound ModelForm has
        # already copied the typed values onto that instance.
        stored = Person.objects.get(pk=person.pk)
        changed = {
            name: value
            for name, value in changes.items()
            if _comparable(_stored(stored, name)) != _comparable(value)
        }
        if not changed:
            # What was typed matches what is stored: nothing to save, nothing to overwrite.
            return stored
        if nhs_number_recorded(changed.get("nhs_number", ""), other_than=person.pk):
            raise NhsNumberRecorded(changed["nhs_number"])
        updated = _saved_once_per_nhs_number(
            lambda: Person.objects.filter(pk=person.pk, version=expected_version).update(
                **changed, version=F("version") + 1, updated_at=timezone.now(), updated_by=by
            ),
            changed.get("nhs_number", ""),
            other_than=person.pk,
        )
        if updated == 1:
            saved = Person.objects.select_related("team", "allocated_worker").get(pk=person.pk)
            _save_version(saved, by=by)
            record(
                Action.CHANGE,
                user=by,
                person_id=person.pk,
                obj=person,
                summary="Changed " + ", ".join(_label(name) for name in sorted(changed)),
                detail={"fields": sorted(changed), "version": expected_version + 1},
            )
            return saved
    current = Person.objects.select_related("updated_by", "team", "allocated_worker").get(
        pk=person.pk
    )
    record(
        Action.CONFLICT,
        user=by,
        person_id=person.pk,
        obj=person,
        summary="Edit refused: record changed by someone else",
        detail={"expected_version": expected_version, "current_version": current.version},
    )
    raise EditConflict(current, version_data(person.pk, expected_version))


def _stored(person: Person, name: str):
    if name in ("team", "allocated_worker"):
        return getattr(person, f"{name}_id")
    return getattr(person, name)


def _comparable(value):
    if hasattr(value, "pk"):
        return str(value.pk)
    if isinstance(value, uuid.UUID | int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if value is not None else ""


def _label(name: str) -> str:
    return str(Person._meta.get_field(name).verbose_name)


@transaction.atomic
def grant_break_glass(person: Person, *, user, reason: str) -> BreakGlassAccess:
    now = timezone.now()
    grant = BreakGlassAccess.objects.create(
        person=person,
        user=user,
        reason=reason,
        granted_at=now,
        expires_at=now + datetime.timedelta(minutes=settings.GOODLIFE_BREAK_GLASS_MINUTES),
    )
    record(
        Action.BREAK_GLASS,
        user=user,
        person_id=person.pk,
        obj=grant,
        summary="Break-glass access",
        detail={"reason": reason, "expires_at": grant.expires_at.isoformat()},
    )
    return grant


@transaction.atomic
def review_break_glass(grant: BreakGlassAccess, *, by, note: str = "") -> BreakGlassAccess:
    updated = BreakGlassAccess.objects.filter(pk=grant.pk, reviewed_at__isnull=True).update(
        reviewed_by=by, reviewed_at=timezone.now(), review_note=note
    )
    grant.refresh_from_db()
    if updated:
        record(
            Action.CHANGE,
            user=by,
            person_id=grant.person_id,
            obj=grant,
            summary="Reviewed break-glass access",
            detail={"note": note},
        )
    return grant
