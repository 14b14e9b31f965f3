"""Open Referral UK import and export, checked against the standard's own examples, the
validator's deliberately failing mocks, a messy feed and the compiled JSON Schemas."""

import base64
import copy
import datetime
import decimal
import http.server
import json
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator, FormatChecker

from goodlife.audit.models import Action, AuditEvent
from goodlife.directory.models import (
    CostOption,
    Location,
    Organization,
    Schedule,
    Service,
    TaxonomyTerm,
)
from goodlife.directory.openreferral import (
    MalformedRecord,
    SourceUnreadable,
    fetch,
    import_feed,
    page_of_services,
    parse_service,
    read_source,
    service_to_oruk,
    values,
)

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "oruk-uk-profile/examples/service_full.json"
EXAMPLE_PAGE = FIXTURES / "oruk-uk-profile/examples/service_list.json"
FAIL_SERVICE = FIXTURES / "oruk-validator-mocks/V3.0-UK-Fail/service_full.json"
FAIL_PAGE = FIXTURES / "oruk-validator-mocks/V3.0-UK-Fail/service_list.json"
TEST_PAGE = FIXTURES / "oruk-validator-mocks/V3.0-UK-Test/service_list.json"
MESSY = FIXTURES / "messy_feed.json"
SCHEMAS = FIXTURES / "oruk-uk-profile/schema"
EXAMPLE_ID = "ac148810-d857-441c-9679-408f346de14b"


def load(path: Path):
    return json.loads(path.read_text())


def schema_errors(instance, schema) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def service_schema():
    return load(SCHEMAS / "compiled/service.json")


def page_schema():
    """ORUK's /services response: the Page envelope with list-form services as contents."""
    page = load(SCHEMAS / "openapi.json")["components"]["schemas"]["Page"]
    return {
        "allOf": [page],
        "required": [*page["properties"], "contents"],
        "properties": {
            "contents": {"type": "array", "items": load(SCHEMAS / "compiled/service_list.json")}
        },
    }


def writes(queries) -> list[str]:
    verbs = {"INSERT", "UPDATE", "DELETE", "REPLACE"}
    return [q["sql"] for q in queries if q["sql"].lstrip().split(" ", 1)[0].upper() in verbs]


# --- Reading one record ---------------------------------------------------------------


def test_it_reads_the_uk_profile_example():
    parsed = parse_service(load(EXAMPLE))

    assert (parsed.feed_id, parsed.name, parsed.status) == (
        EXAMPLE_ID,
        "Community Counselling",
        "active",
    )
    assert parsed.description.startswith("Counselling Services provided by trained professionals.")
    assert (parsed.minimum_age, parsed.maximum_age) == (12, 100)
    assert parsed.organization.name == "Example Organization Inc."
    assert parsed.organization.website == "http://example.com"
    [schedule] = parsed.schedules
    assert (schedule.byday, schedule.freq) == ("TH,FR", "WEEKLY")
    assert (schedule.opens_at, schedule.closes_at) == (datetime.time(10), datetime.time(18))
    [cost] = parsed.cost_options
    assert (cost.option, cost.amount, cost.amount_description) == (
        "Under 18s and Over 60s",
        decimal.Decimal("35.00"),
        "per 1 hour session",
    )
    assert not parsed.is_free
    [location] = parsed.locations
    assert location.name == "MyCity Civic Center"
    assert location.address.split("\n")[0] == "1-30 Main Street"
    assert location.postcode == "ABC 1234"
    assert "induction loops" in location.accessibility
    # The example's latitude 100 and longitude 101 are not places on Earth.
    assert location.latitude is None and location.longitude is None
    [term] = parsed.terms
    assert (term.feed_id, term.name, term.taxonomy) == (
        "3f7b145d-84af-42d7-8fae-eaca714b02b2",
        "name",
        "taxonomy",
    )


