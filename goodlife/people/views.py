import copy
from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from goodlife.accounts import privileged
from goodlife.accounts.access import CASEWORK, MANAGE_TEAM, OPEN_RECORDS, access, manages, refuse
from goodlife.accounts.models import MembershipRequest
from goodlife.accounts.typed_work import submitted
from goodlife.audit.decorators import audit_shown, people_ids
from goodlife.audit.models import Action, AuditEvent
from goodlife.errors import Conflict, NhsNumberRecorded, NotAllowed
from goodlife.people import queries, services, timeline
from goodlife.people import search as people_search
from goodlife.people.access import (
    has_relationship,
    person_view,
    visible_people,
)
from goodlife.people.forms import (
    NHS_NUMBER_RECORDED,
    BreakGlassForm,
    BreakGlassReviewForm,
    ConfirmNewPersonForm,
    DecisionForm,
    MoveForm,
    PersonForm,
    SearchForm,
)
from goodlife.people.merge import merge
from goodlife.people.models import BreakGlassAccess, Person, Status, TeamMove
from goodlife.people.panels import panels_for
from goodlife.ui.http import post_only
from goodlife.ui.once import once_only
from goodlife.ui.versions import edited_version

PAGE_SIZE = 50
TIMELINE_PAGE = 30
FIELD_LABELS = {name: str(f.label or name) for name, f in PersonForm.base_fields.items()}


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _listed(key):
    """Lists show names and dates of birth, so whom a page listed is recorded."""
    return lambda context: {"people": people_ids(context[key].object_list)}


@access(CASEWORK)
@audit_shown("Viewed my caseload", _listed("page"))
def my_caseload(request):
    people = (
        Person.objects.filter(allocated_worker=request.user, status=Status.OPEN)
        .select_related("team")
        .order_by("legal_name", "id")
    )
    page = _page(request, people)
    return TemplateResponse(request, "people/my_caseload.html", {"page": page})


@access(CASEWORK)
@audit_shown("Viewed team list", _listed("page"))
def team(request):
    status = request.GET.get("status", Status.OPEN)
    if status not in {Status.OPEN, Status.CLOSED, "all"}:
        status = Status.OPEN
    people = Person.objects.filter(team_id__in=request.user.team_ids).select_related(
        "team", "allocated_worker"
    )
    if status != "all":
        people = people.filter(status=status)
    page = _page(request, people.order_by("legal_name", "id"))
    return TemplateResponse(
        request,
        "people/team.html",
        {
            "page": page,
            "status": status,
            "teams": request.user.teams.all(),
            "status_options": [("open", "Open"), ("closed", "Closed"), ("all", "All")],
            "caption": {"open": "Open records", "closed": "Closed records"}.get(
                status, "All records"
            ),
            "query_prefix": f"status={status}&",
        },
    )


def _searched(context):
    if context["results"] is None:
        return None  # nothing searched for yet, or the search box needs correcting
    return {
        "query": context["form"].cleaned_data["q"],
        "shown": people_ids(context["results"]),
        "restricted": len(context["restricted"]),
    }


@access(OPEN_RECORDS)
@audit_shown("Searched for a person", _searched, action=Action.SEARCH)
def search(request):
    form = SearchForm(request.GET or None)
    results = restricted = None
    query = None
    if form.is_valid():
        query = people_search.parse(form.cleaned_data["q"])
        for problem in query.problems:
            form.add_error("q", problem)
        if query.is_empty and not query.problems:
            form.add_error("q", "Enter a name, NHS number or date of birth to search for")
    if form.is_bound and form.is_valid():
        visible = visible_people(request.user)
        found = people_search.matching(Person.objects.all(), query).select_related(
            "team", "allocated_worker"
        )
        visible_ids = set(
            visible.filter(pk__in=found.values("pk")).values_list("pk", flat=True)[:500]
        )
        matches = list(found.order_by("legal_name", "id")[:200])
        results = [p for p in matches if p.pk in visible_ids][:PAGE_SIZE]
        # Records outside the worker's teams are listed without any personal data, only
        # so that break-glass access can be asked for.
        restricted = [p for p in matches if p.pk not in visible_ids][:10]
    return TemplateResponse(
        request,
        "people/search.html",
        {"form": form, "results": results, "restricted": restricted},
    )


@access(CASEWORK)
@once_only
def add(request):
    form = PersonForm(submitted(request), user=request.user)
    confirm = None
    duplicates = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        duplicates = queries.find_duplicates(
            visible=visible_people(request.user),
            legal_name=data["legal_name"],
            preferred_name=data["preferred_name"],
            date_of_birth=data["date_of_birth"],
            nhs_number=data["nhs_number"],
        )
        confirm = ConfirmNewPersonForm(request.POST if "not_a_duplicate" in request.POST else None)
        if not duplicates or confirm.is_valid():
            fields = {k: v for k, v in data.items() if k != "version"}
            try:
                person = services.create_person(by=request.user, **fields)
            except NhsNumberRecorded:
                form.add_error("nhs_number", NHS_NUMBER_RECORDED)
            else:
                messages.success(request, f"{person.display_name} has been added.")
                return redirect("people:overview", person_id=person.pk)
        if "not_a_duplicate" not in request.POST:
            confirm = ConfirmNewPersonForm()
    return TemplateResponse(
        request,
        "people/add.html",
        {"form": form, "duplicates": duplicates, "confirm": confirm},
    )


