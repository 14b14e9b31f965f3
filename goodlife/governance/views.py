"""The audit trail, read by information governance staff: every read is itself recorded.

Administrators change accounts but do not read who looked at what; information
governance reads the trail (subject access requests, investigations, the DSPT's audit
of access) and opens no person record.
"""

import datetime

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone

from goodlife.accounts.access import access, roles
from goodlife.accounts.models import Role
from goodlife.audit.models import Action, AuditEvent
from goodlife.audit.services import record
from goodlife.governance.forms import TrailFilterForm

PAGE_SIZE = 50
READERS = roles(Role.INFORMATION_GOVERNANCE)


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@access(READERS)
def audit_trail(request):
    form = TrailFilterForm(request.GET or None)
    events = AuditEvent.objects.all().order_by("-at", "-id")
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["person"]:
            events = events.filter(person_id=data["person"])
            filters["person"] = str(data["person"])
        if data["account"].strip():
            events = events.filter(user_label__iexact=data["account"].strip())
            filters["account"] = data["account"].strip()
        if data["action"]:
            events = events.filter(action=data["action"])
            filters["action"] = data["action"]
        if data["since"]:
            events = events.filter(at__gte=_day_start(data["since"]))
            filters["since"] = data["since"].isoformat()
        if data["until"]:
            events = events.filter(at__lt=_day_start(data["until"] + datetime.timedelta(days=1)))
            filters["until"] = data["until"].isoformat()
    elif form.is_bound:
        events = events.none()
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    for event in shown:
        event.role_label = Role(event.role).label if event.role in Role.values else event.role
        # As pairs: in the template, ``detail.items`` would be a detail named "items".
        detail = event.detail
        event.detail_pairs = list(detail.items()) if isinstance(detail, dict) else [("", detail)]
    # The read itself, written before the page is drawn, so it is on the trail it shows.
    record(
        Action.AUDIT_READ,
        user=request.user,
        summary="Read the audit trail",
        detail={"filters": filters, "page": page.number, "rows": [e.pk for e in shown]},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "governance/audit_trail.html",
        {
            "form": form,
            "page": page,
            "events": shown,
            "query_prefix": (query.urlencode() + "&") if query else "",
            "action_labels": dict(Action.choices),
        },
    )
