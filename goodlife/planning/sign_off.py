"""A manager's sign-off of council-funded support, as a request and an answer.

The practitioner sends a draft plan for sign-off with a note; the team manager of the
person's team finds it on My work, and signs it off with a comment or returns it with the
reason; the practitioner sees the answer on My work until they mark it seen. Each step is
one transaction, audited, and on the person's timeline. An item whose cost or dates change
after sign-off needs signing off again (``services.change_item``)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from goodlife.accounts.access import MANAGE_TEAM, manages
from goodlife.audit.models import Action
from goodlife.audit.services import record_on
from goodlife.errors import NotAllowed
from goodlife.people import timeline
from goodlife.planning import rules
from goodlife.planning.models import (
    PlanItem,
    PlanStatus,
    SignOffRequest,
    SignOffStatus,
)
from goodlife.planning.services import locked_draft


def _item_as_sent(item) -> dict:
    return {
        "id": str(item.pk),
        "description": item.description,
        "weekly_cost": None if item.weekly_cost is None else str(item.weekly_cost),
        "starts_on": item.starts_on.isoformat() if item.starts_on else None,
        "ends_on": item.ends_on.isoformat() if item.ends_on else None,
    }


def waiting_for(plan):
    """The plan's request waiting for a manager, or None."""
    return plan.sign_offs.filter(status=SignOffStatus.WAITING).first()


@transaction.atomic
def request_sign_off(plan, *, by, note="") -> SignOffRequest:
    plan = locked_draft(plan.pk)
    if waiting_for(plan) is not None:
        raise NotAllowed("This plan is already waiting for a manager's sign-off")
    items = rules.needs_sign_off(plan.items.all())
    if not items:
        raise NotAllowed("Nothing in this plan needs a manager's sign-off")
    try:
        with transaction.atomic():
            request = SignOffRequest.objects.create(
                plan=plan,
                note=note,
                requested_by=by,
                items=[_item_as_sent(i) for i in items],
            )
    except IntegrityError:  # sent at the same moment by someone else
        raise NotAllowed("This plan is already waiting for a manager's sign-off") from None
    # A returned request the practitioner has not marked seen is answered by sending again.
    plan.sign_offs.filter(
        status=SignOffStatus.RETURNED, requested_by=by, seen_at__isnull=True
    ).update(seen_at=timezone.now())
    record_on(
        request,
        by=by,
        summary=f"Sent support plan {plan.number} for a manager's sign-off",
        action=Action.CREATE,
        person_id=plan.person_id,
        items=len(items),
    )
    return request


SIGN_OFF, RETURN = "sign_off", "return"


@transaction.atomic
def decide(request, *, by, decision, comment="", fingerprint) -> SignOffRequest:
    """Sign off (``SIGN_OFF``) or return (``RETURN``, with the reason) a waiting request.
    ``fingerprint`` is ``rules.sign_off_fingerprint`` of what the manager saw: when the
    plan has changed since, nothing is decided."""
    plan = locked_draft(request.plan_id)
    if not (MANAGE_TEAM.allows(by) and manages(by, plan.person.team_id)):
        raise NotAllowed("Only a manager of the person's team signs off their support")
    request = SignOffRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_waiting:
        raise NotAllowed(
            f"This request was already {request.get_status_display().lower()} "
            f"by {request.decided_by.full_name if request.decided_by else 'someone else'}"
        )
    items = rules.needs_sign_off(plan.items.all())
    if fingerprint != rules.sign_off_fingerprint(items):
        raise NotAllowed(
            "The plan changed after you opened it, so nothing was decided: look at it again"
        )
    if decision == SIGN_OFF and not items:
        raise NotAllowed("Nothing in this plan needs a manager's sign-off any more")
    if decision == RETURN and not comment.strip():
        raise NotAllowed("Say why you are returning it: the practitioner will see it")
    if decision not in (SIGN_OFF, RETURN):
        raise NotAllowed("Choose whether to sign it off or return it")
    now = timezone.now()
    status = SignOffStatus.SIGNED_OFF if decision == SIGN_OFF else SignOffStatus.RETURNED
    SignOffRequest.objects.filter(pk=request.pk).update(
        status=status, decided_by=by, decided_at=now, comment=comment
    )
    if decision == SIGN_OFF:
        PlanItem.objects.filter(pk__in=[i.pk for i in items]).update(
            signed_off_by=by, signed_off_at=now, signed_off_in=request
        )
    request.refresh_from_db()
    timeline.refresh(request)
    record_on(
        request,
        by=by,
        summary=(
            f"Signed off the council-funded support in support plan {plan.number}"
            if decision == SIGN_OFF
            else f"Returned support plan {plan.number} to the practitioner"
        ),
        person_id=plan.person_id,
        items=len(items),
    )
    return request


@transaction.atomic
def mark_seen(request, *, by) -> None:
    """The practitioner has read the manager's answer: it leaves their My work."""
    if request.requested_by_id != by.pk:
        raise NotAllowed("Only the practitioner who sent it marks the answer seen")
    SignOffRequest.objects.filter(pk=request.pk, seen_at__isnull=True).exclude(
        status=SignOffStatus.WAITING
    ).update(seen_at=timezone.now())
    record_on(
        request,
        by=by,
        summary="Read the manager's answer to a sign-off request",
        person_id=request.plan.person_id,
    )


# What My work shows.


def _waiting_in_teams_of(user):
    """Requests waiting for a manager of ``user``'s teams (none unless they manage)."""
    if not MANAGE_TEAM.allows(user):
        return SignOffRequest.objects.none()
    return SignOffRequest.objects.filter(
        status=SignOffStatus.WAITING,
        plan__status=PlanStatus.DRAFT,
        plan__person__team_id__in=user.team_ids,
    )


def waiting_for_manager(user, visible_people):
    """Requests waiting for ``user``'s sign-off: the people of the teams they manage."""
    return (
        _waiting_in_teams_of(user)
        .filter(plan__person__in=visible_people)
        .select_related("plan", "plan__person", "requested_by")
        .order_by("requested_at")
    )


def answered_for(user, visible_people):
    """``user``'s requests a manager has answered that they have not marked seen."""
    return (
        SignOffRequest.objects.filter(
            requested_by=user, seen_at__isnull=True, plan__person__in=visible_people
        )
        .exclude(status=SignOffStatus.WAITING)
        .select_related("plan", "plan__person", "decided_by")
        .order_by("-decided_at")
    )


def count_for_menu(user) -> int:
    """How many requests wait for ``user``'s sign-off, for the menu: one count."""
    return _waiting_in_teams_of(user).count()