def test_the_validator_fail_mock_is_malformed_with_every_reason():
    with pytest.raises(MalformedRecord) as problem:
        parse_service(load(FAIL_SERVICE))

    assert problem.value.record_id == EXAMPLE_ID
    assert 'url "example/counselling" is not a web address' in problem.value.reason
    assert 'email "email-example_com" is not an email address' in problem.value.reason


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ("a string", "not a service object"),
        ({"name": "Lunch club"}, "id is missing"),
        ({"id": "  ", "name": "Lunch club"}, "id is missing"),
        ({"id": "x" * 201, "name": "Lunch club"}, "id is longer than 200 characters"),
        ({"id": "1", "name": " <p>&nbsp;</p> "}, "name is missing"),
        ({"id": "1"}, "name is missing"),
        ({"id": "1", "name": "Lunch club", "url": "ftp://example.org"}, "not a web address"),
        ({"id": "1", "name": "Lunch club", "url": "www.example.org"}, "not a web address"),
        (
            {"id": "1", "name": "Lunch club", "url": "https://example.org/" + "a" * 500},
            "url is longer than 500 characters",
        ),
        ({"id": "1", "name": "Lunch club", "email": "lunch at example.org"}, "not an email"),
        ({"id": "1", "name": "Lunch club", "email": False}, "email false is not an email"),
        ({"id": "1", "name": "Lunch club", "status": "open"}, 'status "open" is not one of'),
    ],
)
def test_it_refuses_a_record_it_cannot_trust(record, reason):
    with pytest.raises(MalformedRecord, match=reason):
        parse_service(record)


def test_empty_optional_fields_and_status_in_any_case_are_accepted():
    parsed = parse_service(
        {"id": 17, "name": "Lunch club", "url": "", "email": " ", "status": "Temporarily Closed"}
    )
    assert (parsed.feed_id, parsed.url, parsed.email) == ("17", "", "")
    assert parsed.status == "temporarily closed"
    assert parse_service({"id": "2", "name": "Lunch club", "status": None}).status == "active"


def test_a_huge_html_description_with_inline_images_becomes_plain_text():
    image = base64.b64encode(bytes(range(256)) * 400).decode()  # about 136,000 characters
    paragraph = "<p>Tea &amp; cake,&nbsp;every   <b>Tuesday</b>.</p>\n\n"
    html = f'<div><img src="data:image/png;base64,{image}">{paragraph * 2000}</div>'
    assert len(html) > 100_000

    description = parse_service({"id": "1", "name": "Tea", "description": html}).description

    assert len(description) <= 20_000
    assert description.startswith("Tea & cake, every Tuesday.\nTea & cake, every Tuesday.")
    assert "base64" not in description and image[:50] not in description
    assert "<" not in description and "&amp;" not in description and "  " not in description


def test_script_and_bare_base64_are_dropped_but_angle_brackets_in_text_are_kept():
    text = values.plain_text(
        "Ages <18 welcome<script>alert(1)</script> " + "QUJD" * 100 + " bring a friend"
    )
    assert text == "Ages <18 welcome bring a friend"


@pytest.mark.parametrize(
    ("fees", "amounts", "free"),
    [
        ("Free", [], True),
        ("<p>No charge for residents</p>", [], True),
        ("", [0, "0.00"], True),
        ("", [], False),  # the feed says nothing about cost: not free
        ("fees_description", [], False),
        ("", [0, 5], False),
        ("", [0, None], False),
        ("£3 a session", [3], False),
    ],
)
def test_it_marks_free_only_when_the_feed_says_so(fees, amounts, free):
    record = {
        "id": "1",
        "name": "Lunch club",
        "fees": fees,
        "cost_options": [{"option": f"Option {n}", "amount": a} for n, a in enumerate(amounts)],
    }
    assert parse_service(record).is_free is free


@pytest.mark.parametrize(
    ("text", "offers"),
    [
        ("Friendship café and lunch club", ("connect",)),
        ("Walking football and swimming", ("be_active",)),
        ("Computer skills course at the library", ("learn",)),
        ("Volunteer at the time bank", ("give",)),
        ("Community garden and art studio", ("take_notice",)),
        ("Astronomy society meets monthly", ("connect", "take_notice")),
        ("Start a party with our partners", ()),  # no "art" inside other words
        ("Benefits advice", ()),
    ],
)
def test_it_derives_the_ways_to_wellbeing_from_the_words(text, offers):
    assert parse_service({"id": "1", "name": text}).offers == offers


