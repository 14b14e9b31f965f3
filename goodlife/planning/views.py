from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from goodlife.accounts.access import CASEWORK, access
from goodlife.accounts.typed_work import submitted
from goodlife.audit.decorators import audit_shown, people_ids
from goodlife.directory.models import Service
from goodlife.errors import Conflict, NotAllowed
from goodlife.people.access import person_view
from goodlife.planning import queries, services, smart
from goodlife.planning.forms import (
    IdeaForm,
    IdeaStatusForm,
    OutcomeForm,
    TaskForm,
)
from goodlife.planning.models import Idea, IdeaStatus, Outcome, PlanStatus, SupportPlan, Task
from goodlife.planning.tiers import COUNCIL_FUNDED, ORDER
from goodlife.ui.http import post_only
from goodlife.ui.once import once_only
from goodlife.ui.params import as_uuid
from goodlife.ui.versions import edited_version
from goodlife.wellbeing.domains import DOMAINS_BY_KEY


def _form_page(request, person, form, *, title, button, **extra):
    """One of the plan's short forms: a title, the form, a button; ``quoted`` above it."""
    context = {
        "person": person,
        "form": form,
        "title": title,
        "button": button,
        "back": reverse("planning:plan", args=[person.pk]),
        **extra,
    }
    return TemplateResponse(request, "planning/form.html", context)


def _edit(request, person, row, form, *, change, title, to, **extra):
    """An edit form for one versioned row (an idea, outcome or step): saved with
    ``change(row, by=..., expected_version=..., **cleaned_data)`` if nobody else saved it
    meanwhile; otherwise the form comes back with what was typed and says so."""
    data = form.data if form.is_bound else None
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and (version := edited_version(data, form, current=row.version)) is not None
    ):
        try:
            change(row, by=request.user, expected_version=version, **form.cleaned_data)
        except Conflict as exc:
            conflict = exc.current
        except NotAllowed as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Saved.")
            return to
    return _form_page(
        request,
        person,
        form,
        title=title,
        button="Save changes",
        version=(conflict or row).version,
        conflict=conflict,
        **extra,
    )


@person_view(summary="Opened an idea to change it", writes=True)
def edit_idea(request, person, idea_id):
    idea = get_object_or_404(Idea, pk=idea_id, person=person)
    form = IdeaForm(
        submitted(request),
        initial={"text": idea.text, "tier": idea.tier, "aspiration": idea.aspiration_id or ""},
        person=person,
    )
    return _edit(
        request,
        person,
        idea,
        form,
        change=services.change_idea,
        title="Change this idea",
        to=_to_plan(person),
    )


@person_view(summary="Opened an outcome to change it", writes=True)
def edit_outcome(request, person, outcome_id):
    outcome = get_object_or_404(Outcome, pk=outcome_id, person=person)
    initial = {name: getattr(outcome, name) for name in services.OUTCOME_FIELDS}
    initial["aspiration"] = outcome.aspiration_id or ""
    form = OutcomeForm(submitted(request), initial=initial, person=person)
    return _edit(
        request,
        person,
        outcome,
        form,
        change=services.change_outcome,
        title="Change this outcome",
        to=_to_plan(person, f"#outcome-{outcome.pk}"),
    )


@person_view(summary="Opened a step to change it", writes=True)
def edit_task(request, person, task_id):
    task = get_object_or_404(
        Task.objects.select_related("outcome"), pk=task_id, outcome__person=person
    )
    form = TaskForm(
        submitted(request),
        initial={
            "what": task.what,
            "who": task.who,
            "who_name": task.who_name,
            "by_when": task.by_when,
        },
    )
    return _edit(
        request,
        person,
        task,
        form,
        change=services.change_task,
        title="Change this step",
        to=_to_plan(person, f"#outcome-{task.outcome_id}"),
        quoted=task.outcome.text,
    )


def _to_plan(person, anchor=""):
    return HttpResponseRedirect(reverse("planning:plan", args=[person.pk]) + anchor)


@person_view(summary="Viewed ideas and outcomes")
def plan(request, person):
    return TemplateResponse(
        request,
        "planning/plan.html",
        {
            "person": person,
            **queries.golden_thread(person),
            "domain_names": {k: d.short for k, d in DOMAINS_BY_KEY.items()},
        },
    )


