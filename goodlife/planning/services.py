"""Writing ideas, outcomes, tasks and support plans: one transaction each, each audited."""

import datetime
import uuid

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.audit.services import record_on
from goodlife.errors import NotAllowed, NotReady
from goodlife.people import timeline
from goodlife.planning import rules
from goodlife.planning.models import (
    BudgetLine,
    Decision,
    Idea,
    IdeaStatus,
    Outcome,
    OutcomeProgress,
    PlanItem,
    PlanStatus,
    Review,
    ReviewDecision,
    SupportPlan,
    Task,
)
from goodlife.planning.queries import (
    last_review_decisions,
    plan_outcomes,
    problems_of,
    well12_as_it_stands,
)
from goodlife.versioned import save_if_current


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
    problem = rules.not_wanted_problem(status == IdeaStatus.NOT_WANTED, reason)
    if problem:
        raise NotAllowed(problem)
    Idea.objects.filter(pk=idea.pk).update(status=status, not_wanted_reason=reason)
    idea.refresh_from_db()
    record_on(idea, by=by, summary=f"Idea: {idea.get_status_display().lower()}")
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


def _own_aspiration(person_id, aspiration):
    if aspiration is not None and aspiration.person_id != person_id:
        raise NotAllowed("That aspiration belongs to someone else")


@transaction.atomic
def change_idea(idea, *, by, expected_version, text, tier, aspiration=None) -> Idea:
    _own_aspiration(idea.person_id, aspiration)
    saved = save_if_current(
        idea, expected_version, by=by, text=text, tier=tier, aspiration=aspiration
    )
    record_on(saved, by=by, summary="Changed an idea")
    return saved


OUTCOME_FIELDS = ("text", "how_we_will_know", "by_when", "short_term", "domains", "aspiration")


@transaction.atomic
def change_outcome(outcome, *, by, expected_version, **changes) -> Outcome:
    _own_aspiration(outcome.person_id, changes.get("aspiration"))
    changes = {k: v for k, v in changes.items() if k in OUTCOME_FIELDS}
    if "domains" in changes:
        changes["domains"] = list(changes["domains"])
    saved = save_if_current(outcome, expected_version, by=by, **changes)
    record_on(saved, by=by, summary="Changed an outcome")
    return saved


@transaction.atomic
def change_task(task, *, by, expected_version, what, who, who_name="", by_when=None) -> Task:
    saved = save_if_current(
        task, expected_version, by=by, what=what, who=who, who_name=who_name, by_when=by_when
    )
    record_on(saved, by=by, summary="Changed a step", person_id=task.outcome.person_id)
    return saved


@transaction.atomic
def complete_task(task, *, by) -> Task:
    Task.objects.filter(pk=task.pk, done_at__isnull=True).update(done_at=timezone.now())
    task.refresh_from_db()
    audit(Action.CHANGE, user=by, person_id=task.outcome.person_id, obj=task, summary="Task done")
    return task


def locked_draft(plan_id) -> SupportPlan:
    """The plan, locked for this transaction; only a draft is changed."""
    plan = SupportPlan.objects.select_for_update().get(pk=plan_id)
    if not plan.is_draft:
        raise NotAllowed("Agreed plans are not changed: start a new version")
    return plan


def _carry_on(item, plan, change):
    """A copy of ``item`` in ``plan``, the next version, with what a review's "Change"
    changed. Its sign-off carries over unless the change makes council-funded support cost
    more or run longer."""
    outcomes = list(item.outcomes.all())
    previous = PlanItem.everything.get(pk=item.pk)
    item.id, item.plan, item.carried_from, item.version = uuid.uuid4(), plan, previous, 1
    if change is not None:
        _apply_change(item, previous, change)
    item._state.adding = True
    item.save()
    item.outcomes.set(outcomes)
    return item


def _apply_change(item, previous, change) -> None:
    """What a review's "Change" (``change``, a ReviewDecision) makes of ``item``, the next
    version of ``previous``: needing sign-off again if it costs more or runs longer."""
    new_cost, new_end = change.new_weekly_cost, change.new_ends_on
    if rules.change_needs_sign_off(previous, weekly_cost=new_cost, ends_on=new_end):
        item.signed_off_at = item.signed_off_by = item.signed_off_in = None
    item.description = change.new_description or item.description
    item.provided_by = change.new_provided_by or item.provided_by
    item.weekly_cost = new_cost if new_cost is not None else item.weekly_cost
    if new_end is not None:
        item.ends_on, item.open_ended_reason = new_end, ""


@transaction.atomic
def start_plan(person, *, by) -> SupportPlan:
    """A new draft: the first plan, or a new version carrying on from the latest one.

    Items the latest review stopped are not carried over; items it changed carry over as
    changed. The sources of funding carry over as they were, to be checked against the new
    weekly cost before the plan is agreed."""
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
        decisions = last_review_decisions(latest)
        for item in latest.items.all():
            decision = decisions.get(item.pk)
            if decision is not None and decision.decision == Decision.STOP:
                continue
            changed = decision if decision and decision.decision == Decision.CHANGE else None
            _carry_on(item, plan, changed)
        for line in latest.budget.all():
            BudgetLine.objects.create(
                plan=plan,
                source=line.source,
                weekly_amount=line.weekly_amount,
                taken_as=line.taken_as,
            )
    record_on(
        plan,
        by=by,
        summary=f"Started support plan {plan.number}",
        action=Action.CREATE,
        person_id=person.pk,
    )
    return plan