def test_taxonomy_terms_count_towards_the_ways_to_wellbeing():
    record = {
        "id": "1",
        "name": "Tuesday session",
        "attributes": [{"taxonomy_term": {"id": "t1", "name": "Yoga"}}],
    }
    assert parse_service(record).offers == ("be_active",)


def test_numbers_may_come_as_strings_and_nonsense_is_dropped():
    parsed = parse_service(
        {
            "id": "1",
            "name": "Lunch club",
            "minimum_age": "18",
            "maximum_age": "old",
            "cost_options": [{"option": "Lunch", "amount": "£2.50"}],
            "service_at_locations": [
                {"location": {"name": "Hall", "latitude": "51.5", "longitude": "-0.12"}}
            ],
        }
    )
    assert (parsed.minimum_age, parsed.maximum_age) == (18, None)
    assert parsed.cost_options[0].amount == decimal.Decimal("2.50")
    assert (parsed.locations[0].latitude, parsed.locations[0].longitude) == (51.5, -0.12)
    # A location without an id gets one from its service, stable across imports.
    assert parsed.locations[0].feed_id == "1#location-0"


def test_it_reads_the_version_2_shape():
    [_, _, _, record, *_] = load(MESSY)
    parsed = parse_service(record)

    assert parsed.feed_id == "4012"
    [schedule] = parsed.schedules  # regular_schedules, with a weekday name
    assert (schedule.byday, schedule.opens_at) == ("WE", datetime.time(18))
    [location] = parsed.locations  # physical_addresses, accessibility_for_disabilities
    assert location.address == "1 High Street\nRiverside\nEastbrook"
    assert (location.postcode, location.accessibility) == ("RV2 1AA", "Hearing loop")
    [term] = parsed.terms  # service_taxonomys with a nested taxonomy
    assert (term.feed_id, term.name, term.taxonomy) == ("tx-books", "Reading", "esdServiceTypes")
    assert parsed.organization.website == "https://library.example.org"  # "url" in version 2
    assert parsed.languages == "English, Welsh"
    assert parsed.phone == "020 7946 0000"
    assert parsed.eligibility == "Adults & teenagers"


def test_the_fingerprint_is_stable_and_ignores_unknown_keys():
    record = load(EXAMPLE)
    first = parse_service(record).feed_hash
    assert len(first) == 64
    assert parse_service(copy.deepcopy(record)).feed_hash == first
    assert parse_service({**record, "x_vendor": {"colour": "green"}}).feed_hash == first
    assert parse_service({**record, "name": "Community Counselling (new)"}).feed_hash != first
    changed = copy.deepcopy(record)
    changed["schedules"][0]["closes_at"] = "17:00:00"
    assert parse_service(changed).feed_hash != first


# --- Importing ------------------------------------------------------------------------


@pytest.mark.django_db
def test_importing_the_example_creates_the_service_and_what_it_links_to():
    report = import_feed("example.json", [load(EXAMPLE)])

    assert (report.created, report.updated, report.unchanged, report.skipped) == (1, 0, 0, [])
    service = Service.objects.get(source="example.json", feed_id=EXAMPLE_ID)
    assert service.name == "Community Counselling"
    assert service.organization.feed_id == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert service.organization.source == "example.json"
    assert [loc.postcode for loc in service.locations.all()] == ["ABC 1234"]
    assert [term.name for term in service.terms.all()] == ["name"]
    assert [(s.byday, s.opens_at) for s in service.schedules.all()] == [
        ("TH,FR", datetime.time(10))
    ]
    assert [c.amount for c in service.cost_options.all()] == [decimal.Decimal("35.00")]
    assert service.feed_hash == parse_service(load(EXAMPLE)).feed_hash
    # What search looks in includes the organization, terms and places.
    assert "Example Organization Inc." in service.search_text
    assert "MyCity Civic Center" in service.search_text


