"""How WELL12 plugs into the rest of Goodlife. Called from ``WellbeingConfig.ready()``."""

from django.urls import reverse

from goodlife.accounts.access import CASEWORK
from goodlife.people import demo as people_demo
from goodlife.people import next_steps, panels, timeline
from goodlife.people.timeline import TimelineEntry
from goodlife.ui.navigation import NavItem
from goodlife.ui.navigation import register as register_nav
from goodlife.wellbeing.models import Well12Amendment, Well12Response


def response_entries(r):
    score = r.score
    yield TimelineEntry(
        when=r.recorded_at,
        kind="wellbeing",
        title=f"WELL12: {r.total} out of 48 ({r.completed_on:%-d %B %Y})",
        summary="" if score.is_complete else f"{score.answered} of 12 statements answered",
        url=reverse("wellbeing:detail", args=[r.person_id, r.pk]),
        actor=r.recorded_by.full_name,
    )


def amendment_entries(a):
    yield TimelineEntry(
        when=a.amended_at,
        kind="wellbeing",
        title=f"WELL12 of {a.response.completed_on:%-d %B %Y} corrected",
        summary=f"Why: {a.reason}",
        url=reverse("wellbeing:detail", args=[a.response.person_id, a.response_id]),
        actor=a.amended_by.full_name,
    )


def wellbeing_panel(request, person):
    # One read of the person's own WELL12s (a few a year), oldest first.
    responses = list(
        Well12Response.objects.filter(person=person)
        .order_by("completed_on", "recorded_at")
        .only("id", "person_id", "completed_on", "recorded_at", "total")
    )
    return {
        "person": person,
        "first": responses[0] if responses else None,
        "latest": responses[-1] if responses else None,
        "count": len(responses),
    }


def register_all():
    timeline.register(
        timeline.TimelineSource(
            "wellbeing",
            "WELL12",
            (
                timeline.Feed(Well12Response, response_entries, related=("recorded_by",)),
                timeline.Feed(
                    Well12Amendment,
                    amendment_entries,
                    person="response.person_id",
                    related=("response", "amended_by"),
                ),
            ),
            25,
        )
    )
    panels.register(
        panels.PersonPanel("wellbeing", "wellbeing/_wellbeing_panel.html", wellbeing_panel, 20)
    )
    register_nav(
        NavItem(
            "Wellbeing",
            "wellbeing:team",
            CASEWORK.allows,
            order=25,
        )
    )
    from goodlife.wellbeing import demo

    people_demo.register_step("wellbeing", demo.tell_story)
    next_steps.register(
        next_steps.NextStep(
            "well12",
            "WELL12",
            "wellbeing:progression",
            10,
            "How the person feels about their life now, and how that has changed",
        )
    )
