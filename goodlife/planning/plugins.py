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

    decisions = list(review.decisions.all())
    stopped = [d for d in decisions if d.decision == Decision.STOP]
    changed = [d for d in decisions if d.decision == Decision.CHANGE]
    said = [
        f"{len(found)} item{'s' if len(found) != 1 else ''} {verb}"
        for found, verb in ((stopped, "stopped"), (changed, "changed"))
        if found
    ] or ["Everything continues"]
    yield TimelineEntry(
        review.recorded_at,
        "planning",
        f"Support plan {review.plan.number} reviewed",
        f"{', '.join(said)}. {review.notes}",
        reverse("planning:support-plan", args=[review.plan.person_id]),
        review.reviewed_by.full_name,
        tags=("Support stopped",) if stopped else (),
    )


def sign_off_entries(request):
    url = reverse("planning:support-plan", args=[request.plan.person_id])
    yield TimelineEntry(
        request.requested_at,
        "planning",
        f"Support plan {request.plan.number} sent for sign-off",
        request.note
        or f"{len(request.items)} council-funded item{'s' if len(request.items) != 1 else ''}",
        url,
        request.requested_by.full_name,
    )
    if request.decided_at:
        signed = request.status == "signed_off"
        yield TimelineEntry(
            request.decided_at,
            "planning",
            f"Support plan {request.plan.number} "
            + ("signed off" if signed else "returned for changes"),
            request.comment,
            url,
            request.decided_by.full_name if request.decided_by else "",
            tags=("Signed off",) if signed else ("Returned",),
        )


def planning_panel(request, person):
    from goodlife.planning.queries import plan_status

    return {"person": person, **plan_status(person)}


def waiting_section(request, visible_people):
    from goodlife.planning import sign_off

    waiting = list(sign_off.waiting_for_manager(request.user, visible_people))
    if not waiting and not sign_off.MANAGE_TEAM.allows(request.user):
        return None
    from goodlife.planning.queries import requests_with_costs

    return {"requests": requests_with_costs(waiting), "people": [r.plan.person for r in waiting]}


def answered_section(request, visible_people):
    from goodlife.planning import sign_off

    answered = list(sign_off.answered_for(request.user, visible_people))
    if not answered:
        return None
    return {"requests": answered, "people": [r.plan.person for r in answered]}


def _menu_count(user):
    from goodlife.planning import sign_off

    return sign_off.count_for_menu(user), "waiting for your sign-off"


def register_all():
    from goodlife.planning.models import Idea, Outcome, Review, SignOffRequest, SupportPlan, Task

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
                    SignOffRequest,
                    sign_off_entries,
                    person="plan.person_id",
                    related=("plan", "requested_by", "decided_by"),
                ),
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
    from goodlife.people import my_work
    from goodlife.ui.navigation import register_count

    my_work.register(
        my_work.WorkSection("sign-offs", "planning/_sign_offs_waiting.html", waiting_section, 1)
    )
    my_work.register(
        my_work.WorkSection(
            "sign-off-answers", "planning/_sign_off_answers.html", answered_section, 2
        )
    )
    register_count("practice:my-work", _menu_count)
    from goodlife.people import demo as people_demo
    from goodlife.planning import demo

    # The story's plans keep the WELL12s recorded before they were agreed and reviewed.
    people_demo.register_step("planning", demo.tell_story, after=("wellbeing",))
    from goodlife.people.next_steps import NextStep, register

    ideas = "Ideas to try, and the outcomes the person wants with the steps towards them"
    register(NextStep("plan", "Ideas and outcomes", "planning:plan", 30, ideas))
    agreed = "The support agreed with the person, what it costs and when it is reviewed"
    register(NextStep("support-plan", "Support plan", "planning:support-plan", 40, agreed))
