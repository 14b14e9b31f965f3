"""Writing ideas, outcomes, tasks and support plans: one transaction each, each audited."""

import datetime
import uuid

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.people import timeline
from goodlife.planning import rules
from goodlife.planning.models import (
    BudgetLine,
    Idea,
    IdeaStatus,
    Outcome,
    OutcomeProgress,
    OutcomeStatus,
    PlanItem,
    PlanStatus,
    Review,
    ReviewDecision,
    SupportPlan,
    Task,
)
from goodlife.planning.tiers import COUNCIL_FUNDED, ORDER
from goodlife.wellbeing.models import Well12Response


class NotAllowed(Exception):
    pass


@transaction.atomic
def add_idea(person, *, by, text, tier, aspiration=None, service=None) -> Idea:
    if aspiration is not None and aspiration.person_id != person.pk:
        raise NotAllowed("That aspiration belongs to someone else")
    idea = Idea.objects.create(
        person=person, recorded_by=by, text=text, tier=tier, aspiration=aspiration, service=service
    )
    audit(Action.CREATE, user=by, person_id=person.pk, obj=idea, summary="Added an idea")
    return idea


@transaction.atomic
def set_idea_status(idea, *, by, status, reason="") -> Idea:
    if status == IdeaStatus.NOT_WANTED and not reason.strip():
        raise NotAllowed("Say why the person did not want it")
    Idea.objects.filter(pk=idea.pk).update(status=status, not_wanted_reason=reason)
    idea.refresh_from_db()
    audit(
        Action.CHANGE,
        user=by,
        person_id=idea.person_id,
        obj=idea,
        summary=f"Idea: {idea.get_status_display().lower()}",
    )
    return idea


@transaction.atomic
def add_outcome(
    person,
    *,
    by,
    text,
    how_we_will_know="",
    by_when=None,
    short_term=False,
    domains=(),
    aspiration=None,
) -> Outcome:
    if aspiration is not None and aspiration.person_id != person.pk:
        raise NotAllowed("That aspiration belongs to someone else")
    outcome = Outcome.objects.create(
        person=person,
        recorded_by=by,
        text=text,
        how_we_will_know=how_we_will_know,
        by_when=by_when,
        short_term=short_term,
        domains=list(domains),
        aspiration=aspiration,
    )
    audit(Action.CREATE, user=by, person_id=person.pk, obj=outcome, summary="Added an outcome")
    return outcome


@transaction.atomic
def add_task(outcome, *, by, what, who, who_name="", by_when=None) -> Task:
    task = Task.objects.create(
        outcome=outcome, recorded_by=by, what=what, who=who, who_name=who_name, by_when=by_when
    )
    audit(Action.CREATE, user=by, person_id=outcome.person_id, obj=task, summary="Added a task")
    return task


@transaction.atomic
def complete_task(task, *, by) -> Task:
    Task.objects.filter(pk=task.pk, done_at__isnull=True).update(done_at=timezone.now())
    task.refresh_from_db()
    audit(Action.CHANGE, user=by, person_id=task.outcome.person_id, obj=task, summary="Task done")
    return task


class PlanNotReady(Exception):
    def __init__(self, problems):
        super().__init__("The plan is not ready to agree")
        self.problems = problems


def _locked_draft(plan_id) -> SupportPlan:
    """The plan, locked for this transaction; only a draft is changed."""
    plan = SupportPlan.objects.select_for_update().get(pk=plan_id)
    if not plan.is_draft:
        raise NotAllowed("Agreed plans are not changed: start a new version")
    return plan


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
    return set(review.decisions.filter(decision="stop").values_list("item_id", flat=True))


