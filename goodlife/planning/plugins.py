"""How planning plugs into the rest of Goodlife: timeline, person page, menu and demo
story. Called from ``PlanningConfig.ready()``."""

from operator import attrgetter

from django.urls import reverse

from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry


def _added(noun, text, person="person_id"):
    person_of = attrgetter(person)

    def entries(row):
        yield TimelineEntry(
            row.recorded_at,
            "planning",
            f"{noun} added",
            text(row),
            reverse("planning:plan", args=[person_of(row)]),
            row.recorded_by.full_name,
        )

    return entries


def plan_entries(plan):
    yield TimelineEntry(
        plan.created_at,
        "planning",
        f"Support plan {plan.number} started",
        plan.get_status_display(),
        reverse("planning:support-plan", args=[plan.person_id]),
        plan.created_by.full_name,
    )


def review_entries(review):
    from goodlife.planning.models import Decision  # models load after this module

    stopped = [d for d in review.decisions.all() if d.decision == Decision.STOP]
    yield TimelineEntry(
        review.recorded_at,
        "planning",
        f"Support plan {review.plan.number} reviewed",
        f"{len(stopped)} item{'s' if len(stopped) != 1 else ''} stopped. {review.notes}",
        reverse("planning:support-plan", args=[review.plan.person_id]),
        review.reviewed_by.full_name,
        tags=("Support stopped",) if stopped else (),
    )


def planning_panel(request, person):
    return {"person": person}


def register_all():
    from goodlife.planning.models import Idea, Outcome, Review, SupportPlan, Task

    Feed = timeline.Feed
    timeline.register(
        timeline.TimelineSource(
            "planning",
            "Ideas, outcomes and steps",
            (
                Feed(Idea, _added("Idea", lambda i: i.text), related=("recorded_by",)),
                Feed(Outcome, _added("Outcome", lambda o: o.text), related=("recorded_by",)),
                Feed(
                    Task,
                    _added("Step", lambda t: t.what, person="outcome.person_id"),
                    person="outcome.person_id",
                    related=("outcome", "recorded_by"),
                ),
                Feed(SupportPlan, plan_entries, related=("created_by",)),
                Feed(
                    Review,
                    review_entries,
                    person="plan.person_id",
                    related=("plan", "reviewed_by"),
                    prefetch=("decisions",),
                ),
            ),
            18,
        )
    )
    panels.register(
        panels.PersonPanel("planning", "planning/_planning_panel.html", planning_panel, 7)
    )
    from goodlife.accounts.access import CASEWORK
    from goodlife.ui.navigation import NavItem
    from goodlife.ui.navigation import register as register_nav

    register_nav(NavItem("Reviews", "planning:team", CASEWORK.allows, order=27))
    from goodlife.people import demo as people_demo
    from goodlife.planning import demo

    people_demo.register_step("planning", demo.tell_story)
    from goodlife.people.next_steps import NextStep, register

    ideas = "Ideas to try, and the outcomes the person wants with the steps towards them"
    register(NextStep("plan", "Ideas and outcomes", "planning:plan", 30, ideas))
    agreed = "The support agreed with the person, what it costs and when it is reviewed"
    register(NextStep("support-plan", "Support plan", "planning:support-plan", 40, agreed))
