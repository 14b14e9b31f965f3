"""Goodlife's own fields on an Open Referral UK service (the "goodlife" extension): read on
import in place of the guesses, published in the feed, and a feed without them read exactly
as before."""

import datetime

import pytest

from goodlife.directory.models import Service
from goodlife.directory.openreferral import import_feed, parse_service, service_to_oruk
from tests.directory.test_openreferral import EXAMPLE, MESSY, load, schema_errors, service_schema
from tests.factories import UserFactory

# Fingerprints of the example and the messy feed's first record, as taken before the
# extension was read: a feed without it is not rewritten by the next import.
EXAMPLE_FINGERPRINT = "16cd9f597b7b3fbc80ca3e089e6767feba1f4d0fe98f5e88b9299382a09c6c39"
MESSY_WALK_FINGERPRINT = "83dbeb94724f90afa1172597c6856c830129576f5553bd951499c25e5416cea1"


def walk(**goodlife) -> dict:
    record = {
        "id": "walk-1",
        "name": "Riverside walking group",
        "description": "Gentle walks at a chatty pace.",
        "fees": "Free",
    }
    if goodlife:
        record["goodlife"] = goodlife
    return record


def test_a_feed_without_the_extension_keeps_its_fingerprint():
    assert parse_service(load(EXAMPLE)).feed_hash == EXAMPLE_FINGERPRINT
    assert parse_service(load(MESSY)[0]).feed_hash == MESSY_WALK_FINGERPRINT


def test_without_the_extension_offers_and_cost_are_guessed_and_nothing_is_checked():
    parsed = parse_service(walk())
    assert (parsed.offers, parsed.is_free) == (("connect", "be_active"), True)
    assert (parsed.last_checked_on, parsed.last_checked_by) == (None, "")
    # ORUK's assured_date is the publisher's assurance, not a directory editor's check.
    assert parse_service(load(EXAMPLE)).last_checked_on is None


def test_the_extension_says_what_is_offered_and_whether_it_is_free():
    parsed = parse_service(walk(offers=["take_notice", "connect"], is_free=False))
    assert (parsed.offers, parsed.is_free) == (("connect", "take_notice"), False)
    # An empty list is an answer: it offers none of the five ways.
    assert parse_service(walk(offers=[])).offers == ()


def test_what_is_malformed_in_the_extension_is_left_out():
    parsed = parse_service(
        walk(
            offers="connect",
            is_free="yes",
            last_checked_by="Ellen",
            last_checked_on="last Tuesday",
        )
    )
    assert (parsed.offers, parsed.is_free) == (("connect", "be_active"), True)
    assert (parsed.last_checked_on, parsed.last_checked_by) == (None, "")
    assert parse_service(walk(offers=["connect", "swimming", {"a": 1}])).offers == ("connect",)
    # Who checked means nothing without when.
    assert parse_service(walk(last_checked_by="ellen@example.org")).last_checked_by == ""
    assert parse_service({**walk(), "goodlife": ["connect"]}).offers == ("connect", "be_active")


@pytest.mark.django_db
def test_a_check_in_the_feed_is_saved_with_the_user_who_made_it():
    ellen = UserFactory(email="ellen@example.org")
    import_feed(
        "feed.json",
        [walk(last_checked_on="2026-03-01", last_checked_by=" Ellen@Example.org ")],
    )
    service = Service.objects.get()
    assert (service.last_checked_on, service.last_checked_by) == (datetime.date(2026, 3, 1), ellen)

    import_feed("other.json", [walk(last_checked_on="2026-03-01", last_checked_by="x@example.org")])
    other = Service.objects.get(source="other.json")
    assert (other.last_checked_on, other.last_checked_by) == (datetime.date(2026, 3, 1), None)


@pytest.mark.django_db
def test_a_feed_silent_about_checks_leaves_ours_alone(editor):
    import_feed("feed.json", [walk()])
    Service.objects.update(last_checked_on=datetime.date(2026, 5, 1), last_checked_by=editor)
    import_feed("feed.json", [{**walk(), "description": "Gentle walks by the river."}])
    service = Service.objects.get()
    assert service.description == "Gentle walks by the river."
    assert (service.last_checked_on, service.last_checked_by) == (datetime.date(2026, 5, 1), editor)


@pytest.mark.django_db
def test_the_extension_is_published_without_who_checked(editor):
    import_feed("feed.json", [walk()])
    Service.objects.update(
        offers_connect=True,
        is_free=False,
        last_checked_on=datetime.date(2026, 5, 1),
        last_checked_by=editor,
    )
    service = Service.objects.get()

    data = service_to_oruk(service)
    listed = service_to_oruk(service, full=False)

    assert schema_errors(data, service_schema()) == []
    expected = {
        "offers": ["connect", "be_active"],
        "is_free": False,
        "last_checked_on": "2026-05-01",
    }
    assert data["goodlife"] == listed["goodlife"] == expected
    assert editor.email not in str(data)
    unchecked = Service.objects.create(name="Drop-in")
    assert service_to_oruk(unchecked)["goodlife"] == {"offers": [], "is_free": False}


@pytest.mark.django_db
def test_what_is_published_reads_back_the_same(editor):
    import_feed("feed.json", [walk()])
    Service.objects.update(
        offers_be_active=False,
        offers_give=True,
        is_free=False,
        last_checked_on=datetime.date(2026, 5, 1),
    )
    published = service_to_oruk(Service.objects.get())

    import_feed("copy.json", [published])

    original = Service.objects.get(source="feed.json")
    copy = Service.objects.get(source="copy.json")
    assert (copy.is_free, copy.last_checked_on) == (False, datetime.date(2026, 5, 1))
    assert copy.offerings == original.offerings
    assert [key for key, _ in copy.offerings] == ["connect", "give"]
