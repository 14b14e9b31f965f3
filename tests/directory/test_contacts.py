"""A service's named contacts (ORUK ``contacts``): read from feeds in both shapes, saved
without rewriting an unchanged feed, published in the feed and shown on the entry."""

import copy
import hashlib
import json
import uuid
from dataclasses import asdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goodlife.directory.models import Contact, Service
from goodlife.directory.openreferral import import_feed, parse_service, service_to_oruk
from tests.directory.test_openreferral import (
    EXAMPLE,
    EXAMPLE_ID,
    MESSY,
    load,
    schema_errors,
    service_schema,
    writes,
)

CONTACT_ID = "1e7efce3-639b-4880-940c-b95cd30cdb50"


def example_with_phone() -> dict:
    """The UK profile example, its contact given a phone and an email as HSDS 3 allows."""
    record = load(EXAMPLE)
    record["contacts"][0]["email"] = " ann.persona@example.com "
    record["contacts"][0]["phones"] = [{"id": "p-1", "number": " 01632  960 001 "}]
    return record


def contacts_of(service) -> list[tuple]:
    return [(c.feed_id, c.name, c.title, c.email, c.phone) for c in service.contacts.all()]


@pytest.mark.django_db
def test_importing_the_example_creates_its_contact():
    import_feed("example.json", [load(EXAMPLE)])

    service = Service.objects.get(feed_id=EXAMPLE_ID)
    assert contacts_of(service) == [(CONTACT_ID, "Ann Persona", "Reception Manager", "", "")]
    assert str(service.contacts.get()) == "Ann Persona"


@pytest.mark.django_db
def test_a_contacts_phone_and_email_are_kept():
    report = import_feed("example.json", [example_with_phone()])

    assert (report.created, report.skipped) == (1, [])
    service = Service.objects.get()
    assert contacts_of(service) == [
        (CONTACT_ID, "Ann Persona", "Reception Manager", "ann.persona@example.com", "01632 960 001")
    ]
    assert service.phone == "01632 960 001"  # the service's number when it has none of its own


def test_it_reads_version_2_contacts():
    [_, _, _, record, *_] = load(MESSY)

    [contact] = parse_service(record).contacts

    assert (contact.feed_id, contact.name, contact.phone) == ("c-1", "Desk", "020 7946 0000")


@pytest.mark.django_db
def test_a_broken_contact_email_is_dropped_not_the_service():
    record = load(EXAMPLE)
    record["contacts"][0]["email"] = "ann at example"
    record["contacts"].append({"id": 7, "name": "", "title": "", "phones": "not a list"})

    report = import_feed("example.json", [record])

    assert (report.created, report.skipped) == (1, [])
    # The second contact says nothing anyone could use, so it is not kept.
    assert contacts_of(Service.objects.get()) == [
        (CONTACT_ID, "Ann Persona", "Reception Manager", "", "")
    ]


@pytest.mark.django_db
def test_a_second_import_writes_nothing():
    import_feed("feed.json", [example_with_phone()])
    before = list(Contact.objects.values_list("pk", "name", "phone"))

    with CaptureQueriesContext(connection) as queries:
        report = import_feed("feed.json", [example_with_phone()])

    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert writes(queries.captured_queries) == []
    assert list(Contact.objects.values_list("pk", "name", "phone")) == before


@pytest.mark.django_db
def test_a_changed_contact_updates_the_service():
    record = example_with_phone()
    import_feed("feed.json", [record])
    record["contacts"][0]["title"] = "Centre Manager"
    record["contacts"][0]["phones"][0]["number"] = "01632 960 002"

    report = import_feed("feed.json", [record])

    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    service = Service.objects.get()
    assert service.version == 2
    assert contacts_of(service) == [
        (CONTACT_ID, "Ann Persona", "Centre Manager", "ann.persona@example.com", "01632 960 002")
    ]

    record["contacts"] = []
    assert import_feed("feed.json", [record]).updated == 1
    assert not Contact.objects.exists()


def test_a_record_without_contacts_keeps_its_fingerprint():
    # Services imported before contacts were read are not all rewritten by the next import.
    record = load(EXAMPLE)
    del record["contacts"]
    parsed = parse_service(record)

    data = asdict(parsed)
    del data["feed_hash"], data["contacts"], data["last_checked_on"], data["last_checked_by"]
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    assert parsed.feed_hash == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.django_db
def test_contacts_are_published_and_validate():
    import_feed("example.json", [example_with_phone()])
    service = Service.objects.get()
    Contact.objects.create(service=service, name="Front desk")

    data = service_to_oruk(service)

    assert schema_errors(data, service_schema()) == []
    ann, desk = data["contacts"]
    assert uuid.UUID(ann["id"]) and ann["service_id"] == str(service.pk)
    assert (ann["name"], ann["title"], ann["email"]) == (
        "Ann Persona",
        "Reception Manager",
        "ann.persona@example.com",
    )
    [phone] = ann["phones"]
    assert (phone["contact_id"], phone["number"]) == (ann["id"], "01632 960 001")
    assert uuid.UUID(phone["id"])
    assert desk == {
        "id": desk["id"],
        "service_id": str(service.pk),
        "name": "Front desk",
        "phones": [],
    }
    # Ids stay the same from one export to the next, and what we publish reads back.
    assert service_to_oruk(service)["contacts"] == data["contacts"]
    again = parse_service(copy.deepcopy(data)).contacts
    assert [(c.name, c.title, c.email, c.phone) for c in again] == [
        ("Ann Persona", "Reception Manager", "ann.persona@example.com", "01632 960 001"),
        ("Front desk", "", "", ""),
    ]
    assert "contacts" not in service_to_oruk(service, full=False)


@pytest.mark.django_db
def test_the_service_page_shows_its_contacts(as_practitioner):
    import_feed("example.json", [example_with_phone()])
    service = Service.objects.get()

    page = as_practitioner.get(f"/directory/services/{service.pk}/").content.decode()

    assert '<dt class="govuk-summary-list__key">Contacts</dt>' in page
    assert "<li>Ann Persona, Reception Manager</li>" in page
    assert "<li>Phone: 01632 960 001</li>" in page
    assert "<li>Email: ann.persona@example.com</li>" in page

    service.contacts.all().delete()
    page = as_practitioner.get(f"/directory/services/{service.pk}/").content.decode()
    assert "Ann Persona" not in page