@transaction.atomic
def start_plan(person, *, by) -> SupportPlan:
    """A new draft: the first plan, or a new version carrying on from the latest one.

    Items the latest review stopped are not carried over. The personal budget is carried
    over only when all the council-funded support carries over with it; when some stopped,
    the budget is worked out again for what is left."""
    latest = SupportPlan.objects.filter(person=person).order_by("-number").first()
    if latest is not None and latest.is_draft:
        return latest
    plan = SupportPlan.objects.create(
        person=person,
        created_by=by,
        number=(latest.number + 1) if latest else 1,
        contingency=latest.contingency if latest else "",
        disengagement=latest.disengagement if latest else "",
    )
    if latest is not None:
        stopped = stopped_at_last_review(latest)
        council_stopped = False
        for item in latest.items.all():
            if item.pk in stopped:
                council_stopped = council_stopped or item.tier in COUNCIL_FUNDED
                continue
            outcomes = list(item.outcomes.all())
            item.id, item.plan = uuid.uuid4(), plan
            item._state.adding = True
            item.save()
            item.outcomes.set(outcomes)
        for line in [] if council_stopped else latest.budget.all():
            BudgetLine.objects.create(
                plan=plan,
                source=line.source,
                weekly_amount=line.weekly_amount,
                taken_as=line.taken_as,
            )
    audit(
        Action.CREATE,
        user=by,
        person_id=person.pk,
        obj=plan,
        summary=f"Started support plan {plan.number}",
    )
    return plan


@transaction.atomic
def save_plan_texts(plan, *, by, expected_version, contingency, disengagement) -> SupportPlan:
    updated = SupportPlan.objects.filter(
        pk=plan.pk, version=expected_version, status=PlanStatus.DRAFT
    ).update(contingency=contingency, disengagement=disengagement, version=F("version") + 1)
    if not updated:
        raise NotAllowed("The plan was changed or agreed by someone else: reload it")
    plan.refresh_from_db()
    audit(
        Action.CHANGE,
        user=by,
        person_id=plan.person_id,
        obj=plan,
        summary="Changed the contingency and disengagement plans",
    )
    return plan


@transaction.atomic
def add_item(
    plan,
    *,
    by,
    description,
    tier,
    outcomes=(),
    provided_by="",
    starts_on=None,
    ends_on=None,
    open_ended_reason="",
    weekly_cost=None,
) -> PlanItem:
    plan = _locked_draft(plan.pk)
    if any(o.person_id != plan.person_id for o in outcomes):
        raise NotAllowed("Outcomes must be the person's own")
    item = PlanItem.objects.create(
        plan=plan,
        description=description,
        tier=tier,
        provided_by=provided_by,
        starts_on=starts_on,
        ends_on=ends_on,
        open_ended_reason=open_ended_reason,
        weekly_cost=weekly_cost,
    )
    item.outcomes.set(outcomes)
    audit(
        Action.CREATE,
        user=by,
        person_id=plan.person_id,
        obj=item,
        summary="Added an item to the support plan",
    )
    return item


@transaction.atomic
def remove_item(item, *, by) -> None:
    plan = _locked_draft(item.plan_id)
    PlanItem.objects.filter(pk=item.pk).delete()
    audit(
        Action.CHANGE,
        user=by,
        person_id=plan.person_id,
        obj=plan,
        summary=f"Took “{item.description}” out of the draft support plan",
    )


@transaction.atomic
def sign_off(item, *, by) -> PlanItem:
    if by.role != "team_manager":
        raise NotAllowed("Only a team manager signs off council-funded support")
    _locked_draft(item.plan_id)
    PlanItem.objects.filter(pk=item.pk).update(signed_off_by=by, signed_off_at=timezone.now())
    item.refresh_from_db()
    audit(
        Action.CHANGE,
        user=by,
        person_id=item.plan.person_id,
        obj=item,
        summary="Signed off council-funded support",
    )
    return item


FIRST_REVIEW_AFTER = datetime.timedelta(weeks=8)


