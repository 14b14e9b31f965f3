from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from goodlife.accounts.access import CASEWORK, access
from goodlife.accounts.typed_work import submitted
from goodlife.audit.decorators import audit_shown, people_ids
from goodlife.directory.models import Service
from goodlife.errors import Conflict, NotAllowed
from goodlife.people.access import person_view
from goodlife.planning import queries, rules, services, smart
from goodlife.planning.forms import (
    AgreeForm,
    BudgetLineForm,
    IdeaForm,
    IdeaStatusForm,
    OutcomeForm,
    PlanItemForm,
    PlanTextsForm,
    ReviewForm,
    TaskForm,
)
from goodlife.planning.models import (
    BudgetLine,
    Idea,
    Outcome,
    PlanItem,
    PlanStatus,
    Review,
    SupportPlan,
    Task,
)
from goodlife.planning.tiers import COUNCIL_FUNDED, ORDER
from goodlife.ui.http import post_only
from goodlife.ui.once import once_only
from goodlife.ui.params import as_uuid
from goodlife.ui.versions import edited_version
from goodlife.wellbeing.domains import DOMAINS_BY_KEY


def _form_page(request, person, form, *, title, button, **extra):
    """One of the plan's short forms: a title, the form, a button; ``quoted`` above it."""
    context = {"person": person, "form": form, "title": title, "button": button, **extra}
    return TemplateResponse(request, "planning/form.html", context)


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
        services.set_idea_status(idea, by=request.user, **form.cleaned_data)
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


def _plan_context(plan):
    items = sorted(
        plan.items.prefetch_related("outcomes__aspiration").select_related("signed_off_by"),
        key=lambda i: ORDER[i.tier],
    )
    problems = queries.problems_of(plan) if plan.is_draft else []
    flagged = {p.item.pk for p in problems if p.item is not None}
    lines = list(plan.budget.all())
    total_cost, total_funding = rules.budget_totals(items, lines)
    return {
        "plan": plan,
        "items": items,
        "problems": problems,
        "flagged": flagged,
        "council_funded": COUNCIL_FUNDED,
        "budget_lines": lines,
        "total_cost": total_cost,
        "total_funding": total_funding,
        "has_council_support": any(i.tier in COUNCIL_FUNDED for i in items),
        "stopped": queries.stopped_at_last_review(plan) if not plan.is_draft else set(),
    }


@person_view(summary="Viewed the support plan")
def support_plan(request, person):
    plans = list(SupportPlan.objects.filter(person=person))
    current = plans[0] if plans else None
    context = {
        "person": person,
        "plans": plans,
        # Read here, in the request's transaction, not later while the page is drawn.
        "reviews": list(
            Review.objects.filter(plan__person=person)
            .select_related("plan", "reviewed_by")
            .prefetch_related("decisions__item")
        ),
    }
    if current is not None:
        data = submitted(request) if request.method == "POST" else None
        context.update(_plan_context(current))
        context["texts"] = PlanTextsForm(
            data,
            initial={"contingency": current.contingency, "disengagement": current.disengagement},
        )
        if (
            request.method == "POST"
            and context["texts"].is_valid()
            and (version := edited_version(data, context["texts"], current=current.version))
            is not None
        ):
            try:
                services.save_plan_texts(
                    current,
                    by=request.user,
                    expected_version=version,
                    **context["texts"].cleaned_data,
                )
            except (NotAllowed, Conflict, ValueError) as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "Saved.")
                return redirect("planning:support-plan", person_id=person.pk)
    return TemplateResponse(request, "planning/support_plan.html", context)


@post_only
@person_view()
@once_only
def start_support_plan(request, person):
    plan = services.start_plan(person, by=request.user)
    messages.success(request, f"Support plan {plan.number} started.")
    return redirect("planning:support-plan", person_id=person.pk)


@person_view(summary="Opened the add plan item form", writes=True)
@once_only
def add_plan_item(request, person):
    plan = SupportPlan.objects.filter(person=person, status=PlanStatus.DRAFT).first()
    if plan is None:
        return redirect("planning:support-plan", person_id=person.pk)
    form = PlanItemForm(submitted(request), person=person)
    if request.method == "POST" and form.is_valid():
        services.add_item(plan, by=request.user, **form.cleaned_data)
        messages.success(request, "Added to the plan.")
        return redirect("planning:support-plan", person_id=person.pk)
    return _form_page(request, person, form, title="Add to the support plan", button="Add")


