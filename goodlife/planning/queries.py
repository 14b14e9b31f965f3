"""What the planning pages read: a plan's problems and outcomes, the review's "then and
now", the golden thread of a person's ideas and outcomes, and a team's reviews. Reads only;
every write is in ``services.py``."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, Q

from goodlife.directory.models import NotedSuggestion
from goodlife.planning import rules
from goodlife.planning.golden_thread import threads
from goodlife.planning.models import (
    Decision,
    Idea,
    Outcome,
    OutcomeProgress,
    OutcomeStatus,
    PlanStatus,
    Review,
    ReviewDecision,
    SupportPlan,
)
from goodlife.planning.tiers import COUNCIL_FUNDED, ORDER
from goodlife.wellbeing.models import Well12Response


def golden_thread(person) -> dict:
    """The person's aspirations, each with the ideas and outcomes that serve it, and the
    directory suggestions noted for them that are not ideas yet."""
    aspirations = list(person.aspirations.filter(retired_at__isnull=True))
    ideas = list(Idea.objects.filter(person=person).select_related("service"))
    outcomes = list(Outcome.objects.filter(person=person).prefetch_related("tasks"))
    noted = NotedSuggestion.objects.filter(person=person).select_related("service")
    already = {i.service_id for i in ideas if i.service_id}
    return {
        "threads": threads(aspirations, ideas, outcomes),
        "noted": [n for n in noted if n.service_id not in already],
    }


def _items_with_counts(plan):
    items = plan.items.annotate(outcome_count=Count("outcomes"))
    return [(item, item.outcome_count) for item in items]


def problems_of(plan):
    return rules.plan_problems(plan, _items_with_counts(plan))


def stopped_at_last_review(plan) -> set:
    """The items of a plan that its latest review stopped."""
    review = plan.reviews.order_by("-reviewed_on", "-recorded_at").first()
    if review is None:
        return set()
    return set(review.decisions.filter(decision=Decision.STOP).values_list("item_id", flat=True))


def plan_outcomes(plan) -> list:
    """The outcomes a plan's items serve, each once, in the plan's order (least intrusive
    support first)."""
    seen = {}
    items = sorted(plan.items.prefetch_related("outcomes"), key=lambda i: ORDER[i.tier])
    for item in items:
        for outcome in item.outcomes.all():
            seen.setdefault(outcome.pk, outcome)
    return list(seen.values())


def then_and_now(plan, outcomes, today) -> dict:
    """WELL12 and each outcome's progress, side by side: when the plan was agreed, at each
    earlier review of it, and now."""
    points = [(None, plan.agreed_on, "When the plan was agreed")] + [
        (r.pk, r.reviewed_on, "At the review")
        for r in plan.reviews.order_by("reviewed_on", "recorded_at")
    ]
    responses = list(
        Well12Response.objects.filter(person_id=plan.person_id)
        .order_by("completed_on", "recorded_at")
        .only("completed_on", "total")
    )

    def well12_on(day):
        before = [r for r in responses if day is None or r.completed_on <= day]
        return before[-1] if before else None

    progress = {
        (p.outcome_id, p.review_id): p
        for p in OutcomeProgress.objects.filter(plan=plan, outcome__in=outcomes)
    }
    steps_now = {
        o.pk: (o.done, o.total)
        for o in Outcome.objects.filter(pk__in=[o.pk for o in outcomes]).annotate(
            total=Count("tasks"), done=Count("tasks", filter=Q(tasks__done_at__isnull=False))
        )
    }
    status_names = dict(OutcomeStatus.choices)
    columns = [{"label": label, "on": day, "well12": well12_on(day)} for _, day, label in points]
    columns.append({"label": "Now", "on": today, "well12": well12_on(None)})
    rows = []
    for outcome in outcomes:
        cells = []
        for review_id, _, _ in points:
            p = progress.get((outcome.pk, review_id))
            cells.append(
                (status_names[p.status], p.steps_done, p.steps_total) if p else ("Not recorded",)
            )
        cells.append((status_names[outcome.status], *steps_now.get(outcome.pk, (0, 0))))
        rows.append({"outcome": outcome, "cells": cells})
    return {"columns": columns, "rows": rows, "has_well12": bool(responses)}


def council_support_stopped(review) -> list:
    """The council-funded items this review stopped: counted as success."""
    return (
        Review.objects.prefetch_related("decisions__item").get(pk=review.pk).council_support_stopped
    )


REVIEW_SOON = datetime.timedelta(weeks=4)


REVIEWS_PER_PAGE = 50


def team_reviews(team_ids, *, today, page=None) -> dict:
    """For a team: agreed plans whose review is overdue or due soon, earliest first, a
    page at a time (named, for the people doing the work), and the past year's reviews,
    counting those that stopped council support as the success the framework aims for.
    ``page`` is as typed in the address (see Paginator.get_page)."""
    agreed = SupportPlan.objects.filter(person__team_id__in=team_ids, status=PlanStatus.AGREED)
    soon = agreed.filter(review_by__lte=today + REVIEW_SOON)
    # Counted over every plan due, not just the page shown.
    counted = soon.aggregate(due=Count("id"), overdue=Count("id", filter=Q(review_by__lt=today)))
    paginator = Paginator(
        soon.select_related("person", "person__allocated_worker").order_by("review_by", "id"),
        REVIEWS_PER_PAGE,
    )
    paginator.count = counted["due"]  # known already: no second count
    due = paginator.get_page(page)
    year = Review.objects.filter(
        plan__person__team_id__in=team_ids, reviewed_on__gt=today - datetime.timedelta(days=365)
    )
    stopped = ReviewDecision.objects.filter(
        review__in=year, decision=Decision.STOP, item__tier__in=COUNCIL_FUNDED
    )
    return {
        "agreed": agreed.count(),
        "due": due,  # a page; due.paginator.count is how many are due in all
        "overdue": counted["overdue"],
        "reviews": year.count(),
        "reviews_stopping": stopped.values("review").distinct().count(),
        "weekly_cost_stopped": sum(
            (c for c in stopped.values_list("item__weekly_cost", flat=True) if c), start=0
        ),
    }
