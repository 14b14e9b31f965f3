import pytest

from goodlife.audit.models import Action, AuditEvent
from tests.conftest import client_for
from tests.factories import PersonFactory, UserFactory


def test_it_opens_with_who_the_person_is_and_what_matters(as_practitioner, tom):
    response = as_practitioner.get(f"/people/{tom.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1" in page and "Tom" in page
    assert page.index("What matters to me") < page.index("Details")
    assert "I want to be an astronaut." in page
    assert "999 000 0018" in page


def test_every_view_is_audited_with_who_where_and_which_record(as_practitioner, practitioner, tom):
    as_practitioner.get(f"/people/{tom.pk}/", REMOTE_ADDR="10.1.2.3")
    event = AuditEvent.objects.get(action=Action.VIEW, person_id=tom.pk)
    assert event.user == practitioner
    assert event.role == "practitioner"
    assert event.ip_address == "10.1.2.3"
    assert event.path == f"/people/{tom.pk}/"
    assert event.object_id == str(tom.pk)


def test_a_manager_of_the_team_sees_who_has_looked(as_practitioner, as_manager, tom):
    as_practitioner.get(f"/people/{tom.pk}/")
    page = as_manager.get(f"/people/{tom.pk}/").content.decode()
    assert "Who has looked at this record" in page
    log = as_manager.get(f"/people/{tom.pk}/who-has-looked/")
    assert log.status_code == 200
    assert log.content.decode().count("Viewed overview") >= 2


def test_practitioners_do_not_get_the_access_log(as_practitioner, tom):
    assert "Who has looked" not in as_practitioner.get(f"/people/{tom.pk}/").content.decode()
    response = as_practitioner.get(f"/people/{tom.pk}/who-has-looked/")
    assert response.status_code == 403


def test_an_unknown_person_is_not_found(as_practitioner, db):
    assert as_practitioner.get("/people/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_records_are_addressed_by_uuid_not_sequence(as_practitioner, tom):
    assert as_practitioner.get("/people/1/").status_code == 404
    assert len(str(tom.pk)) == 36


@pytest.mark.parametrize("role", ["provider", "commissioner"])
def test_providers_and_commissioners_cannot_open_records(db, tom, role):
    # A fixed name: a generated one can contain "Tom" ("Morris-Tomlinson") and show in
    # the header.
    client = client_for(UserFactory(role=role, teams=[tom.team], full_name="Pat Lee"))
    for url in (f"/people/{tom.pk}/", f"/people/{tom.pk}/edit/", f"/people/{tom.pk}/break-glass/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "Tom" not in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.ACCESS_REFUSED, person_id=tom.pk).count() == 3


@pytest.mark.parametrize("role", ["provider", "commissioner"])
def test_providers_and_commissioners_cannot_search_or_list(db, tom, role):
    client = client_for(UserFactory(role=role, teams=[tom.team]))
    assert client.get("/people/search/?q=Tom").status_code == 403
    assert client.get("/people/").status_code == 403
    assert client.get("/people/team/").status_code == 403


def test_my_caseload_lists_only_people_allocated_to_me(as_practitioner, tom, north):
    PersonFactory(legal_name="Unallocated Person", team=north)
    page = as_practitioner.get("/people/").content.decode()
    assert "Tom" in page
    assert "Unallocated Person" not in page


def test_my_teams_people_lists_my_team_only(as_practitioner, tom, north, river):
    PersonFactory(legal_name="Ruth Northside", team=north)
    PersonFactory(legal_name="Rhiannon Riverside", team=river)
    page = as_practitioner.get("/people/team/").content.decode()
    assert "Ruth Northside" in page and "Tom" in page
    assert "Rhiannon Riverside" not in page


def test_the_team_list_filters_by_status(as_practitioner, north):
    PersonFactory(legal_name="Closed Carol", team=north, status="closed")
    assert "Closed Carol" not in as_practitioner.get("/people/team/").content.decode()
    assert "Closed Carol" in as_practitioner.get("/people/team/?status=closed").content.decode()


def test_lists_are_audited_with_the_people_shown(as_practitioner, tom):
    as_practitioner.get("/people/")
    event = AuditEvent.objects.get(summary="Viewed my caseload")
    assert event.detail["people"] == [str(tom.pk)]


def test_access_follows_team_membership_on_every_request(practitioner, tom, north, river):
    from tests.conftest import client_for

    client = client_for(practitioner)
    assert client.get(f"/people/{tom.pk}/").status_code == 200
    practitioner.teams.set([river])  # moved to another team: no relationship with Tom now
    refused = client.get(f"/people/{tom.pk}/")
    assert refused.status_code == 302 and "break-glass" in refused.url
    practitioner.teams.set([river, north])
    assert client.get(f"/people/{tom.pk}/").status_code == 200
