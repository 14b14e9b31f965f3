"""Writing strengths, aspirations, offers and the network: one transaction each, audited.

Nothing here deletes: entries are retired, with who, when and why.
"""

from django.db import transaction
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import created, record_on
from goodlife.errors import NotAllowed
from goodlife.people import timeline
from goodlife.strengths.models import (
    Aspiration,
    Interest,
    NetworkChange,
    NetworkMember,
    Offer,
    Strength,
)
from goodlife.versioned import at_version, save_if_current

MEMBER_FIELDS = (
    "name",
    "kind",
    "relationship",
    "ring",
    "frequency",
    "gives",
    "receives",
    "trusted",
)


@transaction.atomic
def add_strength(person, *, by, description, kind, identified_by, identified_on) -> Strength:
    strength = created(
        Strength,
        by=by,
        summary="Added a strength",
        person=person,
        recorded_by=by,
        description=description,
        kind=kind,
        identified_by=identified_by,
        identified_on=identified_on,
    )
    return strength


def interests_from(words) -> list[Interest]:
    """Find or create interests by name, ignoring case and repeats."""
    result, seen = [], set()
    for word in words:
        name = " ".join(word.split()).lower()
        if not name or name in seen:
            continue
        seen.add(name)
        interest = Interest.objects.filter(name__iexact=name).first()
        result.append(interest or Interest.objects.create(name=name))
    return result


@transaction.atomic
def add_aspiration(person, *, by, text, term, interests=()) -> Aspiration:
    aspiration = Aspiration.objects.create(person=person, recorded_by=by, text=text, term=term)
    # Written in the order typed (not through ``set()``, which orders by a set of ids):
    # matching takes the first-named interest as what the person cares about most.
    Tag = Aspiration.interests.through
    Tag.objects.bulk_create(
        [Tag(aspiration=aspiration, interest=i) for i in interests_from(interests)]
    )
    record_on(aspiration, by=by, summary="Added an aspiration", action=Action.CREATE)
    return aspiration


@transaction.atomic
def set_aspiration_status(aspiration, *, by, status) -> Aspiration:
    Aspiration.objects.filter(pk=aspiration.pk).update(status=status)
    aspiration.refresh_from_db()
    record_on(aspiration, by=by, summary=f"Aspiration {aspiration.get_status_display().lower()}")
    return aspiration


@transaction.atomic
def add_offer(person, *, by, what, when="", share_with_community=False) -> Offer:
    offer = created(
        Offer,
        by=by,
        summary="Added something the person can offer",
        person=person,
        recorded_by=by,
        what=what,
        when=when,
        share_with_community=share_with_community,
    )
    return offer


@transaction.atomic
def retire(entry, *, by, reason: str):
    """Retire a strength, aspiration or offer: it stays readable, marked as no longer current."""
    updated = (
        type(entry)
        .objects.filter(pk=entry.pk, retired_at__isnull=True)
        .update(retired_at=timezone.now(), retired_by=by, retired_reason=reason)
    )
    if not updated:
        raise NotAllowed("This has already been retired")
    entry.refresh_from_db()
    timeline.refresh(entry)
    record_on(entry, by=by, summary=f"Retired: {type(entry)._meta.verbose_name}", reason=reason)
    return entry


@transaction.atomic
def add_member(person, *, by, **fields) -> NetworkMember:
    member = NetworkMember.objects.create(person=person, recorded_by=by, **fields)
    NetworkChange.objects.create(
        member=member,
        person=person,
        change=NetworkChange.Change.JOINED,
        by=by,
        ring_after=member.ring,
    )
    record_on(member, by=by, summary="Added to the network map", action=Action.CREATE)
    return member


@transaction.atomic
def change_member(member, *, by, expected_version: int, **fields) -> NetworkMember:
    current = NetworkMember.objects.select_for_update().get(pk=member.pk)
    at_version(current, expected_version, by=by)
    if not current.is_current:
        raise NotAllowed("This member has left the network map")
    changes = {
        name: {"before": getattr(current, name), "after": value}
        for name, value in fields.items()
        if name in MEMBER_FIELDS and getattr(current, name) != value
    }
    if not changes:
        return current
    saved = save_if_current(
        current, expected_version, by=by, **{name: fields[name] for name in changes}
    )
    NetworkChange.objects.create(
        member=current,
        person_id=current.person_id,
        change=NetworkChange.Change.CHANGED,
        by=by,
        ring_before=current.ring,
        ring_after=fields.get("ring", current.ring),
        fields=changes,
    )
    record_on(current, by=by, summary="Changed a network map entry", fields=sorted(changes))
    return saved


@transaction.atomic
def remove_member(member, *, by, reason: str) -> NetworkMember:
    retire(member, by=by, reason=reason)
    NetworkChange.objects.create(
        member=member,
        person_id=member.person_id,
        change=NetworkChange.Change.LEFT,
        by=by,
        ring_before=member.ring,
    )
    return member