@transaction.atomic
def save_plan_texts(plan, *, by, expected_version, contingency, disengagement) -> SupportPlan:
    if not SupportPlan.objects.filter(pk=plan.pk, status=PlanStatus.DRAFT).exists():
        raise NotAllowed("This plan is already agreed")
    plan = save_if_current(
        plan,
        expected_version,
        by=by,
        where={"status": PlanStatus.DRAFT},
        contingency=contingency,
        disengagement=disengagement,
    )
    record_on(plan, by=by, summary="Changed the contingency and disengagement plans")
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
    plan = locked_draft(plan.pk)
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
    record_on(
        item,
        by=by,
        summary="Added an item to the support plan",
        action=Action.CREATE,
        person_id=plan.person_id,
    )
    return item


def _in_draft(model, row, *, removed=False):
    """``row`` of ``model`` (a plan item or budget line) read afresh, with its plan locked:
    only a draft's are changed. ``removed``: a row taken out (to be put back)."""
    plan = locked_draft(row.plan_id)
    current = model.everything.filter(pk=row.pk, removed_at__isnull=not removed).first()
    if current is None:
        raise NotAllowed(
            "That is no longer in the plan" if not removed else "That is already back in the plan"
        )
    return plan, current


@transaction.atomic
def remove_item(item, *, by) -> None:
    """Take an item out of a draft; it can be put back until the plan is agreed."""
    plan, item = _in_draft(PlanItem, item)
    PlanItem.everything.filter(pk=item.pk).update(removed_at=timezone.now(), removed_by=by)
    record_on(
        plan,
        by=by,
        summary=f"Took “{item.description}” out of the draft support plan",
        item=str(item.pk),
    )


@transaction.atomic
def restore_item(item, *, by) -> None:
    plan, item = _in_draft(PlanItem, item, removed=True)
    PlanItem.everything.filter(pk=item.pk).update(removed_at=None, removed_by=None)
    record_on(
        plan,
        by=by,
        summary=f"Put “{item.description}” back in the draft support plan",
        item=str(item.pk),
    )


ITEM_FIELDS = (
    "description",
    "tier",
    "provided_by",
    "starts_on",
    "ends_on",
    "open_ended_reason",
    "weekly_cost",
)


@transaction.atomic
def change_item(item, *, by, expected_version, outcomes=(), **changes) -> PlanItem:
    """Edit a draft's item. A signed-off item whose cost, dates or source changes needs
    signing off again."""
    plan, current = _in_draft(PlanItem, item)
    if any(o.person_id != plan.person_id for o in outcomes):
        raise NotAllowed("Outcomes must be the person's own")
    changes = {k: v for k, v in changes.items() if k in ITEM_FIELDS}
    if current.signed_off_at is not None and rules.edit_needs_sign_off(current, changes):
        changes.update(signed_off_at=None, signed_off_by=None, signed_off_in=None)
    saved = save_if_current(
        current, expected_version, by=by, where={"plan__status": PlanStatus.DRAFT}, **changes
    )
    saved.outcomes.set(outcomes)
    record_on(
        saved,
        by=by,
        summary="Changed an item in the draft support plan"
        + (": it needs signing off again" if "signed_off_at" in changes else ""),
        person_id=plan.person_id,
    )
    return saved


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


@transaction.atomic
def agree_plan(plan, *, by, agreed_on, agreed_how, review_by=None) -> SupportPlan:
    plan = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_draft:
        raise NotAllowed("This plan is already agreed")
    problems = problems_of(plan)
    if problems:
        raise NotReady(problems, "The plan is not ready to agree")
    problem = rules.agreed_review_problem(agreed_on, review_by)
    if problem:
        raise NotAllowed(problem)
    replaced = list(SupportPlan.objects.filter(person=plan.person, status=PlanStatus.AGREED))
    SupportPlan.objects.filter(pk__in=[p.pk for p in replaced]).update(status=PlanStatus.REPLACED)
    # What was taken out of the draft goes for good once the person has agreed the rest.
    PlanItem.everything.filter(plan=plan, removed_at__isnull=False).delete()
    BudgetLine.everything.filter(plan=plan, removed_at__isnull=False).delete()
    SupportPlan.objects.filter(pk=plan.pk).update(
        status=PlanStatus.AGREED,
        agreed_on=agreed_on,
        agreed_how=agreed_how,
        review_by=review_by or agreed_on + FIRST_REVIEW_AFTER,
        agreed_well12=well12_as_it_stands(plan.person_id, on=agreed_on),
        version=F("version") + 1,
    )
    plan.refresh_from_db()
    timeline.refresh(plan, *replaced)
    _snapshot_progress(plan, plan_outcomes(plan), on=agreed_on)
    record_on(plan, by=by, summary=f"Support plan {plan.number} agreed with the person")
    return plan


