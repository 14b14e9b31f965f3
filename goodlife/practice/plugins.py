"""How conversations plug into the rest of Goodlife: timeline, person page, menu, home
page and demo story. Called once from ``PracticeConfig.ready()``."""

import heapq
import itertools

from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from goodlife.accounts import home
from goodlife.accounts.access import CASEWORK_ROLES
from goodlife.accounts.models import Role
from goodlife.people import demo as people_demo
from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry
from goodlife.practice.framework import STEPS_BY_KEY, conversation_label
from goodlife.practice.models import (
    Amendment,
    ContactMethod,
    ConversationRecord,
    ConversationStage,
    Episode,
    HoldingSupport,
)
from goodlife.ui.navigation import NavItem
from goodlife.ui.navigation import register as register_nav


def _before(queryset, field, before, limit):
    if before is not None:
        queryset = queryset.filter(**{f"{field}__lt": before})
    return queryset.order_by(f"-{field}")[:limit]


def _merge(limit, *streams):
    return list(itertools.islice(heapq.merge(*streams, key=lambda e: e.when, reverse=True), limit))


def _snippet(text: str, length: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def contact_entries(person, before, limit):
    episodes = Episode.objects.filter(person=person).select_related("opened_by", "closed_by")
    opened = [
        TimelineEntry(
            when=e.opened_at,
            kind="contact",
            title=f"Contact: {ContactMethod(e.contact_method).label.lower()} "
            f"({e.contact_on:%-d %B %Y})",
            summary=f"{e.raised_by}: “{_snippet(e.reason)}”",
            url=reverse("practice:episode", args=[person.pk, e.pk]),
            actor=e.opened_by.full_name,
        )
        for e in _before(episodes, "opened_at", before, limit)
    ]
    closed = [
        TimelineEntry(
            when=e.closed_at,
            kind="contact",
            title=f"Episode closed: {e.get_outcome_display().lower()}",
            summary=f"{e.get_end_reason_display()}. {e.closing_note}".strip(),
            url=reverse("practice:episode", args=[person.pk, e.pk]),
            actor=e.closed_by.full_name if e.closed_by else "",
            tags=("Good outcome",) if e.is_celebrated else (),
        )
        for e in _before(episodes.filter(closed_at__isnull=False), "closed_at", before, limit)
    ]
    return _merge(limit, opened, closed)


def conversation_entries(person, before, limit):
    records = ConversationRecord.objects.filter(person=person).select_related("author")
    shown = [
        TimelineEntry(
            when=r.finalised_at or r.created_at,
            kind="conversation",
            title=f"{conversation_label(r.conversation)} – "
            f"{STEPS_BY_KEY[r.step].name.lower() if r.step else 'note'}",
            summary=_snippet(r.narrative),
            url=reverse(
                "practice:record-edit" if r.is_draft else "practice:record", args=[person.pk, r.pk]
            ),
            actor=r.author.full_name,
            tags=("Draft, not finished",) if r.is_draft else (),
        )
        for r in _before(
            records.annotate(when=Coalesce("finalised_at", "created_at")), "when", before, limit
        )
    ]
    stages = [
        TimelineEntry(
            when=s.started_at,
            kind="conversation",
            title=f"Moved to {conversation_label(s.conversation)}",
            summary=s.reason,
            url=reverse("practice:episode", args=[person.pk, s.episode_id]),
            actor=s.started_by.full_name,
        )
        for s in _before(
            ConversationStage.objects.filter(episode__person=person, conversation__gt=1)
            .exclude(reason="Initial contact")
            .select_related("started_by"),
            "started_at",
            before,
            limit,
        )
    ]
    return _merge(limit, shown, stages)


def amendment_entries(person, before, limit):
    return [
        TimelineEntry(
            when=a.amended_at,
            kind="amendment",
            title="Record amended",
            summary=f"Why: {a.reason}",
            url=reverse("practice:record", args=[person.pk, a.record_id]),
            actor=a.amended_by.full_name,
        )
        for a in _before(
            Amendment.objects.filter(record__person=person).select_related("amended_by"),
            "amended_at",
            before,
            limit,
        )
    ]


def holding_entries(person, before, limit):
    supports = HoldingSupport.objects.filter(person=person).select_related("recorded_by")
    started = [
        TimelineEntry(
            when=h.recorded_at,
            kind="holding",
            title=f"Holding support from {h.starts_on:%-d %B} to {h.planned_end_on:%-d %B %Y}",
            summary=_snippet(h.what),
            actor=h.recorded_by.full_name,
        )
        for h in _before(supports, "recorded_at", before, limit)
    ]
    reviewed = [
        TimelineEntry(
            when=h.reviewed_at,
            kind="holding",
            title="Holding support ended" if h.ended_on else "Holding support reviewed",
            summary=_snippet(h.outcome_note),
            actor=h.closed_by.full_name if h.closed_by else "",
        )
        for h in _before(
            supports.filter(reviewed_at__isnull=False).select_related("closed_by"),
            "reviewed_at",
            before,
            limit,
        )
    ]
    return _merge(limit, started, reviewed)


def involvement_panel(request, person):
    today = timezone.localdate()
    return {
        "person": person,
        "open_episodes": Episode.objects.filter(person=person, closed_at__isnull=True),
        "last_closed": Episode.objects.filter(person=person, closed_at__isnull=False)
        .order_by("-closed_at")
        .first(),
        "holding": [
            {"support": h, "overdue": h.planned_end_on < today}
            for h in HoldingSupport.objects.filter(person=person, ended_on__isnull=True)
        ],
    }


def register_all():
    timeline.register(
        timeline.TimelineSource("contact", "Contacts and closures", contact_entries, 10)
    )
    timeline.register(
        timeline.TimelineSource("conversation", "Conversations", conversation_entries, 20)
    )
    timeline.register(timeline.TimelineSource("amendment", "Amendments", amendment_entries, 30))
    timeline.register(timeline.TimelineSource("holding", "Holding support", holding_entries, 40))
    panels.register(
        panels.PersonPanel("involvement", "practice/_involvement_panel.html", involvement_panel, 10)
    )
    register_nav(
        NavItem("My work", "practice:my-work", lambda u: u.role in CASEWORK_ROLES, order=5)
    )
    home.register(Role.PRACTITIONER, "practice:my-work", priority=20)
    from goodlife.practice import demo

    people_demo.register_step("conversations", demo.tell_story)
