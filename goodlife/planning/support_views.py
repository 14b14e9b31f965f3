"""The support plan's pages: the plan itself, its items and funding (added, changed, taken
out and put back while it is a draft), agreeing it, and reviewing it."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from goodlife.accounts.typed_work import submitted
from goodlife.errors import Conflict, NotAllowed
from goodlife.people.access import person_view
from goodlife.planning import queries, rules, services, sign_off
from goodlife.planning.forms import (
    AgreeForm,
    BudgetLineForm,
    ConfirmForm,
    PlanItemForm,
    PlanTextsForm,
    ReviewForm,
)
from goodlife.planning.models import (
    BudgetLine,
    Idea,
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


def to_support_plan(person, anchor=""):
    return HttpResponseRedirect(reverse("planning:support-plan", args=[person.pk]) + anchor)


def _draft(person):
    return SupportPlan.objects.filter(person=person, status=PlanStatus.DRAFT).first()


def _form_page(request, person, form, *, title, button, back=None, **extra):
    """One of the plan's short forms: a title, the form, a button; ``quoted`` above it.
    ``back`` is where the back link goes: the support plan unless said."""
    context = {
        "person": person,
        "form": form,
        "title": title,
        "button": button,
        "back": back or reverse("planning:support-plan", args=[person.pk]),
        **extra,
    }
    return TemplateResponse(request, "planning/form.html", context)


def _plan_context(plan):
    items = sorted(
        plan.items.prefetch_related("outcomes__aspiration").select_related(
            "signed_off_by", "signed_off_in"
        ),
        key=lambda i: ORDER[i.tier],
    )
    problems = queries.problems_of(plan) if plan.is_draft else []
    flagged = {p.item.pk for p in problems if p.item is not None}
    lines = list(plan.budget.all())
    stopped = queries.stopped_at_last_review(plan) if not plan.is_draft else set()
    # Support a review stopped no longer costs anything from the review's date.
    current = [i for i in items if i.pk not in stopped]
    total_cost, total_funding = rules.budget_totals(current, lines)
    saving, _ = rules.budget_totals([i for i in items if i.pk in stopped], [])
    latest_sign_off = plan.sign_offs.select_related("requested_by", "decided_by").first()
    return {
        "plan": plan,
        "items": items,
        "problems": problems,
        "flagged": flagged,
        "council_funded": COUNCIL_FUNDED,
        "budget_lines": lines,
        "total_cost": total_cost,
        "total_funding": total_funding,
        "saving": saving,
        "has_council_support": any(i.tier in COUNCIL_FUNDED for i in items),
        "stopped": stopped,
        "needs_sign_off": rules.needs_sign_off(items) if plan.is_draft else [],
        "latest_sign_off": latest_sign_off,
        "taken_out": list(
            PlanItem.everything.filter(plan=plan, removed_at__isnull=False).order_by("removed_at")
        )
        if plan.is_draft
        else [],
        "lines_taken_out": list(
            BudgetLine.everything.filter(plan=plan, removed_at__isnull=False).order_by("removed_at")
        )
        if plan.is_draft
        else [],
    }


def _where_next(person, plan, go: str, *, by):
    """Where a button on the draft plan's page leads, once what was typed is saved: an
    address on this person's plan pages (nowhere else), or a taken-out row put back."""
    if go.startswith(("restore-item:", "restore-line:")):
        kind, _, pk = go.partition(":")
        model = PlanItem if kind == "restore-item" else BudgetLine
        key = (
            as_uuid(pk)
            if model is PlanItem
            else (int(pk) if pk.isdigit() and len(pk) < 10 else None)
        )
        row = model.everything.filter(pk=key, plan=plan).first() if key else None
        if row is not None:
            (services.restore_item if model is PlanItem else services.restore_budget_line)(
                row, by=by
            )
            return to_support_plan(person, "#budget" if model is BudgetLine else "")
        return to_support_plan(person)
    try:
        match = resolve(go)
    except Resolver404:
        return to_support_plan(person)
    if match.namespace != "planning" or str(match.kwargs.get("person_id")) != str(person.pk):
        return to_support_plan(person)
    return HttpResponseRedirect(go)


def _texts_changed(plan, cleaned) -> bool:
    return (cleaned["contingency"], cleaned["disengagement"]) != (
        plan.contingency,
        plan.disengagement,
    )


