"""Access to person records: by legitimate relationship, or by logged break-glass.

A practitioner or team manager sees the people of their own teams. Other staff may open
a record only through break-glass, which asks for a reason first and lasts a limited
time. Providers and commissioners never open person records.
"""

from functools import wraps

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from goodlife.accounts.access import CASEWORK, MANAGE_TEAM, OPEN_RECORDS, WRITE_RECORDS, refuse
from goodlife.accounts.models import User
from goodlife.audit.models import Action
from goodlife.audit.services import record
from goodlife.people.models import BreakGlassAccess, Person


def has_relationship(user, person: Person) -> bool:
    if not CASEWORK.allows(user):
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
    return OPEN_RECORDS.allows(user)


def visible_people(user) -> QuerySet[Person]:
    """Everyone this user may see in lists and search results, and nobody else."""
    if not OPEN_RECORDS.allows(user):
        return Person.objects.none()
    granted = Q(
        pk__in=BreakGlassAccess.objects.filter(user=user, expires_at__gt=timezone.now()).values(
            "person_id"
        )
    )
    if CASEWORK.allows(user) and user.team_ids:
        return Person.objects.filter(Q(team_id__in=user.team_ids) | granted)
    return Person.objects.filter(granted)


READ_ONLY = (
    "You opened this record with break-glass access to read it. Your role does not change "
    "person records: ask the person's team to make the change."
)
READING = ("GET", "HEAD")


def person_view(
    *,
    summary: str = "Viewed record",
    managers_only: bool = False,
    writes=False,
    read_at: str = "",
):
    """Guard a view of one person's record and audit what it showed.

    The view receives the ``Person`` in place of the ``person_id`` URL argument.

    - A GET shows the record: once the view has shown it (answered 200), a "viewed" row
      with ``summary`` is written. A redirect shows nothing and writes none.
    - A POST writes. Only staff who write in records (``WRITE_RECORDS``) get through:
      anyone else who opened the record by break-glass reads it and changes nothing. A
      POST writes no "viewed" row; the service it calls records what it changed.
    - ``writes``: the page is a form for changing the record, so even showing it needs the
      right to write. ``read_at`` names the page (taking the same arguments) that shows
      what the form changes: a stored link to the form leads staff who only read there.
    - Any other method is answered 405.
    """
    rule = MANAGE_TEAM if managers_only else OPEN_RECORDS

    def decorator(view):
        @wraps(view)
        def wrapped(request, person_id, *args, **kwargs):
            user = request.user
            if request.method not in (*READING, "POST"):
                return HttpResponseNotAllowed([*READING, "POST"])
            if not rule.allows(user):
                return refuse(
                    request,
                    reason="Your role does not include person records."
                    if not OPEN_RECORDS.allows(user)
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
            reading = request.method in READING
            if (writes or not reading) and not WRITE_RECORDS.allows(user):
                return refuse(request, reason=READ_ONLY, person_id=person.pk)
            request.break_glass = grant
            response = view(request, person, *args, **kwargs)
            if reading and response.status_code == 200:
                record(
                    Action.VIEW,
                    user=user,
                    person_id=person.pk,
                    obj=person,
                    summary=summary,
                    detail={"method": request.method, "break_glass": grant is not None},
                )
            return response

        wrapped.access_rule = rule
        wrapped.writes = writes
        wrapped.read_at = read_at
        return wrapped

    return decorator
