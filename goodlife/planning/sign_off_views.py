"""Sending a draft plan for a manager's sign-off, the manager's decision, and the
practitioner marking the answer seen (see ``sign_off.py``)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from goodlife.accounts.access import manages, refuse
from goodlife.accounts.typed_work import submitted
from goodlife.errors import NotAllowed
from goodlife.people.access import person_view
from goodlife.planning import queries, sign_off
from goodlife.planning.forms import SignOffDecisionForm, SignOffRequestForm
from goodlife.planning.models import PlanStatus, SignOffRequest, SupportPlan
from goodlife.planning.support_views import to_support_plan
from goodlife.ui.http import post_only
from goodlife.ui.once import once_only


@person_view(summary="Opened the send for sign-off form", writes=True)
@once_only
def send_for_sign_off(request, person):
    plan = SupportPlan.objects.filter(person=person, status=PlanStatus.DRAFT).first()
    if plan is None:
        return to_support_plan(person)
    form = SignOffRequestForm(submitted(request))
    summary = queries.sign_off_summary(list(plan.items.all()))
    waiting = sign_off.waiting_for(plan)
    if request.method == "POST" and form.is_valid():
        try:
            sign_off.request_sign_off(plan, by=request.user, **form.cleaned_data)
        except NotAllowed as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                "Sent for sign-off. The team's managers see it on their My work; you will "
                "see their answer on yours.",
            )
        return to_support_plan(person)
    return TemplateResponse(
        request,
        "planning/send_for_sign_off.html",
        {"person": person, "plan": plan, "form": form, "waiting": waiting, **summary},
    )


@person_view(summary="Opened a sign-off request", managers_only=True, writes=True)
def decide_sign_off(request, person, request_id):
    if not manages(request.user, person.team_id):
        return refuse(
            request,
            reason="Only a manager of the person's team signs off their support.",
            person_id=person.pk,
        )
    asked = get_object_or_404(
        SignOffRequest.objects.select_related("plan", "requested_by", "decided_by"),
        pk=request_id,
        plan__person=person,
    )
    plan = asked.plan
    items = list(plan.items.prefetch_related("outcomes"))
    summary = queries.sign_off_summary(items)
    form = SignOffDecisionForm(submitted(request), initial={"fingerprint": summary["fingerprint"]})
    if request.method == "POST" and asked.is_waiting and form.is_valid():
        try:
            sign_off.decide(asked, by=request.user, **form.cleaned_data)
        except NotAllowed as exc:
            form.add_error(None, str(exc))
            summary = queries.sign_off_summary(list(plan.items.all()))
            form.data = form.data.copy()
            form.data["fingerprint"] = summary["fingerprint"]
        else:
            messages.success(
                request,
                f"Support plan {plan.number} for {person.display_name} "
                + (
                    "signed off."
                    if form.cleaned_data["decision"] == sign_off.SIGN_OFF
                    else "returned with your reason."
                ),
            )
            return redirect("practice:my-work")
    return TemplateResponse(
        request,
        "planning/decide_sign_off.html",
        {
            "person": person,
            "plan": plan,
            "asked": asked,
            "form": form,
            "budget_lines": list(plan.budget.all()),
            **summary,
        },
    )


@post_only
@person_view()
def sign_off_seen(request, person, request_id):
    asked = get_object_or_404(
        SignOffRequest.objects.select_related("plan"), pk=request_id, plan__person=person
    )
    try:
        sign_off.mark_seen(asked, by=request.user)
    except NotAllowed as exc:
        messages.error(request, str(exc))
    return redirect("practice:my-work")
