"""Importing parsed records into the directory: matched by (source, feed id), each record
saved in its own transaction so that one bad record loses only itself."""

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.directory.models import (
    LOCAL,
    OFFERINGS,
    Contact,
    CostOption,
    Location,
    Organization,
    Schedule,
    Service,
    TaxonomyTerm,
)
from goodlife.directory.openreferral.parse import (
    NO_ID,
    SOURCE_LIMIT,
    MalformedRecord,
    ParsedLocation,
    ParsedService,
    parse_service,
    without_nul,
)
from goodlife.directory.openreferral.values import identifier_in

PROGRESS_EVERY = 500  # records between two progress lines of a large import

IMPORTED_FIELDS = (
    "name",
    "description",
    "url",
    "email",
    "phone",
    "status",
    "fees",
    "is_free",
    "eligibility",
    "minimum_age",
    "maximum_age",
    "languages",
    "feed_hash",
)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """What the import did, then one line per skipped record with the reason."""
        lines = [
            f"Created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped)}"
        ]
        lines += [f"- {record_id}: {reason}" for record_id, reason in self.skipped]
        return "\n".join(lines)


def import_feed(
    source: str, records: Iterable[dict], *, by=None, progress=None, every: int | None = None
) -> ImportReport:
    """Create or update the directory from a feed's records, matched by (source, id).
    A record already imported with the same fingerprint is left untouched. ``progress``,
    when given, is called with the number of records read so far and the report after
    every ``every`` records (PROGRESS_EVERY unless told)."""
    every = every or PROGRESS_EVERY
    if not source or source == LOCAL or len(source) > SOURCE_LIMIT:
        raise ValueError(f"A feed's source must be 1 to {SOURCE_LIMIT} characters, not 'local'")
    report = ImportReport()
    seen: set[str] = set()
    for number, raw in enumerate(records, start=1):
        if progress is not None and number > 1 and (number - 1) % every == 0:
            progress(number - 1, report)
        record_id = (
            identifier_in(raw.get("id")).replace("\x00", "") if isinstance(raw, dict) else ""
        )
        if record_id and record_id in seen:
            report.skipped.append((record_id, "duplicate id in this feed"))
            continue
        seen.add(record_id)
        try:
            record = without_nul(raw)
            parsed = parse_service(record)
            with transaction.atomic():
                outcome = _save_service(source, parsed)
        except MalformedRecord as problem:
            report.skipped.append(
                (
                    problem.record_id if problem.record_id != NO_ID else record_id[:40] or NO_ID,
                    problem.reason,
                )
            )
            continue
        except DatabaseError as error:
            report.skipped.append((record_id or NO_ID, f"could not be saved: {error}"))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
    if report.created or report.updated:
        audit(
            Action.CHANGE,
            user=by,
            summary=f"Imported a directory feed: {source}"[:255],
            detail={
                "source": source,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": len(report.skipped),
            },
        )
    return report


def _save_service(source: str, parsed: ParsedService) -> str:
    """Save one parsed record; returns "created", "updated" or "unchanged"."""
    service = Service.objects.filter(source=source, feed_id=parsed.feed_id).first()
    if service is not None and service.feed_hash == parsed.feed_hash:
        return "unchanged"
    outcome = "created" if service is None else "updated"
    stale: set = set()  # other services showing a shared record that changed
    organization = None
    if parsed.organization:
        organization = _upsert(
            Organization,
            source,
            parsed.organization.feed_id,
            stale,
            name=parsed.organization.name,
            description=parsed.organization.description,
            email=parsed.organization.email,
            website=parsed.organization.website,
        )
    if service is None:
        service = Service(source=source, feed_id=parsed.feed_id)
    else:
        service.version = F("version") + 1
    for name in IMPORTED_FIELDS:
        setattr(service, name, getattr(parsed, name))
    for key, _ in OFFERINGS:
        setattr(service, f"offers_{key}", key in parsed.offers)
    service.organization = organization
    # A check the feed records replaces ours; a feed silent about checks leaves ours alone.
    if parsed.last_checked_on is not None:
        service.last_checked_on = parsed.last_checked_on
        service.last_checked_by = _user(parsed.last_checked_by)
    service.last_modified = timezone.now()
    service.save()
    service.refresh_from_db(fields=["version"])
    service.terms.set(
        [
            _upsert(TaxonomyTerm, source, t.feed_id, stale, name=t.name, taxonomy=t.taxonomy)
            for t in parsed.terms
        ]
    )
    service.locations.set([_save_location(source, loc, stale) for loc in parsed.locations])
    service.schedules.all().delete()
    Schedule.objects.bulk_create(
        Schedule(service=service, **asdict(schedule)) for schedule in parsed.schedules
    )
    service.cost_options.all().delete()
    CostOption.objects.bulk_create(
        CostOption(service=service, **asdict(option)) for option in parsed.cost_options
    )
    service.contacts.all().delete()
    Contact.objects.bulk_create(
        Contact(service=service, **asdict(contact)) for contact in parsed.contacts
    )
    _refresh_search([service, *Service.objects.filter(pk__in=stale).exclude(pk=service.pk)])
    return outcome


def _user(email: str):
    """The Goodlife user with this email address, or None."""
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email).first()


def _save_location(source: str, location: ParsedLocation, stale: set) -> Location:
    # The directory keeps no description of a place: its name and address say where it is.
    fields = asdict(location)
    del fields["feed_id"], fields["description"]
    return _upsert(Location, source, location.feed_id, stale, **fields)


def _upsert(model, source: str, feed_id: str, stale: set, **fields):
    """The record with this feed id (or, without one, this name), created or brought up to
    date; the services already showing a changed record are added to ``stale``."""
    records = model.objects.filter(source=source, feed_id=feed_id)
    if not feed_id:
        records = records.filter(name=fields["name"])
    current = records.first()
    if current is None:
        return model.objects.create(source=source, feed_id=feed_id, **fields)
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if changed:
        for name in changed:
            setattr(current, name, fields[name])
        current.save(update_fields=changed)
        stale.update(current.services.values_list("pk", flat=True))
    return current


def _refresh_search(services: list[Service]) -> None:
    """Recompute what search looks in, through the search module when it is installed."""
    try:
        from goodlife.directory.search import refresh_index
    except ImportError:
        refresh_index = None
    if refresh_index is not None:
        refresh_index([service.pk for service in services])
        return
    for service in services:
        parts = [
            service.name,
            service.organization.name if service.organization else "",
            service.description,
        ]
        parts += [term.name for term in service.terms.all()]
        parts += [location.name for location in service.locations.all()]
        Service.objects.filter(pk=service.pk).update(
            search_text="\n".join(part for part in parts if part)
        )
