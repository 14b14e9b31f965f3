"""Every write to person records: one transaction each, each with its audit row."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from goodlife.accounts.access import in_team, manages
from goodlife.accounts.models import Team
from goodlife.audit.models import Action
from goodlife.audit.services import record, record_on
from goodlife.errors import NhsNumberRecorded, NotAllowed
from goodlife.people.merge import is_same, snapshot
from goodlife.people.merge import stored as stored_value
from goodlife.people.models import (
    PERSON_DETAILS,
    BreakGlassAccess,
    Person,
    PersonVersion,
    TeamMove,
)
from goodlife.people.queries import nhs_number_recorded, version_data
from goodlife.versioned import save_if_current

# An edit may change every detail kept in a version but the team.
# A person changes team only by a move that the receiving team accepts (request_move).
EDIT_FIELDS = tuple(name for name in PERSON_DETAILS if name != "team")
# Who works with the person and whether the record is open: decided by the person's own
# team, never by someone looking in through break-glass.
TEAM_DECISIONS = frozenset({"allocated_worker", "status"})


def _save_version(person: Person, *, by) -> None:
    PersonVersion.objects.create(
        person_id=person.pk, version=person.version, data=snapshot(person), saved_by=by
    )


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
    record_on(
        person,
        by=by,
        summary="Added person",
        action=Action.CREATE,
        person_id=person.pk,
        detail={"fields": sorted(k for k, v in fields.items() if v not in ("", None))},
    )
    return person


def update_person(person: Person, *, by, expected_version: int, **changes) -> Person:
    """Save changes made on top of ``expected_version``, or raise Conflict.

    The version check and the write are one conditional UPDATE, so two editors racing on
    any database cannot both win. A refused edit is itself audited.
    """
    unknown = set(changes) - set(EDIT_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        # Compare with what is stored now, not with ``person``: a bound ModelForm has
        # already copied the typed values onto that instance.
        stored = Person.objects.get(pk=person.pk)
        changed = {
            name: value
            for name, value in changes.items()
            if not is_same(stored_value(stored, name), value)
        }
        if not changed:
            # What was typed matches what is stored: nothing to save, nothing to overwrite.
            return stored
        if set(changed) & TEAM_DECISIONS and not in_team(by, stored.team_id):
            record(
                Action.ACCESS_REFUSED,
                user=by,
                person_id=person.pk,
                obj=person,
                summary="Refused: only the person's own team changes allocation or status",
                detail={"fields": sorted(set(changed) & TEAM_DECISIONS)},
                durable=True,
            )
            raise NotAllowed("Only the person's own team can change who works with them")
        if nhs_number_recorded(changed.get("nhs_number", ""), other_than=person.pk):
            raise NhsNumberRecorded(changed["nhs_number"])
        saved = _saved_once_per_nhs_number(
            lambda: save_if_current(
                stored,
                expected_version,
                by=by,
                related=("team", "allocated_worker", "updated_by"),
                base=version_data(person.pk, expected_version),
                **changed,
                updated_at=timezone.now(),
                updated_by=by,
            ),
            changed.get("nhs_number", ""),
            other_than=person.pk,
        )
        _save_version(saved, by=by)
        record_on(
            person,
            by=by,
            summary="Changed " + ", ".join(_label(name) for name in sorted(changed)),
            person_id=person.pk,
            detail={"fields": sorted(changed), "version": saved.version},
        )
        return saved


def _label(name: str) -> str:
    return str(Person._meta.get_field(name).verbose_name)


@transaction.atomic
def grant_break_glass(person: Person, *, user, reason: str) -> BreakGlassAccess:
    now = timezone.now()
    grant = BreakGlassAccess.objects.create(
        person=person,
        user=user,
        team_id=person.team_id,
        reason=reason,
        granted_at=now,
        expires_at=now + datetime.timedelta(minutes=settings.GOODLIFE_BREAK_GLASS_MINUTES),
    )
    record_on(
        grant,
        by=user,
        summary="Break-glass access",
        action=Action.BREAK_GLASS,
        person_id=person.pk,
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
        record_on(grant, by=by, summary="Reviewed break-glass access", detail={"note": note})
    return grant


# Moving a person to another team ----------------------------------------------------


@transaction.atomic
def request_move(person: Person, *, by, to_team: Team, reason: str) -> TeamMove:
    """A manager of the person's team asks another team to take the person on."""
    stored = Person.objects.select_for_update().get(pk=person.pk)
    if not manages(by, stored.team_id):
        raise NotAllowed("Only a manager of the person's team can ask to move them")
    if to_team.pk == stored.team_id:
        raise ValueError("The person is already in that team")
    if TeamMove.objects.filter(person=stored, decision=TeamMove.Decision.PENDING).exists():
        raise ValueError("A move of this person is already waiting for a decision")
    move = TeamMove.objects.create(
        person=stored, from_team_id=stored.team_id, to_team=to_team, reason=reason, requested_by=by
    )
    record_on(
        move,
        by=by,
        summary=f"Asked {to_team.name} to take on the record",
        person_id=stored.pk,
        detail={"from_team": stored.team.name, "to_team": to_team.name, "reason": reason},
    )
    return move


@transaction.atomic
def decide_move(move: TeamMove, *, by, accept: bool, note: str = "") -> TeamMove:
    """A manager of the receiving team accepts (the record moves, unallocated) or declines."""
    move = (
        TeamMove.objects.select_for_update().select_related("to_team", "from_team").get(pk=move.pk)
    )
    if move.decision != TeamMove.Decision.PENDING:
        return move  # decided already: a second click, or another manager
    if not manages(by, move.to_team_id):
        raise NotAllowed(f"Only a manager of {move.to_team.name} can decide this")
    now = timezone.now()
    if accept:
        moved = Person.objects.filter(pk=move.person_id, team_id=move.from_team_id).update(
            team_id=move.to_team_id,
            allocated_worker=None,
            version=F("version") + 1,
            updated_at=now,
            updated_by=by,
        )
        if not moved:
            raise ValueError("The person is no longer in the team that asked for the move")
        person = Person.objects.select_related("team", "allocated_worker").get(pk=move.person_id)
        _save_version(person, by=by)
    move.decision = TeamMove.Decision.ACCEPTED if accept else TeamMove.Decision.DECLINED
    move.decided_by = by
    move.decided_at = now
    move.decision_note = note
    move.save(update_fields=["decision", "decided_by", "decided_at", "decision_note"])
    record(
        Action.CHANGE,
        user=by,
        person_id=move.person_id,
        obj=move,
        summary=(
            f"Moved from {move.from_team.name} to {move.to_team.name}"
            if accept
            else f"{move.to_team.name} declined to take on the record"
        ),
        detail={
            "from_team": move.from_team.name,
            "to_team": move.to_team.name,
            "accepted": accept,
            "note": note,
        },
    )
    return move


@transaction.atomic
def withdraw_move(move: TeamMove, *, by) -> TeamMove:
    move = TeamMove.objects.select_for_update().select_related("to_team").get(pk=move.pk)
    if move.decision != TeamMove.Decision.PENDING:
        return move
    if not manages(by, move.from_team_id):
        raise NotAllowed("Only a manager of the team that asked can withdraw the move")
    move.decision = TeamMove.Decision.WITHDRAWN
    move.decided_by = by
    move.decided_at = timezone.now()
    move.save(update_fields=["decision", "decided_by", "decided_at"])
    record_on(
        move,
        by=by,
        summary=f"Withdrew the request that {move.to_team.name} take on the record",
        detail={"to_team": move.to_team.name},
    )
    return move