@person_view(summary="Viewed overview")
def overview(request, person):
    can_see_access_log = manages(request.user, person.team_id)
    recent_access = (
        AuditEvent.objects.filter(person_id=person.pk).order_by("-at", "-id")[:5]
        if can_see_access_log
        else None
    )
    return TemplateResponse(
        request,
        "people/overview.html",
        {
            "person": person,
            "details": [
                ("Full legal name", person.legal_name),
                (
                    "Date of birth",
                    f"{person.date_of_birth:%-d %B %Y} (age {person.age})"
                    if person.date_of_birth
                    else "",
                ),
                ("NHS number", person.nhs_number_display),
                ("Address", "\n".join(v for v in (person.address, person.postcode) if v)),
                ("Phone", person.phone),
                ("Email", person.email),
                ("Team", person.team.name),
                (
                    "Allocated worker",
                    person.allocated_worker.full_name
                    if person.allocated_worker
                    else "Not allocated",
                ),
                ("Status", person.get_status_display()),
            ],
            "break_glass": request.break_glass,
            "recent_access": recent_access,
            "can_see_access_log": can_see_access_log,
            "panels": panels_for(request, person),
        },
    )


@person_view(summary="Opened record for editing", writes=True)
def edit(request, person):
    conflict = None
    # The form gets its own copy: validating a ModelForm writes typed values onto it.
    # Through break-glass a worker may correct and record, never take: allocation and
    # status stay with the person's own team.
    team_decisions = has_relationship(request.user, person)
    form = PersonForm(
        submitted(request),
        instance=copy.copy(person),
        user=request.user,
        team_decisions=team_decisions,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and (expected := edited_version(form.data, form, current=person.version)) is not None
    ):
        data = form.cleaned_data
        changes = {k: data[k] for k in services.EDIT_FIELDS if k in data}
        try:
            services.update_person(person, by=request.user, expected_version=expected, **changes)
        except NotAllowed as exc:
            return refuse(request, reason=str(exc), person_id=person.pk)
        except NhsNumberRecorded:
            form.add_error("nhs_number", NHS_NUMBER_RECORDED)
        except Conflict as exc:
            person = exc.current
            conflict, merged = merge(exc.current, exc.base, changes, labels=FIELD_LABELS)
            # Nothing typed is lost, nothing the other person saved is silently undone:
            # the form shows this worker's changes on top of the newly saved record, and
            # saving again is a deliberate choice made with both in view.
            form = PersonForm(
                instance=merged,
                initial={"version": exc.current.version},
                user=request.user,
                team_decisions=team_decisions,
            )
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect("people:overview", person_id=person.pk)
    return TemplateResponse(
        request,
        "people/edit.html",
        {"form": form, "person": person, "conflict": conflict},
    )


@person_view(summary="Viewed who has looked at the record", managers_only=True)
def access_log(request, person):
    if not has_relationship(request.user, person):
        return redirect("people:overview", person_id=person.pk)
    events = AuditEvent.objects.filter(person_id=person.pk).order_by("-at", "-id")
    return TemplateResponse(
        request,
        "people/access_log.html",
        {"person": person, "page": _page(request, events)},
    )


@access(OPEN_RECORDS)
@once_only
def break_glass(request, person_id):
    """Ask for a reason before opening a record outside one's teams. Shows no personal data."""
    person = get_object_or_404(Person.objects.only("id", "team_id"), pk=person_id)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = ""  # only a path on this site
    next_url = next_url or reverse("people:overview", args=[person.pk])
    if has_relationship(request.user, person):
        return HttpResponseRedirect(next_url)
    form = BreakGlassForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        services.grant_break_glass(person, user=request.user, reason=form.cleaned_data["reason"])
        return HttpResponseRedirect(next_url)
    return TemplateResponse(
        request,
        "people/break_glass.html",
        {
            "form": form,
            "next": next_url,
            "minutes": settings.GOODLIFE_BREAK_GLASS_MINUTES,
        },
    )


@access(MANAGE_TEAM)
@audit_shown("Viewed break-glass reviews", _listed("page"))
def break_glass_reviews(request):
    grants = (
        BreakGlassAccess.objects.filter(team_id__in=request.user.team_ids)
        .select_related("person", "user", "reviewed_by", "team")
        .order_by("-granted_at")
    )
    show = request.GET.get("show", "to-review")
    if show != "all":
        grants = grants.filter(reviewed_at__isnull=True)
    page = _page(request, grants)
    return TemplateResponse(
        request,
        "people/break_glass_reviews.html",
        {"page": page, "show": show, "now": timezone.now(), "form": BreakGlassReviewForm()},
    )