@person_view(summary="Opened the add idea form", writes=True)
@once_only
def add_idea(request, person):
    service = None
    if request.GET.get("service"):
        service = Service.objects.filter(pk=as_uuid(request.GET["service"])).first()
    initial = {
        "text": f"Try {service.name}" if service else "",
        "tier": "community" if service else None,
        "aspiration": request.GET.get("aspiration", ""),
    }
    form = IdeaForm(submitted(request), initial=initial, person=person)
    if request.method == "POST" and form.is_valid():
        service = Service.objects.filter(pk=as_uuid(request.POST.get("service"))).first()
        services.add_idea(person, by=request.user, service=service, **form.cleaned_data)
        messages.success(request, "Idea added.")
        return _to_plan(person)
    return _form_page(
        request, person, form, title="Add an idea", button="Add idea", service=service
    )


@person_view(summary="Opened an idea to record what the person thought", writes=True)
def idea_status(request, person, idea_id):
    idea = get_object_or_404(Idea, pk=idea_id, person=person)
    form = IdeaStatusForm(submitted(request), initial={"status": idea.status})
    if request.method == "POST" and form.is_valid():
        idea = services.set_idea_status(idea, by=request.user, **form.cleaned_data)
        if idea.status == IdeaStatus.WANTED:
            messages.success(
                request,
                "Saved. Add it to the support plan from the idea: what is known is filled in.",
            )
        else:
            messages.success(request, "Saved.")
        return _to_plan(person)
    return _form_page(
        request,
        person,
        form,
        title="What did the person think of this idea?",
        button="Save",
        quoted=idea.text,
    )


@person_view(summary="Opened the add outcome form", writes=True)
@once_only
def add_outcome(request, person):
    data = submitted(request)
    form = OutcomeForm(
        data, initial={"aspiration": request.GET.get("aspiration", "")}, person=person
    )
    findings = None
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        findings = smart.check(
            values["text"],
            how_we_will_know=values["how_we_will_know"],
            by_when=values["by_when"],
            today=timezone.localdate(),
            name=person.display_name,
        )
        # The check suggests; the worker decides. "Save as it is" keeps the wording.
        if not findings or "save_anyway" in request.POST:
            services.add_outcome(person, by=request.user, **values)
            messages.success(request, "Outcome added. Break it into small steps next.")
            return _to_plan(person)
    return TemplateResponse(
        request,
        "planning/outcome_form.html",
        {
            "person": person,
            "form": form,
            "findings": findings,
        },
    )


@person_view(summary="Opened the add task form", writes=True)
@once_only
def add_task(request, person, outcome_id):
    outcome = get_object_or_404(Outcome, pk=outcome_id, person=person)
    form = TaskForm(submitted(request), initial={"who": "person"})
    if request.method == "POST" and form.is_valid():
        services.add_task(outcome, by=request.user, **form.cleaned_data)
        messages.success(request, "Step added.")
        return _to_plan(person, f"#outcome-{outcome.pk}")
    return _form_page(
        request, person, form, title="Add a step", button="Add step", quoted=outcome.text
    )


@post_only
@person_view()
def task_done(request, person, task_id):
    task = get_object_or_404(
        Task.objects.select_related("outcome"), pk=task_id, outcome__person=person
    )
    services.complete_task(task, by=request.user)
    messages.success(request, "Step marked as done.")
    return _to_plan(person, f"#outcome-{task.outcome_id}")


@person_view(summary="Viewed the person's own plan")
def my_plan(request, person):
    plan = SupportPlan.objects.filter(person=person).exclude(status=PlanStatus.REPLACED).first()
    items = sorted(plan.items.all(), key=lambda i: ORDER[i.tier]) if plan else []
    stopped = queries.stopped_at_last_review(plan) if plan and not plan.is_draft else set()
    helping = [i for i in items if i.pk not in stopped]
    return TemplateResponse(
        request,
        "planning/my_plan.html",
        {
            "person": person,
            "plan": plan,
            "items": helping,
            "finished": [i for i in items if i.pk in stopped],
            "council_funded": COUNCIL_FUNDED,
            "show_budget": any(i.tier in COUNCIL_FUNDED for i in helping),
            "aspirations": person.aspirations.filter(retired_at__isnull=True),
            "outcomes": Outcome.objects.filter(person=person).prefetch_related("tasks"),
        },
    )


@access(CASEWORK)
@audit_shown(
    "Viewed the team's support plan reviews",
    lambda context: {"people": people_ids(context["figures"]["due"])},
)
def team(request):
    today = timezone.localdate()
    figures = queries.team_reviews(request.user.team_ids, today=today, page=request.GET.get("page"))
    return TemplateResponse(
        request,
        "planning/team.html",
        {"figures": figures, "teams": request.user.teams.all()},
    )