@person_view(summary="Viewed why a support plan item is there")
def plan_item(request, person, item_id):
    """The golden thread for one item: what it serves, what that is for, how it has gone."""
    item = get_object_or_404(
        PlanItem.objects.select_related("plan", "signed_off_by"), pk=item_id, plan__person=person
    )
    outcomes = list(
        item.outcomes.select_related("aspiration").prefetch_related("tasks", "progress")
    )
    decisions = item.decisions.select_related("review", "review__reviewed_by").order_by(
        "review__reviewed_on"
    )
    return TemplateResponse(
        request,
        "planning/item.html",
        {
            "person": person,
            "item": item,
            "outcomes": outcomes,
            "decisions": decisions,
            "council_funded": item.tier in COUNCIL_FUNDED,
            "ideas": Idea.objects.filter(
                person=person, aspiration__in=[o.aspiration_id for o in outcomes if o.aspiration_id]
            ).select_related("service"),
        },
    )


@post_only
@person_view()
def remove_plan_item(request, person, item_id):
    item = get_object_or_404(PlanItem, pk=item_id, plan__person=person)
    try:
        services.remove_item(item, by=request.user)
    except NotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{item.description}” taken out of the plan.")
    return redirect("planning:support-plan", person_id=person.pk)


@post_only
@person_view()
def sign_off_item(request, person, item_id):
    item = get_object_or_404(
        PlanItem.objects.select_related("plan"), pk=item_id, plan__person=person
    )
    try:
        services.sign_off(item, by=request.user)
    except NotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Signed off.")
    return redirect("planning:support-plan", person_id=person.pk)


@person_view(summary="Opened the agree plan form", writes=True)
def agree_support_plan(request, person):
    plan = SupportPlan.objects.filter(person=person, status=PlanStatus.DRAFT).first()
    if plan is None:
        return redirect("planning:support-plan", person_id=person.pk)
    today = timezone.localdate()
    form = AgreeForm(
        submitted(request),
        initial={"agreed_on": today, "review_by": today + services.FIRST_REVIEW_AFTER},
    )
    problems = queries.problems_of(plan)
    if request.method == "POST" and form.is_valid() and not problems:
        services.agree_plan(plan, by=request.user, **form.cleaned_data)
        messages.success(request, f"Support plan {plan.number} agreed.")
        return redirect("planning:support-plan", person_id=person.pk)
    return TemplateResponse(
        request,
        "planning/agree.html",
        {
            "person": person,
            "form": form,
            "plan": plan,
            "problems": problems,
        },
    )


@person_view(summary="Opened the personal budget form", writes=True)
@once_only
def add_budget_line(request, person):
    plan = SupportPlan.objects.filter(person=person, status=PlanStatus.DRAFT).first()
    if plan is None:
        return redirect("planning:support-plan", person_id=person.pk)
    form = BudgetLineForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        services.add_budget_line(plan, by=request.user, **form.cleaned_data)
        messages.success(request, "Added to the personal budget.")
        return HttpResponseRedirect(reverse("planning:support-plan", args=[person.pk]) + "#budget")
    return _form_page(request, person, form, title="Add a source of funding", button="Add")


@post_only
@person_view()
def remove_budget_line(request, person, line_id):
    line = get_object_or_404(BudgetLine, pk=line_id, plan__person=person)
    try:
        services.remove_budget_line(line, by=request.user)
    except NotAllowed as exc:
        messages.error(request, str(exc))
    return HttpResponseRedirect(reverse("planning:support-plan", args=[person.pk]) + "#budget")


@person_view(summary="Opened the review form", writes=True)
@once_only
def review(request, person):
    plan = SupportPlan.objects.filter(person=person, status=PlanStatus.AGREED).first()
    if plan is None:
        messages.info(request, "There is no agreed plan to review yet.")
        return redirect("planning:support-plan", person_id=person.pk)
    items = sorted(plan.items.prefetch_related("outcomes"), key=lambda i: ORDER[i.tier])
    outcomes = queries.plan_outcomes(plan)
    today = timezone.localdate()
    form = ReviewForm(
        submitted(request),
        items=items,
        outcomes=outcomes,
        initial={"reviewed_on": today, "next_review_by": today + services.FIRST_REVIEW_AFTER},
    )
    if request.method == "POST" and form.is_valid():
        done = services.record_review(
            plan,
            by=request.user,
            reviewed_on=form.cleaned_data["reviewed_on"],
            notes=form.cleaned_data["notes"],
            decisions=form.decisions(),
            outcome_statuses=form.outcome_statuses(),
            next_review_by=form.cleaned_data["next_review_by"],
        )
        stopped = queries.council_support_stopped(done)
        if stopped:
            messages.success(
                request,
                "Review saved. Council support stopped because it is no "
                "longer needed: that is the success this work aims for.",
            )
        else:
            messages.success(request, "Review saved.")
        return redirect("planning:support-plan", person_id=person.pk)
    return TemplateResponse(
        request,
        "planning/review.html",
        {
            "person": person,
            "plan": plan,
            "form": form,
            "then_and_now": queries.then_and_now(plan, outcomes, today),
        },
    )


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