@person_view(summary="Viewed the support plan")
def support_plan(request, person):
    """The current plan, earlier versions and reviews. A draft's page is one form: every
    button on it (add, change, take out, send for sign-off, agree) first keeps what was
    typed in the contingency and step-back boxes, then goes where it says."""
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
        texts = PlanTextsForm(
            data,
            initial={"contingency": current.contingency, "disengagement": current.disengagement},
        )
        context["texts"] = texts
        if request.method == "POST" and current.is_draft and texts.is_valid():
            go = str(data.get("go", ""))
            saved = True
            if _texts_changed(current, texts.cleaned_data):
                version = edited_version(data, texts, current=current.version)
                saved = False
                if version is not None:
                    try:
                        services.save_plan_texts(
                            current,
                            by=request.user,
                            expected_version=version,
                            **texts.cleaned_data,
                        )
                        saved = True
                    except Conflict as exc:
                        context["conflict"] = exc.current
                        context["plan"] = exc.current
                    except NotAllowed as exc:
                        messages.error(request, str(exc))
            if saved:
                if not go:
                    messages.success(request, "Saved.")
                    return to_support_plan(person)
                try:
                    return _where_next(person, current, go, by=request.user)
                except NotAllowed as exc:
                    messages.error(request, str(exc))
                    return to_support_plan(person)
    return TemplateResponse(request, "planning/support_plan.html", context)


@post_only
@person_view()
@once_only
def start_support_plan(request, person):
    plan = services.start_plan(person, by=request.user)
    messages.success(request, f"Support plan {plan.number} started.")
    then = str(request.POST.get("next", ""))
    if then:  # only on to adding an item to this person's plan
        try:
            match = resolve(then.split("?", 1)[0])
        except Resolver404:
            match = None
        if (
            match
            and match.view_name == "planning:add-plan-item"
            and str(match.kwargs.get("person_id")) == str(person.pk)
        ):
            return HttpResponseRedirect(then)
    return redirect("planning:support-plan", person_id=person.pk)


def _known_for_item(person, params) -> dict:
    """What an idea or an outcome's step already says, to start a plan item with: asked
    for as ``?idea=<id>`` or ``?step=<id>`` (anything else is ignored)."""
    idea = Idea.objects.filter(pk=as_uuid(params.get("idea")), person=person).first()
    if idea is not None:
        outcomes = (
            list(person.outcomes.filter(aspiration=idea.aspiration_id).values_list("pk", flat=True))
            if idea.aspiration_id
            else []
        )
        return {
            "description": idea.text,
            "tier": idea.tier,
            "provided_by": idea.service.name if idea.service_id else "",
            "outcomes": [str(o) for o in outcomes],
        }
    step = (
        Task.objects.filter(pk=as_uuid(params.get("step")), outcome__person=person)
        .select_related("outcome")
        .first()
    )
    if step is not None:
        return {
            "description": step.what,
            "tier": rules.TIER_OF_WHO.get(step.who),
            "provided_by": step.who_name,
            "outcomes": [str(step.outcome_id)],
        }
    return {}


@person_view(summary="Opened the add plan item form", writes=True)
@once_only
def add_plan_item(request, person):
    plan = _draft(person)
    known = _known_for_item(person, request.GET)
    if plan is None:
        return TemplateResponse(
            request,
            "planning/no_draft.html",
            {"person": person, "next": request.get_full_path(), "known": known},
        )
    form = PlanItemForm(submitted(request), initial=known, person=person)
    if request.method == "POST" and form.is_valid():
        services.add_item(plan, by=request.user, **form.cleaned_data)
        messages.success(request, "Added to the plan.")
        return to_support_plan(person)
    return _form_page(request, person, form, title="Add to the support plan", button="Add")


def _item_in_draft(person, item_id):
    return get_object_or_404(
        PlanItem.objects.select_related("plan"),
        pk=item_id,
        plan__person=person,
        plan__status=PlanStatus.DRAFT,
    )


@person_view(summary="Opened a support plan item to change it", writes=True)
def edit_plan_item(request, person, item_id):
    item = _item_in_draft(person, item_id)
    initial = {name: getattr(item, name) for name in services.ITEM_FIELDS}
    initial["outcomes"] = [str(o.pk) for o in item.outcomes.all()]
    data = submitted(request)
    form = PlanItemForm(data, initial=initial, person=person)
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and (version := edited_version(data, form, current=item.version)) is not None
    ):
        try:
            saved = services.change_item(
                item, by=request.user, expected_version=version, **form.cleaned_data
            )
        except Conflict as exc:
            conflict = exc.current
        except NotAllowed as exc:
            messages.error(request, str(exc))
            return to_support_plan(person)
        else:
            again = item.signed_off_at is not None and saved.signed_off_at is None
            messages.success(
                request,
                "Saved. It needs a manager's sign-off again: its cost or dates changed."
                if again
                else "Saved.",
            )
            return to_support_plan(person)
    return _form_page(
        request,
        person,
        form,
        title="Change this support",
        button="Save changes",
        version=(conflict or item).version,
        conflict=conflict,
        warning="It was signed off: changing its cost, dates or where it comes from needs "
        "a manager's sign-off again."
        if item.signed_off_at
        else "",
    )


