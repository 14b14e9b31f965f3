from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from goodlife.accounts.access import EDIT_DIRECTORY, PUBLIC, SEE_GAPS, SIGNED_IN, access
from goodlife.accounts.typed_work import submitted
from goodlife.audit.decorators import audit_shown
from goodlife.directory import geo, matching, needs, services
from goodlife.directory.forms import THEMES, SearchForm, ServiceForm, UnmetNeedForm
from goodlife.directory.models import OFFERINGS, Service, Status, stale_before
from goodlife.directory.search import Filters, community_offers, search_page
from goodlife.errors import Conflict
from goodlife.people.access import person_view
from goodlife.ui.http import post_only
from goodlife.ui.once import once_only
from goodlife.ui.params import LAST_PAGE, as_uuid, as_whole_number, without_nul
from goodlife.ui.versions import edited_version


@access(SIGNED_IN)
def directory_search(request):
    form = SearchForm(request.GET or None)
    results = offers = None
    near_unknown = False
    query_prefix = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        near = geo.locate(data["near"]) if data["near"] else None
        near_unknown = bool(data["near"]) and near is None
        filters = Filters(
            text=data["q"],
            free=data["free"],
            day=data["day"],
            time=data["time"],
            offering=data["offering"],
            near=near,
            within_miles=data["within"] if near else None,
            access=data["access"],
        )
        results = search_page(filters, request.GET.get("page"))
        # Page links keep the search: everything asked for except the page itself.
        kept = [(k, v) for k, values in request.GET.lists() if k != "page" for v in values if v]
        query_prefix = f"{urlencode(kept)}&" if kept else ""
        offers = community_offers(data["q"]) if data["q"] else []
    return TemplateResponse(
        request,
        "directory/search.html",
        {
            "form": form,
            "results": results,
            "page": results.page if results else None,
            "query_prefix": query_prefix,
            "offers": offers,
            "near_unknown": near_unknown,
        },
    )


@access(SIGNED_IN)
def service_detail(request, service_id):
    service = get_object_or_404(
        Service.objects.select_related("organization", "last_checked_by"), pk=service_id
    )
    return TemplateResponse(
        request,
        "directory/service.html",
        {
            "service": service,
            "stale": service.is_stale,
        },
    )


def _initial(service) -> dict:
    schedule = service.schedules.first()
    location = service.locations.first()
    return {
        "name": service.name,
        "organization_name": service.organization.name if service.organization_id else "",
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "phone": service.phone,
        "fees": service.fees,
        "is_free": service.is_free,
        "eligibility": service.eligibility,
        "offerings": [k for k, _ in OFFERINGS if getattr(service, f"offers_{k}")],
        "days": schedule.byday.split(",") if schedule and schedule.byday else [],
        "opens_at": schedule.opens_at.strftime("%H:%M") if schedule and schedule.opens_at else "",
        "closes_at": schedule.closes_at.strftime("%H:%M")
        if schedule and schedule.closes_at
        else "",
        "place_name": location.name if location else "",
        "address": location.address if location else "",
        "postcode": location.postcode if location else "",
        "latitude": location.latitude if location else None,
        "longitude": location.longitude if location else None,
        "accessibility": location.accessibility if location else "",
        "terms": ", ".join(t.name for t in service.terms.all()),
    }


@access(EDIT_DIRECTORY)
@once_only
def service_new(request):
    form = ServiceForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        service = services.save_service(None, by=request.user, **form.values())
        messages.success(request, f"{service.name} added to the directory.")
        return redirect("directory:service", service_id=service.pk)
    return TemplateResponse(request, "directory/service_form.html", {"form": form, "service": None})


@access(EDIT_DIRECTORY)
def service_edit(request, service_id):
    service = get_object_or_404(Service, pk=service_id)
    data = submitted(request)
    form = ServiceForm(data, initial=_initial(service))
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and (version := edited_version(data, form, current=service.version)) is not None
    ):
        try:
            services.save_service(
                service, by=request.user, expected_version=version, **form.values()
            )
        except Conflict as exc:
            conflict = exc.current
        else:
            messages.success(request, "Saved. The entry is marked as checked today.")
            return redirect("directory:service", service_id=service.pk)
    return TemplateResponse(
        request,
        "directory/service_form.html",
        {
            "form": form,
            "service": service,
            "conflict": conflict,
            "version": (conflict or service).version,
        },
    )