@pytest.mark.django_db
def test_a_second_import_of_the_same_feed_writes_nothing():
    records = [*load(MESSY), load(EXAMPLE)]
    import_feed("feed.json", records)
    before = {s.pk: (s.version, s.last_modified, s.search_text) for s in Service.objects.all()}
    counts = [
        m.objects.count() for m in (Organization, Location, TaxonomyTerm, Schedule, CostOption)
    ]
    audit_rows = AuditEvent.objects.count()

    with CaptureQueriesContext(connection) as queries:
        report = import_feed("feed.json", records)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert writes(queries.captured_queries) == []
    after = {s.pk: (s.version, s.last_modified, s.search_text) for s in Service.objects.all()}
    assert after == before
    assert counts == [
        m.objects.count() for m in (Organization, Location, TaxonomyTerm, Schedule, CostOption)
    ]
    assert AuditEvent.objects.count() == audit_rows


@pytest.mark.django_db
def test_a_changed_record_is_updated_in_place():
    record = load(EXAMPLE)
    import_feed("feed.json", [record])
    service = Service.objects.get()
    record["name"] = "Community Counselling Café"
    record["schedules"][0]["byday"] = "MO"

    report = import_feed("feed.json", [record])

    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    service.refresh_from_db()
    assert (service.name, service.version) == ("Community Counselling Café", 2)
    assert service.offers_connect
    assert [s.byday for s in service.schedules.all()] == ["MO"]
    assert (Service.objects.count(), Location.objects.count(), Organization.objects.count()) == (
        1,
        1,
        1,
    )
    assert "Café" in service.search_text


@pytest.mark.django_db
def test_the_same_feed_ids_from_another_source_are_other_services():
    import_feed("one.json", [load(EXAMPLE)])
    import_feed("two.json", [load(EXAMPLE)])
    assert Service.objects.count() == 2
    assert Organization.objects.count() == 2


@pytest.mark.django_db
def test_the_fail_mocks_are_reported_and_skipped_while_valid_records_import():
    valid = {**load(EXAMPLE), "id": "5c0a8c3e-64b4-4a8e-9b8e-0d3c7a1f2e11"}
    records = [*load(FAIL_PAGE)["contents"], load(FAIL_SERVICE), valid]

    report = import_feed("fail.json", records)

    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    skipped = dict(enumerate(report.skipped))
    assert skipped[0][0] == EXAMPLE_ID
    assert skipped[0][1].startswith('name is missing; url "example_counselling" is not a web')
    assert skipped[1] == (
        "b644a0d2-9e8a-4c33-9390-ae9ee93fc056",
        'name is missing; url "example_counselling" is not a web address (http or https); '
        'email "email-example_com" is not an email address',
    )
    assert skipped[2][0] == "e85f5bb0-62f0-42cc-a08a-0c5c16273090"
    assert "email false is not an email address" in skipped[2][1]
    # The fourth record and the single service repeat the first one's id.
    assert skipped[3] == (EXAMPLE_ID, "duplicate id in this feed")
    assert skipped[4] == (EXAMPLE_ID, "duplicate id in this feed")
    assert len(report.skipped) == 5
    assert list(Service.objects.values_list("feed_id", flat=True)) == [valid["id"]]
    assert "- b644a0d2-9e8a-4c33-9390-ae9ee93fc056: name is missing" in report.summary()


@pytest.mark.django_db
def test_a_feed_repeating_one_id_keeps_the_first_record():
    report = import_feed("test.json", load(TEST_PAGE)["contents"])
    assert (report.created, len(report.skipped)) == (1, 127)
    assert {reason for _, reason in report.skipped} == {"duplicate id in this feed"}
    assert Service.objects.get().url == "http://example.com/counselling"


