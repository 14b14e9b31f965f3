import datetime

from goodlife.audit.models import Action, AuditEvent
from goodlife.people import search
from tests.conftest import client_for
from tests.factories import PersonFactory, UserFactory


def test_parse_understands_names_numbers_and_dates():
    assert search.parse("943 476 5919").nhs_number == "9434765919"
    q = search.parse("Tom 02/06/1981")
    assert q.name_terms == ["Tom"] and q.date_of_birth == datetime.date(1981, 6, 2)
    assert search.parse("1981-06-02").date_of_birth == datetime.date(1981, 6, 2)
    assert search.parse("943 476 5918").problems
    assert search.parse("31/02/1981").problems


def test_it_finds_by_name_preferred_name_nhs_number_and_date_of_birth(as_practitioner, tom):
    for q in ("Tom", "baxter", "Thomas Baxter", "9990000018", "999 000 0018", "02/06/1981"):
        tom.date_of_birth = datetime.date(1981, 6, 2)
        tom.save()
        page = as_practitioner.get("/people/search/", {"q": q}).content.decode()
        assert f"/people/{tom.pk}/" in page, q


def test_results_from_other_teams_show_no_personal_data(as_other_practitioner, tom):
    page = as_other_practitioner.get("/people/search/", {"q": "Tom"}).content.decode()
    assert "0 people found" in page
    assert "Baxter" not in page
    assert f"/people/{tom.pk}/break-glass/" in page
    assert "Record held by Northside Community Team" in page


def test_searches_are_audited_with_the_query(as_practitioner, practitioner, tom):
    as_practitioner.get("/people/search/", {"q": "Tom"})
    event = AuditEvent.objects.get(action=Action.SEARCH)
    assert event.user == practitioner
    assert event.detail["query"] == "Tom"
    assert event.detail["shown"] == [str(tom.pk)]


def test_an_empty_or_bad_search_says_what_to_do(as_practitioner, db):
    page = as_practitioner.get("/people/search/", {"q": ""}).content.decode()
    assert "Enter a name, NHS number or date of birth" in page
    page = as_practitioner.get("/people/search/", {"q": "31/02/1981"}).content.decode()
    assert "not a date we recognise" in page


def test_break_glass_grants_make_people_findable(db, tom):
    quality = UserFactory(role="quality_lead")
    client = client_for(quality)
    client.post(f"/people/{tom.pk}/break-glass/", {"reason": "Case file audit for October"})
    page = client.get("/people/search/", {"q": "Tom"}).content.decode()
    assert "1 person found" in page
    PersonFactory(legal_name="Tom Other", team=tom.team)
    page = client.get("/people/search/", {"q": "Tom"}).content.decode()
    assert "Tom Other" not in page
