"""Writing to the directory: entries, checks, noted suggestions and unmet needs."""

from django.db import transaction
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.audit.services import record_on
from goodlife.directory.models import (
    LOCAL,
    Location,
    NotedSuggestion,
    Organization,
    Schedule,
    Service,
    TaxonomyTerm,
    UnmetNeed,
)
from goodlife.directory.search import refresh_index
from goodlife.versioned import save_if_current

SERVICE_FIELDS = (
    "name",
    "description",
    "url",
    "email",
    "phone",
    "fees",
    "is_free",
    "eligibility",
    "offers_connect",
    "offers_be_active",
    "offers_learn",
    "offers_give",
    "offers_take_notice",
)


def _organization(name: str):
    name = " ".join((name or "").split())
    if not name:
        return None
    return Organization.objects.filter(
        source=LOCAL, name__iexact=name
    ).first() or Organization.objects.create(name=name)


@transaction.atomic
def save_service(
    service: Service | None,
    *,
    by,
    expected_version=None,
    organization_name="",
    days=(),
    opens_at=None,
    closes_at=None,
    location=None,
    terms=(),
    **fields,
):
    """Create or update a directory entry made in Goodlife; saving it counts as checking it."""
    today = timezone.localdate()
    if service is None:
        service = Service.objects.create(
            organization=_organization(organization_name),
            last_checked_on=today,
            last_checked_by=by,
            **{k: v for k, v in fields.items() if k in SERVICE_FIELDS},
        )
    else:
        service = save_if_current(
            service,
            expected_version,
            by=by,
            organization=_organization(organization_name),
            last_checked_on=today,
            last_checked_by=by,
            last_modified=timezone.now(),
            **{k: v for k, v in fields.items() if k in SERVICE_FIELDS},
        )
    service.schedules.all().delete()
    if days:
        Schedule.objects.create(
            service=service,
            byday=",".join(days),
            opens_at=opens_at,
            closes_at=closes_at,
            freq="WEEKLY",
        )
    if location and any(location.values()):
        current = service.locations.first()
        if current is None:
            current = Location.objects.create(**location)
            service.locations.add(current)
        else:
            Location.objects.filter(pk=current.pk).update(**location)
    service.terms.set(
        [
            TaxonomyTerm.objects.filter(source=LOCAL, name__iexact=t).first()
            or TaxonomyTerm.objects.create(name=t)
            for t in terms
        ]
    )
    refresh_index([service.pk])
    audit(Action.CHANGE, user=by, obj=service, summary=f"Saved directory entry: {service.name}")
    return service


@transaction.atomic
def mark_checked(service: Service, *, by) -> Service:
    Service.objects.filter(pk=service.pk).update(
        last_checked_on=timezone.localdate(), last_checked_by=by
    )
    service.refresh_from_db()
    audit(Action.CHANGE, user=by, obj=service, summary=f"Checked directory entry: {service.name}")
    return service


@transaction.atomic
def note_suggestion(person, service, *, by, reason: str) -> NotedSuggestion:
    noted = NotedSuggestion.objects.create(
        person=person, service=service, reason=reason, noted_by=by
    )
    record_on(
        noted,
        by=by,
        summary=f"Noted a suggestion: {service.name}",
        action=Action.CREATE,
        person_id=person.pk,
    )
    return noted


@transaction.atomic
def log_unmet_need(person, *, by, what: str, theme: str, area: str) -> UnmetNeed:
    need = UnmetNeed.objects.create(person=person, what=what, theme=theme, area=area, logged_by=by)
    audit(
        Action.CREATE,
        user=by,
        person_id=person.pk if person else None,
        obj=need,
        summary="Logged an unmet need",
    )
    return need
