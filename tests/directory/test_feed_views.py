"""The app's own Open Referral UK feed, fetched as any feed reader would: no sign-in."""

import json
from pathlib import Path

import pytest
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker

from goodlife.directory.models import Service

SCHEMAS = Path(__file__).parent / "fixtures" / "oruk-uk-profile" / "schema" / "compiled"


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_the_feed_lists_services_in_pages_and_validates(directory):
    response = Client().get("/openreferral/services", {"page": 1, "per_page": 2})
    assert response.status_code == 200
    page = response.json()
    assert page["total_items"] == 3 and page["total_pages"] == 2 and len(page["contents"]) == 2
    # The compiled service_list schema describes one entry of a page.
    item = validator("service_list.json")
    assert [e.message for s in page["contents"] for e in item.iter_errors(s)] == []
    second = Client().get("/openreferral/services", {"page": 2, "per_page": 2}).json()
    assert len(second["contents"]) == 1 and second["last_page"] is True


def test_each_service_validates_against_the_standard(directory):
    service = directory["astronomy"]
    response = Client().get(f"/openreferral/services/{service.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Eastbrook Astronomical Society"
    assert list(validator("service.json").iter_errors(body)) == []


@pytest.mark.parametrize(
    "query",
    [
        {"page": "x"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"page": "²"},
        {"per_page": "501"},
        {"per_page": "2147483648"},
    ],
)
def test_bad_paging_is_refused_clearly(db, query):
    response = Client().get("/openreferral/services", query)
    assert response.status_code == 400
    assert response.json()["error"] == (
        "page must be a whole number from 1 to 1,000,000, and per_page a whole number from 1 to 500"
    )


def test_a_page_past_the_last_is_empty(directory):
    # The last page the feed allows is far past the end, and the database is not asked
    # for an offset it cannot hold.
    body = Client().get("/openreferral/services", {"page": "1000000", "per_page": "500"}).json()
    assert body["contents"] == [] and body["empty"] is True and body["page_number"] == 1_000_000
    assert body["total_items"] == Service.objects.filter(status="active").count()


def test_an_unknown_service_is_not_found(db):
    response = Client().get("/openreferral/services/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404


def test_the_feed_never_includes_people_or_their_offers(directory, practitioner, tom):
    from goodlife.strengths import services as strengths

    strengths.add_offer(tom, by=practitioner, what="Telescope lessons", share_with_community=True)
    text = Client().get("/openreferral/services", {"per_page": 100}).content.decode()
    assert "Telescope lessons" not in text and "Tom" not in text
