"""Access to person records: by legitimate relationship, or by logged break-glass.

A practitioner or team manager sees the people of their own teams. Other staff may open
a record only through break-glass, which asks for a reason first and lasts a limited
time. Providers and commissioners never open person records.
"""

from functools import wraps

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from goodlife.accounts.access import CASEWORK_ROLES, NO_PERSON_RECORDS, Rule, refuse
from goodlife.accounts.models import Role, User
from goodlife.audit.models import Action
from goodlife.audit.services import record
from goodlife.people.models import BreakGlassAccess, Person


def has_relationship(user, person: Person) -> bool:
    if user.role not in CASEWORK_ROLES:
        return False
    # person_view reads "is this person in the user's teams?" with the person itself.
    checked = getattr(person, "_in_teams_of", None)
    if checked is not None and checked[0] == user.pk:
        return checked[1]
    return person.team_id in user.team_ids


def active_break_glass(user, person: Person) -> BreakGlassAccess | None:
    return (
        BreakGlassAccess.objects.filter(user=user, person=person, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


def may_break_glass(user) -> bool:
    return user.is_authenticated and user.role not in NO_PERSON_RECORDS


def visible_people(user) -> QuerySet[Person]:
    """Everyone this user may see in lists and search results, and nobody else."""
    if not user.is_authenticated or user.role in NO_PERSON_RECORDS:
        return Person.objects.none()
    granted = Q(
        pk__in=BreakGlassAccess.objects.filter(user=user, expires_at__gt=timezone.now()).values(
            "person_id"
        )
    )
    if user.role in CASEWORK_ROLES and user.team_ids:
        return Person.objects.filter(Q(team_id__in=user.team_ids) | granted)
    return Person.objects.filter(granted)


def _managers_rule_allows(user) -> bool:
    return user.is_authenticated and user.role == Role.TEAM_MANAGER


def person_view(*, summary: str = "Viewed record", managers_only: bool = False):
    """Guard a view of one person's record and audit every use of it.

    The view receives the ``Person`` in place of the ``person_id`` URL argument.
    """
    if managers_only:
        rule = Rule(
            "Team managers with a relationship to the person (or break-glass access)",
            _managers_rule_allows,
        )
    else:
        rule = Rule(
            "Staff with a relationship to the person, or with break-glass access",
            may_break_glass,
        )

    def decorator(view):
        @wraps(view)
        def wrapped(request, person_id, *args, **kwargs):
            user = request.user
            if not rule.allows(user):
                return refuse(
                    request,
                    reason="Your role does not include person records."
                    if user.role in NO_PERSON_RECORDS
                    else "Only team managers can see this page.",
                    person_id=person_id,
                )
            # The person and whether they are in one of the user's teams, in one query.
            person = (
                Person.objects.select_related("team", "allocated_worker")
                .annotate(
                    in_users_teams=Exists(
                        User.teams.through.objects.filter(
                            user_id=user.pk, team_id=OuterRef("team_id")
                        )
                    )
                )
                .filter(pk=person_id)
                .first()
            )
            if person is None:
                raise Http404("No such person")
            person._in_teams_of = (user.pk, person.in_users_teams)
            grant = None
            if not has_relationship(user, person):
                grant = active_break_glass(user, person)
                if grant is None:
                    record(
                        Action.ACCESS_REFUSED,
                        user=user,
                        person_id=person.pk,
                        summary="No relationship: asked for break-glass",
                        detail={"method": request.method},
                        durable=True,
                    )
                    target = reverse("people:break-glass", args=[person.pk])
                    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
            record(
                Action.VIEW,
                user=user,
                person_id=person.pk,
                obj=person,
                summary=summary,
                detail={"method": request.method, "break_glass": grant is not None},
            )
            request.break_glass = grant
            return view(request, person, *args, **kwargs)

        wrapped.access_rule = rule
        return wrapped

    return decorator