@pytest.mark.django_db
def test_the_messy_feed_survives():
    report = import_feed("messy.json", load(MESSY))

    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    assert report.skipped == [
        ("empty-name", "name is missing"),
        ("walk-1", "duplicate id in this feed"),
        ("bad-status", 'status "open" is not one of active, inactive, defunct, temporarily closed'),
        ("(no id)", "id is missing"),
        ("(no id)", "not a service object"),
    ]
    walk = Service.objects.get(feed_id="walk-1")
    assert walk.name == "Eastbrook Walking Group"
    assert walk.description == (
        "Walk & talk\nA friendly walk round the park,\nthen coffee.\nAges 18+ <> all welcome"
    )
    assert walk.is_free and walk.fees == "Free"
    assert (walk.minimum_age, walk.maximum_age) == (18, None)
    assert [key for key, _ in walk.offerings] == ["connect", "be_active"]
    assert walk.languages == "English, Polish"
    assert walk.organization.email == ""  # "not an email" is dropped, the service kept
    [park] = walk.locations.all()
    assert (park.postcode, park.latitude, park.longitude) == ("EB1 4QT", 51.5072, -0.1276)
    assert park.accessibility == "Step-free paths\nAccessible toilet"
    [schedule] = walk.schedules.all()
    assert (schedule.byday, schedule.freq, schedule.closes_at) == (
        "TU,TH",
        "WEEKLY",
        datetime.time(12),
    )
    library = Service.objects.get(feed_id="4012")
    assert not library.is_free
    assert [key for key, _ in library.offerings] == ["connect", "learn", "give"]
    assert report.summary().splitlines()[0] == "Created 2, updated 0, unchanged 0, skipped 5"


@pytest.mark.django_db
def test_a_record_that_cannot_be_saved_loses_only_itself(monkeypatch):
    real_bulk_create = CostOption.objects.bulk_create

    def failing_for_the_library(objs, *args, **kwargs):
        objs = list(objs)
        if any(o.service.feed_id == "4012" for o in objs):
            raise IntegrityError("simulated failure")
        return real_bulk_create(objs, *args, **kwargs)

    monkeypatch.setattr(CostOption.objects, "bulk_create", failing_for_the_library)

    report = import_feed("messy.json", load(MESSY))

    assert report.created == 1
    assert ("4012", "could not be saved: simulated failure") in report.skipped
    assert list(Service.objects.values_list("feed_id", flat=True)) == ["walk-1"]
    assert not Location.objects.filter(feed_id="loc-library").exists()
    assert not Organization.objects.filter(feed_id="org-library").exists()


@pytest.mark.django_db
def test_without_the_search_module_the_search_text_is_still_filled_in(monkeypatch):
    monkeypatch.setitem(sys.modules, "goodlife.directory.search", None)
    import_feed("feed.json", [load(EXAMPLE)])
    text = Service.objects.get().search_text
    assert text.split("\n")[:2] == ["Community Counselling", "Example Organization Inc."]
    assert "MyCity Civic Center" in text


@pytest.mark.django_db
def test_an_import_that_changed_something_is_audited(practitioner):
    import_feed("feed.json", [load(EXAMPLE)], by=practitioner)
    event = AuditEvent.objects.get(action=Action.CHANGE)
    assert event.user == practitioner
    assert event.summary == "Imported a directory feed: feed.json"
    assert event.detail == {
        "source": "feed.json",
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
    }


def test_a_source_must_not_pretend_to_be_goodlifes_own():
    with pytest.raises(ValueError, match="local"):
        import_feed("local", [])


# --- Reading a feed -------------------------------------------------------------------


def test_a_file_may_hold_one_service_a_list_or_a_page(tmp_path):
    assert [r["id"] for r in read_source(str(EXAMPLE))] == [EXAMPLE_ID]
    assert [r["id"] for r in read_source(str(EXAMPLE_PAGE))] == [EXAMPLE_ID]
    assert len(list(read_source(str(MESSY)))) == 7
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert [r["id"] for r in read_source(str(bom))] == [EXAMPLE_ID]


def test_an_unreadable_file_says_why(tmp_path):
    with pytest.raises(SourceUnreadable, match="There is no file"):
        list(read_source(str(tmp_path / "missing.json")))
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ')
    with pytest.raises(SourceUnreadable, match="not a JSON file"):
        list(read_source(str(broken)))
    number = tmp_path / "number.json"
    number.write_text("42")
    with pytest.raises(SourceUnreadable, match="neither a service"):
        list(read_source(str(number)))


