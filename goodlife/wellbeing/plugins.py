"""How WELL12 plugs into the rest of Goodlife. Called from ``WellbeingConfig.ready()``."""

from django.urls import reverse

from goodlife.accounts.access import CASEWORK_ROLES
from goodlife.people import demo as people_demo
from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry
from goodlife.ui.navigation import NavItem
from goodlife.ui.navigation import register as register_nav
from goodlife.wellbeing.models import Well12Amendment, Well12Response


def well12_entries(person, before, limit):
    responses = Well12Response.objects.filter(person=person).select_related("recorded_by")
    amendments = Well12Amendment.objects.filter(response__person=person).select_related(
        "amended_by", "response"
    )
    if before is not None:
        responses = responses.filter(recorded_at__lt=before)
        amendments = amendments.filter(amended_at__lt=before)
    entries = []
    for r in responses.order_by("-recorded_at")[:limit]:
        score = r.score
        entries.append(
            TimelineEntry(
                when=r.recorded_at,
                kind="wellbeing",
                title=f"WELL12: {r.total} out of 48 ({r.completed_on:%-d %B %Y})",
                summary="" if score.is_complete else f"{score.answered} of 12 statements answered",
                url=reverse("wellbeing:detail", args=[person.pk, r.pk]),
                actor=r.recorded_by.full_name,
            )
        )
    for a in amendments.order_by("-amended_at")[:limit]:
        entries.append(
            TimelineEntry(
                when=a.amended_at,
                kind="wellbeing",
                title=f"WELL12 of {a.response.completed_on:%-d %B %Y} corrected",
                summary=f"Why: {a.reason}",
                url=reverse("wellbeing:detail", args=[person.pk, a.response_id]),
                actor=a.amended_by.full_name,
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def wellbeing_panel(request, person):
    responses = list(Well12Response.objects.filter(person=person).order_by("completed_on")[:1])
    latest = (
        Well12Response.objects.filter(person=person)
        .order_by("-completed_on", "-recorded_at")
        .first()
    )
    count = Well12Response.objects.filter(person=person).count()
    return {
        "person": person,
        "first": responses[0] if responses else None,
        "latest": latest,
        "count": count,
    }


def register_all():
    timeline.register(timeline.TimelineSource("wellbeing", "WELL12", well12_entries, 25))
    panels.register(
        panels.PersonPanel("wellbeing", "wellbeing/_wellbeing_panel.html", wellbeing_panel, 20)
    )
    register_nav(
        NavItem(
            "Wellbeing",
            "wellbeing:team",
            lambda u: u.role in CASEWORK_ROLES,
            order=25,
        )
    )
    from goodlife.wellbeing import demo

    people_demo.register_step("wellbeing", demo.tell_story)
