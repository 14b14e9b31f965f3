"""Timeline and person-page registrations for planning."""

from django.urls import reverse

from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry


def planning_entries(person, before, limit):
    from goodlife.planning.models import Idea, Outcome, Task

    url = reverse("planning:plan", args=[person.pk])
    rows = [
        (Idea.objects.filter(person=person), "recorded_at", "Idea", lambda i: i.text),
        (Outcome.objects.filter(person=person), "recorded_at", "Outcome", lambda o: o.text),
        (Task.objects.filter(outcome__person=person), "recorded_at", "Step", lambda t: t.what),
    ]
    entries = []
    for queryset, field, noun, text in rows:
        if before is not None:
            queryset = queryset.filter(**{f"{field}__lt": before})
        for row in queryset.select_related("recorded_by").order_by(f"-{field}")[:limit]:
            entries.append(
                TimelineEntry(
                    getattr(row, field),
                    "planning",
                    f"{noun} added",
                    text(row),
                    url,
                    row.recorded_by.full_name,
                )
            )
    from goodlife.planning.models import Review, SupportPlan

    plan_url = reverse("planning:support-plan", args=[person.pk])
    plans = SupportPlan.objects.filter(person=person).select_related("created_by")
    reviews = Review.objects.filter(plan__person=person).select_related("reviewed_by", "plan")
    if before is not None:
        plans, reviews = plans.filter(created_at__lt=before), reviews.filter(recorded_at__lt=before)
    for plan in plans.order_by("-created_at")[:limit]:
        entries.append(
            TimelineEntry(
                plan.created_at,
                "planning",
                f"Support plan {plan.number} started",
                plan.get_status_display(),
                plan_url,
                plan.created_by.full_name,
            )
        )
    for review in reviews.order_by("-recorded_at")[:limit]:
        stopped = [d for d in review.decisions.all() if d.decision == "stop"]
        entries.append(
            TimelineEntry(
                review.recorded_at,
                "planning",
                f"Support plan {review.plan.number} reviewed",
                f"{len(stopped)} item{'s' if len(stopped) != 1 else ''} stopped. {review.notes}",
                plan_url,
                review.reviewed_by.full_name,
                tags=("Support stopped",) if stopped else (),
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def planning_panel(request, person):
    return {"person": person}


def register():
    timeline.register(
        timeline.TimelineSource("planning", "Ideas, outcomes and steps", planning_entries, 18)
    )
    panels.register(
        panels.PersonPanel("planning", "planning/_planning_panel.html", planning_panel, 7)
    )
    from goodlife.accounts.access import CASEWORK_ROLES
    from goodlife.ui.navigation import NavItem
    from goodlife.ui.navigation import register as register_nav

    register_nav(NavItem("Reviews", "planning:team", lambda u: u.role in CASEWORK_ROLES, order=27))
    from goodlife.people import demo as people_demo
    from goodlife.planning import demo

    people_demo.register_step("planning", demo.tell_story)
