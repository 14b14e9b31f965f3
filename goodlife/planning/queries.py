"""What the planning pages read: a plan's problems and outcomes, the review's "then and
now", the golden thread of a person's ideas and outcomes, and a team's reviews. Reads only;
every write is in ``services.py``."""

import datetime
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from goodlife.directory.models import NotedSuggestion
from goodlife.planning import rules
from goodlife.planning.golden_thread import threads
from goodlife.planning.models import (
    Decision,
    Idea,
    Outcome,
    OutcomeProgress,
    OutcomeStatus,
    PlanItem,
    PlanStatus,
    Review,
    ReviewDecision,
    SignOffStatus,
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


def last_review_decisions(plan) -> dict:
    """What the plan's latest review decided for each item: {item id: ReviewDecision}."""
    review = plan.reviews.order_by("-reviewed_on", "-recorded_at").first()
    if review is None:
        return {}
    return {d.item_id: d for d in review.decisions.all()}


def problems_need_sign_off(plan) -> bool:
    """Whether a draft has council-funded support a manager has still to sign off."""
    return bool(rules.needs_sign_off(plan.items.all()))


def stopped_at_last_review(plan) -> set:
    """The items of a plan that its latest review stopped."""
    return {
        item_id for item_id, d in last_review_decisions(plan).items() if d.decision == Decision.STOP
    }


def well12_as_it_stands(person_id, *, on):
    """The person's latest WELL12 completed on or before ``on``, as recorded so far: what a
    plan's agreement or a review keeps as its "then"."""
    return (
        Well12Response.objects.filter(person_id=person_id, completed_on__lte=on)
        .order_by("-completed_on", "-recorded_at")
        .first()
    )


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
    earlier review of it, and now. The WELL12 of each point is the one kept when the plan
    was agreed or the review recorded (worked out by date only for plans agreed before
    Goodlife kept it)."""
    reviews = list(plan.reviews.order_by("reviewed_on", "recorded_at").select_related("well12"))
    points = [(None, plan.agreed_on, "When the plan was agreed", plan.agreed_well12_id)] + [
        (r.pk, r.reviewed_on, "At the review", r.well12_id) for r in reviews
    ]
    responses = list(
        Well12Response.objects.filter(person_id=plan.person_id)
        .order_by("completed_on", "recorded_at")
        .only("completed_on", "total", "answered", "recorded_at")
    )
    by_id = {r.pk: r for r in responses}

    def well12_on(day, kept=None):
        if kept is not None and kept in by_id:
            return by_id[kept]
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
    columns = [
        {"label": label, "on": day, "well12": well12_on(day, kept)}
        for _, day, label, kept in points
    ]
    columns.append({"label": "Now", "on": today, "well12": well12_on(None)})
    rows = []
    for outcome in outcomes:
        cells = []
        for review_id, _, _, _ in points:
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


def sign_off_summary(items) -> dict:
    """The council-funded items waiting for sign-off, with what they cost each week and in
    all (from start to planned end; open-ended items have no total)."""
    waiting = rules.needs_sign_off(items)
    totals = [rules.total_cost(i) for i in waiting]
    return {
        "items": [{"item": i, "total": t} for i, t in zip(waiting, totals, strict=True)],
        "weekly": sum((i.weekly_cost or 0 for i in waiting), start=Decimal(0)),
        "total": sum((t for t in totals if t is not None), start=Decimal(0)),
        "open_ended": any(t is None for t in totals),
        "fingerprint": rules.sign_off_fingerprint(waiting),
    }


def requests_with_costs(requests) -> list[dict]:
    """Requests waiting for sign-off, each with its plan's items and costs (one read of
    the items of all their plans)."""
    items = {}
    for item in PlanItem.objects.filter(plan__in=[r.plan_id for r in requests]):
        items.setdefault(item.plan_id, []).append(item)
    return [{"request": r, **sign_off_summary(items.get(r.plan_id, []))} for r in requests]


def plan_status(person) -> dict:
    """The person's current support plan and where it stands, in words, for their page:
    being written, waiting for sign-off, returned, agreed, review due or overdue."""
    plan = (
        SupportPlan.objects.filter(person=person)
        .exclude(status=PlanStatus.REPLACED)
        .order_by("-number")
        .first()
    )
    if plan is None:
        return {"plan": None}
    if plan.is_draft:
        latest = plan.sign_offs.order_by("-requested_at").first()
        if latest is not None and latest.status == SignOffStatus.WAITING:
            words, colour = "Waiting for a manager's sign-off", "yellow"
        elif latest is not None and latest.status == SignOffStatus.RETURNED:
            words, colour = "Returned by the manager: changes asked for", "orange"
        else:
            words, colour = "Being written", "light-blue"
    elif plan.review_overdue:
        words, colour = "Agreed: review overdue", "orange"
    elif plan.review_by and plan.review_by <= timezone.localdate() + REVIEW_SOON:
        words, colour = "Agreed: review due", "yellow"
    else:
        words, colour = "Agreed", "green"
    return {"plan": plan, "plan_status": words, "status_colour": colour}