@post_only
@access(MANAGE_TEAM)
def review_break_glass(request, grant_id):
    grant = get_object_or_404(BreakGlassAccess, pk=grant_id, team_id__in=request.user.team_ids)
    form = BreakGlassReviewForm(request.POST)
    if form.is_valid():
        services.review_break_glass(grant, by=request.user, note=form.cleaned_data["review_note"])
        messages.success(
            request, f"Break-glass access by {grant.user.full_name} marked as reviewed."
        )
    return redirect("people:break-glass-reviews")


@person_view(summary="Viewed the timeline")
def person_timeline(request, person):
    kinds_available = timeline.sources()
    chosen = [k for k in request.GET.getlist("kind") if k in {s.key for s in kinds_available}]
    before = request.GET.get("before")
    page = timeline.page(person, kinds=chosen or None, before=before, limit=TIMELINE_PAGE)
    query = "&".join(f"kind={k}" for k in chosen)
    return TemplateResponse(
        request,
        "people/timeline.html",
        {
            "person": person,
            "entries": page.entries,
            "sources": kinds_available,
            "chosen": chosen,
            "older": f"?{query}&before={quote(page.older)}" if page.older else None,
            "is_first_page": timeline.parse_cursor(before) is None,
        },
    )


def recent_activity_panel(request, person):
    return {"person": person, "entries": timeline.entries_for(person, limit=5)}


# Moving a person to another team, and staff joining teams --------------------------


@person_view(summary="Opened moving the record to another team", managers_only=True, writes=True)
@once_only
def move(request, person):
    if not has_relationship(request.user, person):
        return refuse(
            request,
            reason="Only a manager of the person's own team can ask to move them.",
            person_id=person.pk,
        )
    waiting = person.team_moves.filter(decision=TeamMove.Decision.PENDING).first()
    form = MoveForm(submitted(request), person=person)
    if request.method == "POST" and waiting is None and form.is_valid():
        try:
            services.request_move(
                person,
                by=request.user,
                to_team=form.cleaned_data["to_team"],
                reason=form.cleaned_data["reason"],
            )
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"{form.cleaned_data['to_team'].name}'s manager has been asked to take on "
                f"{person.display_name}'s record. It stays with your team until they accept.",
            )
            return redirect("people:overview", person_id=person.pk)
    return TemplateResponse(
        request, "people/move.html", {"person": person, "form": form, "waiting": waiting}
    )


@access(MANAGE_TEAM)
@audit_shown(
    "Viewed team requests",
    lambda context: {"people": people_ids(context["incoming"] + context["outgoing"])},
)
def team_requests(request):
    incoming = list(queries.pending_moves(request.user, into=True))
    outgoing = list(queries.pending_moves(request.user, into=False))
    joining = list(privileged.waiting_for(request.user))
    for asked in joining:
        # What accepting gives them, said on the page: a caseload comes with casework roles.
        asked.gives_caseload = CASEWORK.allows(asked.user)
    return TemplateResponse(
        request,
        "people/team_requests.html",
        {
            "incoming": incoming,
            "outgoing": outgoing,
            "joining": joining,
            "form": DecisionForm(),
        },
    )


def _with_decision(view):
    """A team request's decision form, read before the view: the view gets ``accept`` and
    ``note``; a form that cannot be read goes back to the requests with what is wrong."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            wrong = form.errors["note"][0] if "note" in form.errors else None
            messages.error(request, wrong or "Choose whether to accept or decline")
            return redirect("people:team-requests")
        accept = form.cleaned_data["decision"] == "accept"
        return view(request, *args, accept=accept, note=form.cleaned_data["note"], **kwargs)

    return wrapped


@post_only
@access(MANAGE_TEAM)
@_with_decision
def decide_move(request, move_id, *, accept, note):
    move = get_object_or_404(TeamMove, pk=move_id, to_team_id__in=request.user.team_ids)
    try:
        move = services.decide_move(move, by=request.user, accept=accept, note=note)
    except (NotAllowed, ValueError) as exc:
        return refuse(request, reason=str(exc), person_id=move.person_id)
    if move.decision == TeamMove.Decision.ACCEPTED:
        messages.success(
            request,
            f"{move.person.display_name} is now with {move.to_team.name}, not yet allocated.",
        )
    else:
        messages.success(request, f"Declined: {move.person.display_name} stays where they are.")
    return redirect("people:team-requests")


@post_only
@access(MANAGE_TEAM)
def withdraw_move(request, move_id):
    move = get_object_or_404(TeamMove, pk=move_id, from_team_id__in=request.user.team_ids)
    services.withdraw_move(move, by=request.user)
    messages.success(request, "The request to move the record has been withdrawn.")
    return redirect("people:team-requests")


@post_only
@access(MANAGE_TEAM)
@_with_decision
def decide_joining(request, request_id, *, accept, note):
    asked = get_object_or_404(MembershipRequest, pk=request_id)
    try:
        asked = privileged.decide_membership(asked, by=request.user, accept=accept, note=note)
    except NotAllowed as exc:
        return refuse(request, reason=str(exc))
    messages.success(
        request,
        f"{asked.user.full_name} {'has joined' if accept else 'will not join'} {asked.team.name}.",
    )
    return redirect("people:team-requests")