@post_only
@access(EDIT_DIRECTORY)
def service_checked(request, service_id):
    service = get_object_or_404(Service, pk=service_id)
    services.mark_checked(service, by=request.user)
    messages.success(request, f"{service.name} marked as checked today.")
    return redirect("directory:service", service_id=service.pk)


@access(EDIT_DIRECTORY)
def stale(request):
    entries = Service.objects.filter(
        Q(last_checked_on__isnull=True) | Q(last_checked_on__lt=stale_before()),
        status=Status.ACTIVE,
    ).order_by("last_checked_on", "name")
    return TemplateResponse(
        request,
        "directory/stale.html",
        {
            "entries": entries[:200],
            "count": entries.count(),
            "days": settings.GOODLIFE_DIRECTORY_STALE_DAYS,
        },
    )


@person_view(summary="Viewed directory suggestions")
@once_only
def suggestions(request, person):
    need_form = UnmetNeedForm(
        request.POST if request.POST.get("action") == "unmet" else None,
        initial={"area": (person.postcode or "").split(" ")[0]},
        person=person,
    )
    if request.method == "POST" and request.POST.get("action") == "note":
        service = get_object_or_404(Service, pk=as_uuid(request.POST.get("service")))
        reason = without_nul(request.POST.get("reason", ""))[:1000] or f"Suggested: {service.name}"
        services.note_suggestion(person, service, by=request.user, reason=reason)
        messages.success(request, f"{service.name} noted on {person.display_name}'s record.")
        return redirect("directory:suggestions", person_id=person.pk)
    if request.method == "POST" and need_form.is_valid():
        services.log_unmet_need(person, by=request.user, **need_form.cleaned_data)
        messages.success(request, "Unmet need logged for commissioners. Thank you.")
        return redirect("directory:suggestions", person_id=person.pk)
    interests = matching.interests_for(person)
    return TemplateResponse(
        request,
        "directory/suggestions.html",
        {
            "person": person,
            "suggestions": matching.suggest(person, interests=interests),
            "interests": interests,
            "need_form": need_form,
            # Read now, inside the request's transaction, not as the page is drawn.
            "noted": list(person.noted_suggestions.select_related("service", "noted_by")[:10]),
        },
    )


def _needs_shown(seen):
    # What a commissioner was shown, as counts: the page itself names nobody.
    recent = seen["recent"]
    return {
        "gaps": seen["count"],
        "themes": len(seen["by_theme"]),
        "areas": len(seen["by_area"]),
        "descriptions_shown": sum(1 for n in recent if not n["withheld"]),
        "descriptions_withheld": sum(1 for n in recent if n["withheld"]),
    }


@access(SEE_GAPS)
@audit_shown("Viewed unmet needs", _needs_shown)
def unmet_needs(request):
    seen = needs.for_commissioners(dict(THEMES))
    return TemplateResponse(request, "directory/unmet_needs.html", seen)


@access(PUBLIC)
def openreferral_services(request):
    """The directory as an Open Referral UK feed. Community resources only: no person data."""
    from goodlife.directory.openreferral import page_of_services

    page = as_whole_number(request.GET.get("page", "1"))
    per_page = as_whole_number(request.GET.get("per_page", "50"), highest=500)
    if page is None or per_page is None:
        return JsonResponse(
            {
                "error": f"page must be a whole number from 1 to {LAST_PAGE:,}, and per_page "
                "a whole number from 1 to 500"
            },
            status=400,
        )
    services_qs = Service.objects.filter(status=Status.ACTIVE).order_by("name", "id")
    return JsonResponse(page_of_services(services_qs, page, per_page))


@access(PUBLIC)
def openreferral_service(request, service_id):
    from goodlife.directory.openreferral import service_to_oruk

    service = Service.objects.filter(pk=service_id).first()
    if service is None:
        raise Http404("No such service")
    return JsonResponse(service_to_oruk(service))
