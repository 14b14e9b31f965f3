"""How conversations plug into the rest of Goodlife: timeline, person page, menu, home
page and demo story. Called once from ``PracticeConfig.ready()``."""

from django.urls import reverse
from django.utils import timezone

from goodlife.accounts import home
from goodlife.accounts.access import CASEWORK
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


def _snippet(text: str, length: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


def episode_entries(e):
    url = reverse("practice:episode", args=[e.person_id, e.pk])
    yield TimelineEntry(
        when=e.opened_at,
        kind="contact",
        title=f"Contact: {ContactMethod(e.contact_method).label.lower()} "
        f"({e.contact_on:%-d %B %Y})",
        summary=f"{e.raised_by}: “{_snippet(e.reason)}”",
        url=url,
        actor=e.opened_by.full_name,
    )
    if e.closed_at:
        yield TimelineEntry(
            when=e.closed_at,
            kind="contact",
            title=f"Episode closed: {e.get_outcome_display().lower()}",
            summary=f"{e.get_end_reason_display()}. {e.closing_note}".strip(),
            url=url,
            actor=e.closed_by.full_name if e.closed_by else "",
            tags=("Good outcome",) if e.is_celebrated else (),
        )


def record_entries(r):
    yield TimelineEntry(
        when=r.finalised_at or r.created_at,
        kind="conversation",
        title=f"{conversation_label(r.conversation)} – "
        f"{STEPS_BY_KEY[r.step].name.lower() if r.step else 'note'}",
        summary=_snippet(r.narrative),
        url=reverse(
            "practice:record-edit" if r.is_draft else "practice:record", args=[r.person_id, r.pk]
        ),
        actor=r.author.full_name,
        tags=("Draft, not finished",) if r.is_draft else (),
    )


def stage_entries(s):
    if s.conversation > 1 and s.reason != "Initial contact":
        yield TimelineEntry(
            when=s.started_at,
            kind="conversation",
            title=f"Moved to {conversation_label(s.conversation)}",
            summary=s.reason,
            url=reverse("practice:episode", args=[s.episode.person_id, s.episode_id]),
            actor=s.started_by.full_name,
        )


def amendment_entries(a):
    yield TimelineEntry(
        when=a.amended_at,
        kind="amendment",
        title="Record amended",
        summary=f"Why: {a.reason}",
        url=reverse("practice:record", args=[a.record.person_id, a.record_id]),
        actor=a.amended_by.full_name,
    )


def holding_entries(h):
    yield TimelineEntry(
        when=h.recorded_at,
        kind="holding",
        title=f"Holding support from {h.starts_on:%-d %B} to {h.planned_end_on:%-d %B %Y}",
        summary=_snippet(h.what),
        actor=h.recorded_by.full_name,
    )
    if h.reviewed_at:
        yield TimelineEntry(
            when=h.reviewed_at,
            kind="holding",
            title="Holding support ended" if h.ended_on else "Holding support reviewed",
            summary=_snippet(h.outcome_note),
            actor=h.closed_by.full_name if h.closed_by else "",
        )


def involvement_panel(request, person):
    today = timezone.localdate()
    # One read of the person's own episodes (a handful over years), split here.
    episodes = list(Episode.objects.filter(person=person))  # newest contact first
    closed = [e for e in episodes if e.closed_at is not None]
    return {
        "person": person,
        "open_episodes": [e for e in episodes if e.closed_at is None],
        "last_closed": max(closed, key=lambda e: e.closed_at) if closed else None,
        "holding": [
            {"support": h, "overdue": h.planned_end_on < today}
            for h in HoldingSupport.objects.filter(person=person, ended_on__isnull=True)
        ],
    }


def register_all():
    Feed, Source = timeline.Feed, timeline.TimelineSource
    timeline.register(
        Source(
            "contact",
            "Contacts and closures",
            (Feed(Episode, episode_entries, related=("opened_by", "closed_by")),),
            10,
        )
    )
    timeline.register(
        Source(
            "conversation",
            "Conversations",
            (
                Feed(ConversationRecord, record_entries, related=("author",)),
                Feed(
                    ConversationStage,
                    stage_entries,
                    person="episode.person_id",
                    related=("episode", "started_by"),
                ),
            ),
            20,
        )
    )
    timeline.register(
        Source(
            "amendment",
            "Amendments",
            (
                Feed(
                    Amendment,
                    amendment_entries,
                    person="record.person_id",
                    related=("record", "amended_by"),
                ),
            ),
            30,
        )
    )
    timeline.register(
        Source(
            "holding",
            "Holding support",
            (Feed(HoldingSupport, holding_entries, related=("recorded_by", "closed_by")),),
            40,
        )
    )
    panels.register(
        panels.PersonPanel("involvement", "practice/_involvement_panel.html", involvement_panel, 10)
    )
    register_nav(NavItem("My work", "practice:my-work", CASEWORK.allows, order=5))
    home.register(Role.PRACTITIONER, "practice:my-work", priority=20)
    from goodlife.practice import demo

    people_demo.register_step("conversations", demo.tell_story)
    from goodlife.people import mentions as people_mentions
    from goodlife.practice.mentions import record_passages

    people_mentions.register(record_passages)