def _snapshot_progress(plan, outcomes, *, on, review=None) -> None:
    """Record where each outcome stands, with its steps done, for the review history."""
    counted = Outcome.objects.filter(pk__in=[o.pk for o in outcomes]).annotate(
        total=Count("tasks"), done=Count("tasks", filter=Q(tasks__done_at__isnull=False))
    )
    OutcomeProgress.objects.bulk_create(
        OutcomeProgress(
            outcome=o,
            plan=plan,
            review=review,
            status=o.status,
            steps_done=o.done,
            steps_total=o.total,
            recorded_on=on,
        )
        for o in counted
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


@transaction.atomic
def agree_plan(plan, *, by, agreed_on, agreed_how, review_by=None) -> SupportPlan:
    plan = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_draft:
        raise NotAllowed("This plan is already agreed")
    problems = problems_of(plan)
    if problems:
        raise PlanNotReady(problems)
    replaced = list(SupportPlan.objects.filter(person=plan.person, status=PlanStatus.AGREED))
    SupportPlan.objects.filter(pk__in=[p.pk for p in replaced]).update(status=PlanStatus.REPLACED)
    if review_by is not None and review_by < agreed_on:
        raise NotAllowed("The review must be after the plan is agreed")
    SupportPlan.objects.filter(pk=plan.pk).update(
        status=PlanStatus.AGREED,
        agreed_on=agreed_on,
        agreed_how=agreed_how,
        review_by=review_by or agreed_on + FIRST_REVIEW_AFTER,
        version=F("version") + 1,
    )
    plan.refresh_from_db()
    timeline.refresh(plan, *replaced)
    _snapshot_progress(plan, plan_outcomes(plan), on=agreed_on)
    audit(
        Action.CHANGE,
        user=by,
        person_id=plan.person_id,
        obj=plan,
        summary=f"Support plan {plan.number} agreed with the person",
    )
    return plan


@transaction.atomic
def add_budget_line(plan, *, by, source, weekly_amount, taken_as="") -> BudgetLine:
    plan = _locked_draft(plan.pk)
    line = BudgetLine.objects.create(
        plan=plan, source=source, weekly_amount=weekly_amount, taken_as=taken_as
    )
    audit(
        Action.CHANGE,
        user=by,
        person_id=plan.person_id,
        obj=plan,
        summary="Added a source of funding to the personal budget",
    )
    return line


@transaction.atomic
def remove_budget_line(line, *, by) -> None:
    plan = _locked_draft(line.plan_id)
    BudgetLine.objects.filter(pk=line.pk).delete()
    audit(
        Action.CHANGE,
        user=by,
        person_id=plan.person_id,
        obj=plan,
        summary="Removed a source of funding from the personal budget",
    )


@transaction.atomic
def record_review(
    plan, *, by, reviewed_on, notes="", decisions=(), outcome_statuses=(), next_review_by=None
):
    """Record a review: each item continues, changes or stops (with the reason), and each
    outcome's progress. Stopping council-funded support is the success the framework aims
    for, and is counted as such."""
    plan = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.AGREED:
        raise NotAllowed("Only an agreed plan is reviewed")
    items = {item.pk: item for item in plan.items.all()}
    decided = {item.pk for item, _, _ in decisions}
    if decided != set(items):
        raise NotAllowed("Decide for every item in the plan")
    review = Review.objects.create(plan=plan, reviewed_on=reviewed_on, notes=notes, reviewed_by=by)
    for item, decision, reason in decisions:
        if decision != "continue" and not reason.strip():
            raise NotAllowed(f"Say why “{item.description}” changes or stops")
        ReviewDecision.objects.create(review=review, item=item, decision=decision, reason=reason)
    for outcome, status in outcome_statuses:
        if outcome.person_id != plan.person_id:
            raise NotAllowed("Outcomes must be the person's own")
        Outcome.objects.filter(pk=outcome.pk).update(status=status)
        outcome.status = status
    _snapshot_progress(plan, [o for o, _ in outcome_statuses], on=reviewed_on, review=review)
    if next_review_by is not None and next_review_by <= reviewed_on:
        raise NotAllowed("The next review must be after this one")
    SupportPlan.objects.filter(pk=plan.pk).update(review_by=next_review_by)
    timeline.refresh(review)  # its entry counts the decisions made after it was saved
    audit(
        Action.CREATE,
        user=by,
        person_id=plan.person_id,
        obj=review,
        summary=f"Reviewed support plan {plan.number}",
    )
    return review


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
        review__in=year, decision="stop", item__tier__in=COUNCIL_FUNDED
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