class FeedServer:
    """A local HTTP server answering /services?page=N from a dict of pages."""

    def __init__(self, pages: dict[int, bytes], status: int = 200):
        self.pages, self.status, self.requests = pages, status, []
        feed = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                feed.requests.append(self.path)
                query = dict(
                    part.split("=", 1) for part in self.path.partition("?")[2].split("&") if part
                )
                body = feed.pages.get(int(query.get("page", 1)), b'{"contents": []}')
                self.send_response(feed.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/services"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def test_it_reads_every_page_of_a_url_until_the_last():
    # Page 1 says there are 10 pages; page 2 says it is the last one.
    pages = {1: EXAMPLE_PAGE.read_bytes(), 2: FAIL_PAGE.read_bytes()}
    with FeedServer(pages) as feed:
        records = list(read_source(feed.url + "?search=club", per_page=50))

    assert len(records) == 5
    assert [r["id"] for r in records][:2] == [EXAMPLE_ID, EXAMPLE_ID]
    assert feed.requests == [
        "/services?search=club&page=1&per_page=50",
        "/services?search=club&page=2&per_page=50",
    ]


def page(ids: list[str], **envelope) -> bytes:
    return json.dumps(
        {"contents": [{"id": i, "name": f"Club {i}"} for i in ids], **envelope}
    ).encode()


def test_it_stops_on_an_empty_page_or_at_total_pages_or_when_pages_repeat():
    with FeedServer({1: page(["a"]), 2: page(["b"])}) as feed:
        assert [r["id"] for r in read_source(feed.url)] == ["a", "b"]
    assert len(feed.requests) == 3  # the third page was empty

    with FeedServer({1: page(["a"], total_pages="2"), 2: page(["b"]), 3: page(["c"])}) as feed:
        assert [r["id"] for r in read_source(feed.url)] == ["a", "b"]

    same = page(["a", "b"])
    with FeedServer(dict.fromkeys(range(1, 10), same)) as feed:
        assert [r["id"] for r in read_source(feed.url)] == ["a", "b"]
    assert len(feed.requests) == 2


def test_it_gives_up_after_the_page_limit(monkeypatch):
    monkeypatch.setattr(fetch, "MAX_PAGES", 3)
    with FeedServer({n: page([str(n)]) for n in range(1, 10)}) as feed:
        assert [r["id"] for r in read_source(feed.url)] == ["1", "2", "3"]


def test_an_http_error_or_a_page_that_is_not_json_is_unreadable():
    with (
        FeedServer({1: b'{"error": "gone"}'}, status=404) as feed,
        pytest.raises(SourceUnreadable, match="answered HTTP 404"),
    ):
        list(read_source(feed.url))
    with (
        FeedServer({1: b"<html>Maintenance</html>"}) as feed,
        pytest.raises(SourceUnreadable, match="did not answer with JSON"),
    ):
        list(read_source(feed.url))


@pytest.mark.django_db
def test_importing_a_url_imports_every_page():
    pages = {1: EXAMPLE_PAGE.read_bytes(), 2: FAIL_PAGE.read_bytes()}
    with FeedServer(pages) as feed:
        report = import_feed(feed.url, read_source(feed.url))
    assert (report.created, len(report.skipped)) == (1, 4)
    assert Service.objects.get().source == feed.url


# --- Publishing -----------------------------------------------------------------------


def test_the_format_checks_really_run():
    # Without jsonschema's format extras a bad URL or date-time would pass unnoticed.
    service = load(EXAMPLE)
    assert schema_errors(service, service_schema()) == []
    bad = {**service, "url": "http://exa mple.com", "last_modified": "yesterday"}
    assert len(schema_errors(bad, service_schema())) == 2


@pytest.mark.django_db
def test_an_imported_service_is_published_as_a_valid_oruk_service():
    import_feed("example.json", [load(EXAMPLE)])
    service = Service.objects.get()

    data = service_to_oruk(service)

    assert schema_errors(data, service_schema()) == []
    assert data["id"] == str(service.pk)
    assert data["organization"]["name"] == "Example Organization Inc."
    [at_location] = data["service_at_locations"]
    assert at_location["location"]["addresses"][0]["postal_code"] == "ABC 1234"
    assert "latitude" not in at_location["location"]
    assert data["cost_options"][0]["amount"] == 35
    assert data["attributes"][0]["taxonomy_term"]["name"] == "name"
    assert [contact["name"] for contact in data["contacts"]] == ["Ann Persona"]
    # What we publish reads back as the same service.
    again, original = parse_service(json.loads(json.dumps(data))), parse_service(load(EXAMPLE))
    assert (again.name, again.minimum_age, again.is_free) == ("Community Counselling", 12, False)
    assert [(s.byday, s.opens_at, s.freq) for s in again.schedules] == [
        (s.byday, s.opens_at, s.freq) for s in original.schedules
    ]
    assert [c.amount for c in again.cost_options] == [c.amount for c in original.cost_options]


@pytest.mark.django_db
def test_a_service_made_in_goodlife_is_published_as_a_valid_oruk_service():
    organization = Organization.objects.create(name="Eastbrook Stargazers")
    service = Service.objects.create(
        organization=organization,
        name="Stargazing for beginners",
        description="Look at the night sky together.",
        url="https://stargazers.example.org/",
        email="hello@stargazers.example.org",
        phone="01632 960000",
        fees="Free",
        is_free=True,
        minimum_age=16,
        languages="English, Urdu",
    )
    hall = Location.objects.create(
        name="Observatory Hall",
        address="1 Hill Road\nUpper Eastbrook\nEastbrook",
        postcode="EB2 7ZZ",
        latitude=51.51,
        longitude=-0.09,
        accessibility="Step-free access",
    )
    service.locations.add(hall)
    service.terms.add(TaxonomyTerm.objects.create(name="Astronomy", taxonomy="Goodlife"))
    Schedule.objects.create(
        service=service, byday="FR", opens_at=datetime.time(19, 30), freq="WEEKLY"
    )
    CostOption.objects.create(service=service, option="Telescope hire", amount="2.50")

    data = service_to_oruk(service)

    assert schema_errors(data, service_schema()) == []
    assert uuid.UUID(data["id"]) == service.pk
    assert data["url"] == "https://stargazers.example.org/"
    assert data["last_modified"].endswith("Z")
    assert data["schedules"][0]["opens_at"] == "19:30:00"
    assert data["cost_options"][0]["amount"] == 2.5
    address = data["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["address_2"], address["city"]) == (
        "1 Hill Road",
        "Upper Eastbrook",
        "Eastbrook",
    )
    assert [lang["name"] for lang in data["languages"]] == ["English", "Urdu"]
    assert data["phones"][0]["number"] == "01632 960000"
    # Ids made for parts without a UUID of their own stay the same from one export to the next.
    assert service_to_oruk(service)["schedules"][0]["id"] == data["schedules"][0]["id"]


@pytest.mark.django_db
def test_a_bare_service_is_published_without_empty_values():
    service = Service.objects.create(name="Drop-in")
    data = service_to_oruk(service)
    assert schema_errors(data, service_schema()) == []
    assert data["description"] == ""
    assert not {"url", "email", "organization", "organization_id", "minimum_age"} & set(data)


@pytest.mark.django_db
def test_a_page_of_services_is_a_valid_oruk_page():
    for name in ("Art club", "Book club", "Choir"):
        Service.objects.create(name=name, url="https://example.org/" + name.split()[0].lower())
    services = Service.objects.order_by("name")

    second = page_of_services(services, 2, 2)

    assert schema_errors(second, page_schema()) == []
    assert {k: v for k, v in second.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    assert [s["name"] for s in second["contents"]] == ["Choir"]
    assert "schedules" not in second["contents"][0]  # the list form
    first = page_of_services(services, 1, 2)
    assert (first["first_page"], first["last_page"], first["size"]) == (True, False, 2)
    beyond = page_of_services(services, 5, 2)
    assert (beyond["empty"], beyond["contents"]) == (True, [])
    assert schema_errors(beyond, page_schema()) == []


@pytest.mark.django_db
def test_the_published_page_reads_back_through_the_url_reader():
    import_feed("messy.json", load(MESSY))
    body = json.dumps(page_of_services(Service.objects.order_by("name"), 1, 50)).encode()
    with FeedServer({1: body}) as feed:
        report = import_feed(feed.url, read_source(feed.url))
    assert (report.created, report.skipped) == (2, [])