@person_view(summary="Viewed why a support plan item is there")
def plan_item(request, person, item_id):
    """The golden thread for one item: what it serves, what that is for, how it has gone."""
    item = get_object_or_404(
        PlanItem.objects.select_related("plan", "signed_off_by", "signed_off_in"),
        pk=item_id,
        plan__person=person,
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


@person_view(summary="Opened a support plan item to take it out", writes=True)
def remove_plan_item(request, person, item_id):
    """Asks first; what is taken out can be put back until the plan is agreed."""
    item = _item_in_draft(person, item_id)
    form = ConfirmForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_item(item, by=request.user)
        except NotAllowed as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                f"“{item.description}” taken out of the plan. You can put it back until "
                "the plan is agreed.",
            )
        return to_support_plan(person, "#taken-out")
    return _form_page(
        request,
        person,
        form,
        title="Take this out of the plan?",
        button="Take it out",
        quoted=item.description,
        secondary="You can put it back until the plan is agreed.",
    )


@post_only
@person_view()
def restore_plan_item(request, person, item_id):
    item = get_object_or_404(PlanItem.everything, pk=item_id, plan__person=person)
    try:
        services.restore_item(item, by=request.user)
    except NotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{item.description}” is back in the plan.")
    return to_support_plan(person)


@person_view(summary="Opened the agree plan form", writes=True)
def agree_support_plan(request, person):
    plan = _draft(person)
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
            "needs_sign_off": rules.needs_sign_off(plan.items.all()),
            "waiting": sign_off.waiting_for(plan),
        },
    )


@person_view(summary="Opened the personal budget form", writes=True)
@once_only
def add_budget_line(request, person):
    plan = _draft(person)
    if plan is None:
        return redirect("planning:support-plan", person_id=person.pk)
    form = BudgetLineForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        services.add_budget_line(plan, by=request.user, **form.cleaned_data)
        messages.success(request, "Added to the personal budget.")
        return to_support_plan(person, "#budget")
    return _form_page(request, person, form, title="Add a source of funding", button="Add")


def _line_in_draft(person, line_id):
    return get_object_or_404(
        BudgetLine, pk=line_id, plan__person=person, plan__status=PlanStatus.DRAFT
    )


@person_view(summary="Opened a source of funding to change it", writes=True)
def edit_budget_line(request, person, line_id):
    line = _line_in_draft(person, line_id)
    data = submitted(request)
    form = BudgetLineForm(
        data,
        initial={
            "source": line.source,
            "weekly_amount": line.weekly_amount,
            "taken_as": line.taken_as,
        },
    )
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and (version := edited_version(data, form, current=line.version)) is not None
    ):
        try:
            services.change_budget_line(
                line, by=request.user, expected_version=version, **form.cleaned_data
            )
        except Conflict as exc:
            conflict = exc.current
        except NotAllowed as exc:
            messages.error(request, str(exc))
            return to_support_plan(person, "#budget")
        else:
            messages.success(request, "Saved.")
            return to_support_plan(person, "#budget")
    return _form_page(
        request,
        person,
        form,
        title="Change a source of funding",
        button="Save changes",
        version=(conflict or line).version,
        conflict=conflict,
    )


@person_view(summary="Opened a source of funding to take it out", writes=True)
def remove_budget_line(request, person, line_id):
    line = _line_in_draft(person, line_id)
    form = ConfirmForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_budget_line(line, by=request.user)
        except NotAllowed as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Taken out of the personal budget. You can put it back.")
        return to_support_plan(person, "#budget")
    return _form_page(
        request,
        person,
        form,
        title="Take this source of funding out?",
        button="Take it out",
        quoted=f"{line.get_source_display()}: £{line.weekly_amount} a week",
        secondary="You can put it back until the plan is agreed.",
    )


@post_only
@person_view()
def restore_budget_line(request, person, line_id):
    line = get_object_or_404(BudgetLine.everything, pk=line_id, plan__person=person)
    try:
        services.restore_budget_line(line, by=request.user)
    except NotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Back in the personal budget.")
    return to_support_plan(person, "#budget")


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
        said = ["Review saved."]
        if queries.council_support_stopped(done):
            said.append(
                "Council support stopped because it is no longer needed: that is the "
                "success this work aims for."
            )
        draft = _draft(person)
        if draft is not None and draft.number > plan.number:
            said.append(
                f"Support plan {draft.number} has been started with the changes: agree it "
                "with the person"
                + (", after a manager's sign-off" if queries.problems_need_sign_off(draft) else "")
                + "."
            )
        messages.success(request, " ".join(said))
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
