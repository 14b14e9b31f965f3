"""Writing ideas, outcomes, tasks and support plans: one transaction each, each audited."""

import datetime
import uuid

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from goodlife.accounts.access import MANAGE_TEAM
from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.audit.services import record_on
from goodlife.errors import NotAllowed, NotReady
from goodlife.people import timeline
from goodlife.planning import rules
from goodlife.planning.models import (
    BudgetLine,
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
from goodlife.planning.queries import plan_outcomes, problems_of, stopped_at_last_review
from goodlife.planning.tiers import COUNCIL_FUNDED
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


@transaction.atomic
def complete_task(task, *, by) -> Task:
    Task.objects.filter(pk=task.pk, done_at__isnull=True).update(done_at=timezone.now())
    task.refresh_from_db()
    audit(Action.CHANGE, user=by, person_id=task.outcome.person_id, obj=task, summary="Task done")
    return task


def _locked_draft(plan_id) -> SupportPlan:
    """The plan, locked for this transaction; only a draft is changed."""
    plan = SupportPlan.objects.select_for_update().get(pk=plan_id)
    if not plan.is_draft:
        raise NotAllowed("Agreed plans are not changed: start a new version")
    return plan


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
    record_on(
        item,
        by=by,
        summary="Added an item to the support plan",
        action=Action.CREATE,
        person_id=plan.person_id,
    )
    return item


@transaction.atomic
def remove_item(item, *, by) -> None:
    plan = _locked_draft(item.plan_id)
    PlanItem.objects.filter(pk=item.pk).delete()
    record_on(plan, by=by, summary=f"Took “{item.description}” out of the draft support plan")


@transaction.atomic
def sign_off(item, *, by) -> PlanItem:
    if not MANAGE_TEAM.allows(by):
        raise NotAllowed("Only a team manager signs off council-funded support")
    _locked_draft(item.plan_id)
    PlanItem.objects.filter(pk=item.pk).update(signed_off_by=by, signed_off_at=timezone.now())
    item.refresh_from_db()
    record_on(
        item, by=by, summary="Signed off council-funded support", person_id=item.plan.person_id
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


@transaction.atomic
def agree_plan(plan, *, by, agreed_on, agreed_how, review_by=None) -> SupportPlan:
    plan = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_draft:
        raise NotAllowed("This plan is already agreed")
    problems = problems_of(plan)
    if problems:
        raise NotReady(problems, "The plan is not ready to agree")
    replaced = list(SupportPlan.objects.filter(person=plan.person, status=PlanStatus.AGREED))
    SupportPlan.objects.filter(pk__in=[p.pk for p in replaced]).update(status=PlanStatus.REPLACED)
    problem = rules.agreed_review_problem(agreed_on, review_by)
    if problem:
        raise NotAllowed(problem)
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
    record_on(plan, by=by, summary=f"Support plan {plan.number} agreed with the person")
    return plan


@transaction.atomic
def add_budget_line(plan, *, by, source, weekly_amount, taken_as="") -> BudgetLine:
    plan = _locked_draft(plan.pk)
    line = BudgetLine.objects.create(
        plan=plan, source=source, weekly_amount=weekly_amount, taken_as=taken_as
    )
    record_on(plan, by=by, summary="Added a source of funding to the personal budget")
    return line


@transaction.atomic
def remove_budget_line(line, *, by) -> None:
    plan = _locked_draft(line.plan_id)
    BudgetLine.objects.filter(pk=line.pk).delete()
    record_on(plan, by=by, summary="Removed a source of funding from the personal budget")


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
        problem = rules.decision_problem(item, decision, reason)
        if problem:
            raise NotAllowed(problem)
        ReviewDecision.objects.create(review=review, item=item, decision=decision, reason=reason)
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
    return review
