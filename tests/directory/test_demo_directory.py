"""The demo's directory is an Open Referral UK feed read by the importer: it validates, it
gives the same entries as the demo made before it was a feed (the rows in
fixtures/demo_directory_rows.json, taken from that demo), and what Goodlife publishes of it
reads back the same."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from goodlife.directory import demo
from goodlife.directory.models import (
    LOCAL,
    OFFERINGS,
    Location,
    Organization,
    Service,
    TaxonomyTerm,
)
from goodlife.directory.openreferral import import_feed, service_to_oruk
from goodlife.people.demo import DemoBorough
from tests.directory.test_openreferral import schema_errors, service_schema
from tests.factories import UserFactory

ROWS = Path(__file__).parent / "fixtures" / "demo_directory_rows.json"


def directory_rows(source: str | None = None) -> dict:
    """Every directory entry (of one source, if given) as the fields a person sees, with
    when it was last checked counted back from today, and the shared rows (organisations,
    terms, places) that hold them."""
    today = timezone.localdate()
    services = Service.objects.select_related("organization", "last_checked_by")
    organizations, terms, locations = Organization.objects, TaxonomyTerm.objects, Location.objects
    if source is not None:
        services = services.filter(source=source)
        organizations = organizations.filter(source=source)
        terms, locations = terms.filter(source=source), locations.filter(source=source)
    entries = []
    for service in services.order_by("name").prefetch_related(
        "terms", "locations", "schedules", "cost_options", "contacts"
    ):
        entries.append(
            {
                "name": service.name,
                "organization": service.organization.name if service.organization else None,
                "description": service.description,
                "url": service.url,
                "email": service.email,
                "phone": service.phone,
                "status": service.status,
                "fees": service.fees,
                "is_free": service.is_free,
                "eligibility": service.eligibility,
                "minimum_age": service.minimum_age,
                "maximum_age": service.maximum_age,
                "languages": service.languages,
                "offers": [key for key, _ in OFFERINGS if getattr(service, f"offers_{key}")],
                "terms": sorted([term.name, term.taxonomy] for term in service.terms.all()),
                "locations": [
                    {
                        "name": place.name,
                        "address": place.address,
                        "postcode": place.postcode,
                        "latitude": place.latitude,
                        "longitude": place.longitude,
                        "accessibility": place.accessibility,
                    }
                    for place in service.locations.all()
                ],
                "schedules": [
                    {
                        "byday": schedule.byday,
                        "opens_at": schedule.opens_at and schedule.opens_at.isoformat(),
                        "closes_at": schedule.closes_at and schedule.closes_at.isoformat(),
                        "freq": schedule.freq,
                        "description": schedule.description,
                    }
                    for schedule in service.schedules.all()
                ],
                "cost_options": [
                    [option.option, str(option.amount), option.amount_description]
                    for option in service.cost_options.all()
                ],
                "contacts": [
                    [contact.name, contact.title, contact.email, contact.phone]
                    for contact in service.contacts.all()
                ],
                "last_checked_days_ago": (
                    (today - service.last_checked_on).days if service.last_checked_on else None
                ),
                "last_checked_by": (
                    service.last_checked_by.email if service.last_checked_by else None
                ),
                "version": service.version,
                "search_text": service.search_text,
            }
        )
    return {
        "services": entries,
        "organizations": sorted(organizations.values_list("name", flat=True)),
        "terms": sorted(terms.values_list("name", flat=True)),
        "locations": locations.count(),
    }


@pytest.fixture
def borough(db):
    """The part of the demo borough the directory needs: its directory editor."""
    editor = UserFactory(email="directory@example.org", role="directory_editor")
    return DemoBorough(teams={}, staff={"directory@example.org": editor}, people={})


def test_the_demo_directory_is_a_valid_oruk_feed():
    records = json.loads(demo.FIXTURE.read_text())
    schema = service_schema()
    assert len(records) == len(json.loads(ROWS.read_text())["services"])
    assert {record["name"]: schema_errors(record, schema) for record in records} == {
        record["name"]: [] for record in records
    }
    assert len({record["id"] for record in records}) == len(records)


def test_preparing_the_demo_gives_the_directory_it_had_before_it_was_a_feed(db):
    out = io.StringIO()
    call_command("demo", stdout=out)

    assert "Directory entries added: 64." in out.getvalue()
    assert directory_rows() == json.loads(ROWS.read_text())


def test_a_second_run_adds_nothing_and_keeps_what_people_changed(borough):
    demo.load(borough)
    Service.objects.filter(name="Parkrun").update(description="Changed by an editor")
    count = Service.objects.count()

    assert demo.load(borough) is None
    assert Service.objects.count() == count
    assert Service.objects.get(name="Parkrun").description == "Changed by an editor"


def test_a_directory_from_before_the_demo_was_a_feed_is_not_doubled(borough):
    # An earlier demo made its entries as local ones; they are found by name.
    Service.objects.create(name="Parkrun", source=LOCAL)
    rows = len(json.loads(ROWS.read_text())["services"])

    assert demo.load(borough) == f"Directory entries added: {rows - 1}."
    assert Service.objects.filter(name="Parkrun").count() == 1


def test_what_is_published_of_the_demo_reads_back_the_same(borough):
    demo.load(borough)
    published = [service_to_oruk(service) for service in Service.objects.order_by("name")]
    schema = service_schema()
    assert [schema_errors(data, schema) for data in published] == [[]] * len(published)

    report = import_feed("copy.json", json.loads(json.dumps(published)))

    assert (report.created, report.skipped) == (len(published), [])
    original, copy = directory_rows(demo.SOURCE), directory_rows("copy.json")
    # Who checked an entry is not published: the feed is open to anyone.
    assert {entry["last_checked_by"] for entry in copy["services"]} == {None}
    for entry in original["services"] + copy["services"]:
        del entry["last_checked_by"]
    assert copy == original