@transaction.atomic
def add_budget_line(plan, *, by, source, weekly_amount, taken_as="") -> BudgetLine:
    plan = locked_draft(plan.pk)
    line = BudgetLine.objects.create(
        plan=plan, source=source, weekly_amount=weekly_amount, taken_as=taken_as
    )
    record_on(plan, by=by, summary="Added a source of funding to the personal budget")
    return line


@transaction.atomic
def remove_budget_line(line, *, by) -> None:
    plan, line = _in_draft(BudgetLine, line)
    BudgetLine.everything.filter(pk=line.pk).update(removed_at=timezone.now(), removed_by=by)
    record_on(
        plan,
        by=by,
        summary=f"Took £{line.weekly_amount} a week from {line.get_source_display().lower()} "
        "out of the personal budget",
    )


@transaction.atomic
def restore_budget_line(line, *, by) -> None:
    plan, line = _in_draft(BudgetLine, line, removed=True)
    BudgetLine.everything.filter(pk=line.pk).update(removed_at=None, removed_by=None)
    record_on(plan, by=by, summary="Put a source of funding back in the personal budget")


@transaction.atomic
def change_budget_line(line, *, by, expected_version, source, weekly_amount, taken_as="") -> None:
    plan, current = _in_draft(BudgetLine, line)
    save_if_current(
        current,
        expected_version,
        by=by,
        where={"plan__status": PlanStatus.DRAFT},
        source=source,
        weekly_amount=weekly_amount,
        taken_as=taken_as,
    )
    record_on(plan, by=by, summary="Changed a source of funding in the personal budget")


CHANGE_FIELDS = ("new_description", "new_provided_by", "new_weekly_cost", "new_ends_on")


@transaction.atomic
def record_review(
    plan, *, by, reviewed_on, notes="", decisions=(), outcome_statuses=(), next_review_by=None
):
    """Record a review: each item continues, changes or stops (with the reason), and each
    outcome's progress. Stopping council-funded support is the success the framework aims
    for, and is counted as such. ``decisions`` are (item, decision, reason) or (item,
    decision, reason, changes) with ``changes`` a dict of what a "Change" changes (the
    item's ``description``, ``provided_by``, ``weekly_cost``, ``ends_on``). A review that
    changes anything starts the plan's next version, carrying the changes, to agree with
    the person (and sign off where it costs more or runs longer)."""
    plan = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.AGREED:
        raise NotAllowed("Only an agreed plan is reviewed")
    items = {item.pk: item for item in plan.items.all()}
    decided = {d[0].pk for d in decisions}
    if decided != set(items):
        raise NotAllowed("Decide for every item in the plan")
    review = Review.objects.create(
        plan=plan,
        reviewed_on=reviewed_on,
        notes=notes,
        reviewed_by=by,
        well12=well12_as_it_stands(plan.person_id, on=reviewed_on),
    )
    changed = False
    for item, decision, reason, *rest in decisions:
        changes = rest[0] if rest else {}
        problem = rules.decision_problem(item, decision, reason)
        if problem is None and decision == Decision.CHANGE:
            problem = rules.change_problem(item, changes)
        if problem:
            raise NotAllowed(problem)
        kept = (
            {f"new_{k}": v for k, v in changes.items() if v not in (None, "")}
            if decision == Decision.CHANGE
            else {}
        )
        changed = changed or decision == Decision.CHANGE
        ReviewDecision.objects.create(
            review=review, item=item, decision=decision, reason=reason, **kept
        )
    for outcome, status in outcome_statuses:
        if outcome.person_id != plan.person_id:
            raise NotAllowed("Outcomes must be the person's own")
        Outcome.objects.filter(pk=outcome.pk).update(status=status)
        outcome.status = status
    _snapshot_progress(plan, [o for o, _ in outcome_statuses], on=reviewed_on, review=review)
    problem = rules.next_review_problem(reviewed_on, next_review_by)
    if problem:
        raise NotAllowed(problem)
    SupportPlan.objects.filter(pk=plan.pk).update(review_by=next_review_by)
    timeline.refresh(review)  # its entry counts the decisions made after it was saved
    record_on(
        review,
        by=by,
        summary=f"Reviewed support plan {plan.number}",
        action=Action.CREATE,
        person_id=plan.person_id,
    )
    if changed:
        draft = SupportPlan.objects.filter(
            person_id=plan.person_id, status=PlanStatus.DRAFT
        ).first()
        if draft is None:
            start_plan(plan.person, by=by)
        else:  # a new version was already started: the changes go into it
            _change_draft(draft, review, by=by)
    return review


def _change_draft(draft, review, *, by) -> None:
    for decision in review.decisions.filter(decision=Decision.CHANGE).select_related("item"):
        for carried in PlanItem.objects.filter(plan=draft, carried_from=decision.item):
            _apply_change(carried, decision.item, decision)
            carried.version += 1
            carried.save()
            record_on(
                carried,
                by=by,
                summary="Changed an item in the draft support plan, as the review decided",
                person_id=draft.person_id,
            )
