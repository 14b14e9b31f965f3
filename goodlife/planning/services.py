"""Writing ideas, outcomes and tasks: one transaction each, each audited."""

from django.db import transaction
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.planning.models import Idea, IdeaStatus, Outcome, Task


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
