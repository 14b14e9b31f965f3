"""Every write of the conversations journey: one transaction each, each audited."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from goodlife.audit.models import Action, AuditEvent
from goodlife.audit.services import record as audit
from goodlife.audit.services import record_on
from goodlife.coach import services as coach
from goodlife.errors import NotAllowed
from goodlife.people import timeline
from goodlife.practice.framework import CONVERSATIONS
from goodlife.practice.models import (
    RECORD_FIELDS,
    Amendment,
    ConversationRecord,
    ConversationStage,
    Episode,
    HoldingSupport,
    RecordStatus,
)
from goodlife.versioned import at_version, save_if_current

# Autosaves come every few seconds of typing; one audit row per draft in this window is
# enough to say who was writing it and when.
AUTOSAVE_AUDIT_WINDOW = datetime.timedelta(minutes=5)


def _values(record: ConversationRecord) -> dict:
    """A record's written parts as JSON-ready values."""
    values = {}
    for name in RECORD_FIELDS:
        value = getattr(record, name)
        values[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return values


@transaction.atomic
def open_episode(person, *, by, contact_on, contact_method, raised_by, reason, worker=None):
    episode = Episode.objects.create(
        person=person,
        contact_on=contact_on,
        contact_method=contact_method,
        raised_by=raised_by,
        reason=reason,
        worker=worker or person.allocated_worker or by,
        opened_by=by,
        conversation=1,
    )
    ConversationStage.objects.create(
        episode=episode, conversation=1, started_by=by, reason="Initial contact"
    )
    audit(Action.CREATE, user=by, person_id=person.pk, obj=episode, summary="Opened an episode")
    return episode


@transaction.atomic
def move_to_conversation(episode: Episode, *, by, conversation: int, reason: str) -> Episode:
    if not episode.is_open:
        raise NotAllowed("This episode is closed")
    if conversation not in CONVERSATIONS:
        raise NotAllowed("There are three conversations")
    if conversation == episode.conversation:
        raise NotAllowed(f"The episode is already in conversation {conversation}")
    ConversationStage.objects.create(
        episode=episode, conversation=conversation, started_by=by, reason=reason
    )
    Episode.objects.filter(pk=episode.pk).update(conversation=conversation)
    episode.conversation = conversation
    record_on(episode, by=by, summary=f"Moved to conversation {conversation}")
    return episode


@transaction.atomic
def close_episode(
    episode: Episode, *, by, closed_on, outcome: str, end_reason: str, note: str = ""
) -> Episode:
    updated = Episode.objects.filter(pk=episode.pk, closed_at__isnull=True).update(
        closed_on=closed_on,
        closed_at=timezone.now(),
        closed_by=by,
        outcome=outcome,
        end_reason=end_reason,
        closing_note=note,
    )
    if not updated:
        raise NotAllowed("This episode is already closed")
    episode.refresh_from_db()
    timeline.refresh(episode)
    record_on(episode, by=by, summary=f"Closed the episode: {episode.get_outcome_display()}")
    return episode


def _save_record_fields(record: ConversationRecord, values: dict) -> None:
    for name in RECORD_FIELDS:
        if name in values:
            setattr(record, name, values[name])


@transaction.atomic
def start_record(episode: Episode, *, by, values: dict, finish: bool = False):
    if not episode.is_open:
        raise NotAllowed("This episode is closed")
    now = timezone.now()
    record = ConversationRecord(
        episode=episode,
        person_id=episode.person_id,
        conversation=episode.conversation,
        author=by,
        created_at=now,
        updated_at=now,
    )
    _save_record_fields(record, values)
    if finish:
        _finish(record, now)
    record.save()
    record_on(
        record,
        by=by,
        summary="Finished a conversation record" if finish else "Started a draft record",
        action=Action.CREATE,
        person_id=episode.person_id,
    )
    return record


def _finish(record: ConversationRecord, now) -> None:
    record.status = RecordStatus.FINAL
    record.finalised_at = now
    record.original = _values(record)


@transaction.atomic
def save_draft(
    record: ConversationRecord,
    *,
    by,
    expected_version: int,
    values: dict,
    finish: bool = False,
    autosave: bool = False,
):
    """Save a draft (and optionally finish it). Only the author changes their draft."""
    if record.author_id != by.pk:
        raise NotAllowed("Only the author can change a draft")
    current = ConversationRecord.objects.select_for_update().get(pk=record.pk)
    if current.status != RecordStatus.DRAFT:
        raise NotAllowed("This record is finished: amend it instead")
    at_version(current, expected_version, by=by)
    now = timezone.now()
    _save_record_fields(current, values)
    if finish:
        _finish(current, now)
    current = save_if_current(
        current,
        expected_version,
        by=by,
        **{name: getattr(current, name) for name in RECORD_FIELDS},
        status=current.status,
        finalised_at=current.finalised_at,
        original=current.original,
        updated_at=now,
    )
    recently_audited = AuditEvent.objects.filter(
        user=by, object_id=str(current.pk), at__gte=now - AUTOSAVE_AUDIT_WINDOW
    ).exists()
    if finish or not (autosave and recently_audited):
        audit(
            Action.CHANGE,
            user=by,
            person_id=current.person_id,
            obj=current,
            summary="Finished a conversation record"
            if finish
            else ("Draft saved automatically" if autosave else "Saved a draft"),
        )
    return current


FINISHED_NOT_DISCARDED = (
    "This record is finished, so it cannot be discarded. If something in it is wrong, "
    "amend it: the amendment says what changed and why."
)


@transaction.atomic
def discard_draft(record: ConversationRecord, *, by, expected_version: int) -> None:
    """Throw away an unfinished draft, as its author chooses to. A finished record is never
    removed (it is amended). The audit trail keeps that a draft was discarded, and when it
    was last saved, but not what it said: a discarded draft was never part of the record.

    With ``expected_version``, a draft saved again since the worker last saw it (in another
    tab, or automatically) is not discarded: Conflict, with the draft as it is now.
    """
    current = (
        ConversationRecord.objects.select_for_update()
        .select_related("author")
        .filter(pk=record.pk)
        .first()
    )
    if current is None:
        raise NotAllowed("This draft has already been discarded")
    if current.status != RecordStatus.DRAFT:
        raise NotAllowed(FINISHED_NOT_DISCARDED)
    if current.author_id != by.pk:
        raise NotAllowed(f"Only {current.author.full_name} can discard their draft")
    at_version(current, expected_version, by=by)
    # Amendments protect the record they change; only finished records are amended, so a
    # draft has none, but say so rather than fail if one ever did.
    if current.amendments.exists():
        raise NotAllowed(FINISHED_NOT_DISCARDED)
    record_on(
        current,
        by=by,
        summary=f"Discarded a draft of conversation {current.conversation}",
        detail={
            "episode": str(current.episode_id),
            "conversation": current.conversation,
            "step": current.step,
            "last_saved": current.updated_at.isoformat(),
            "version": current.version,
        },
    )
    # The wordings the author kept on the draft's own page: that page is gone for good.
    coach.forget_page(reverse("practice:record-edit", args=[current.person_id, current.pk]))
    # Deleting sends post_delete, which takes the draft's entry off the timeline.
    current.delete()


@transaction.atomic
def amend_record(
    record: ConversationRecord,
    *,
    by,
    reason: str,
    values: dict,
    expected_version: int | None = None,
) -> Amendment | None:
    """Change a finished record openly: what changed, who, when and why are kept.

    With ``expected_version``, an amendment based on a copy that someone else has
    amended since is refused rather than quietly undoing their amendment.
    """
    current = ConversationRecord.objects.select_for_update().get(pk=record.pk)
    if current.status != RecordStatus.FINAL:
        raise NotAllowed("Drafts are changed directly, not amended")
    if expected_version is not None:
        at_version(current, expected_version, by=by)
    before = _values(current)
    _save_record_fields(current, values)
    after = _values(current)
    changes = {
        name: {"before": before[name], "after": after[name]}
        for name in RECORD_FIELDS
        if before[name] != after[name]
    }
    if not changes:
        return None
    now = timezone.now()
    current = save_if_current(
        current,
        current.version,
        by=by,
        **{name: getattr(current, name) for name in changes},
        updated_at=now,
    )
    amendment = Amendment.objects.create(
        record=current, amended_by=by, amended_at=now, reason=reason, changes=changes
    )
    record_on(
        current, by=by, summary="Amended a conversation record", detail={"fields": sorted(changes)}
    )
    return amendment


@transaction.atomic
def start_holding_support(person, *, by, episode=None, what, starts_on, planned_end_on):
    support = HoldingSupport.objects.create(
        person=person,
        episode=episode,
        what=what,
        starts_on=starts_on,
        planned_end_on=planned_end_on,
        recorded_by=by,
    )
    record_on(
        support,
        by=by,
        summary="Started short-term holding support",
        action=Action.CREATE,
        person_id=person.pk,
    )
    return support


@transaction.atomic
def review_holding_support(
    support: HoldingSupport, *, by, end_on=None, continue_until=None, note=""
):
    """End holding support, or continue it to a new planned end date, saying why."""
    if not support.is_active:
        raise NotAllowed("This holding support has already ended")
    changes = {"reviewed_at": timezone.now(), "closed_by": by, "outcome_note": note}
    if end_on is not None:
        changes["ended_on"] = end_on
    elif continue_until is not None:
        changes["planned_end_on"] = continue_until
    HoldingSupport.objects.filter(pk=support.pk).update(**changes)
    support.refresh_from_db()
    timeline.refresh(support)
    record_on(
        support, by=by, summary="Ended holding support" if end_on else "Reviewed holding support"
    )
    return support
