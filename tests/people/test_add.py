import pytest

from goodlife.audit.models import Action, AuditEvent
from goodlife.people.models import Person
from tests.factories import PersonFactory, UserFactory

URL = "/people/add/"


@pytest.fixture
def form(north, practitioner):
    return {
        "legal_name": "  Margaret   Olu ",
        "preferred_name": "Maggie",
        "pronouns": "she/her",
        "date_of_birth_day": "3",
        "date_of_birth_month": "7",
        "date_of_birth_year": "1958",
        "nhs_number": "943 476 5919",
        "what_matters": "My garden and my grandchildren",
        "communication_needs": "",
        "address": "1 Elm Street",
        "postcode": "eb14qt",
        "phone": "01632 960 111",
        "email": "",
        "team": str(north.pk),
        "allocated_worker": str(practitioner.pk),
    }


def test_it_adds_a_person_with_tidied_values(as_practitioner, practitioner, form):
    response = as_practitioner.post(URL, form)
    person = Person.objects.get()
    assert response.url == f"/people/{person.pk}/"
    assert person.legal_name == "Margaret Olu"
    assert person.nhs_number == "9434765919"
    assert person.postcode == "EB1 4QT"
    assert str(person.date_of_birth) == "1958-07-03"
    event = AuditEvent.objects.get(action=Action.CREATE)
    assert event.person_id == person.pk and event.user == practitioner


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"legal_name": " "}, "legal_name", "Enter the person&#x27;s full legal name"),
        ({"nhs_number": "943 476 5918"}, "nhs_number", "NHS number is not valid"),
        ({"nhs_number": "12345"}, "nhs_number", "NHS number must be 10 digits"),
        ({"postcode": "NOT A CODE"}, "postcode", "Enter a real UK postcode"),
        ({"date_of_birth_month": ""}, "date_of_birth", "Date of birth must include a month"),
        (
            {"date_of_birth_day": "31", "date_of_birth_month": "2"},
            "date_of_birth",
            "must be a real date",
        ),
        ({"date_of_birth_year": "2999"}, "date_of_birth", "must be today or in the past"),
        ({"date_of_birth_year": "58"}, "date_of_birth", "Year must include 4 numbers"),
        ({"email": "not-an-email"}, "email", "Enter an email address in the correct format"),
        ({"phone": "12"}, "phone", "UK phone number"),
    ],
)
def test_each_mistake_gets_a_specific_message_and_nothing_typed_is_lost(
    as_practitioner, form, changes, field, message
):
    form.update(changes)
    response = as_practitioner.post(URL, form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert "My garden and my grandchildren" in page
    assert 'value="Maggie"' in page
    assert Person.objects.count() == 0


def test_a_worker_outside_the_team_cannot_be_allocated(as_practitioner, form, river):
    outsider = UserFactory(teams=[river])
    form["allocated_worker"] = str(outsider.pk)
    page = as_practitioner.post(URL, form).content.decode()
    assert "Select a worker from the list" in page


def test_a_practitioner_cannot_add_to_another_team(as_practitioner, form, river):
    form["team"] = str(river.pk)
    page = as_practitioner.post(URL, form).content.decode()
    assert "Select one of your teams" in page or "Select a valid choice" in page
    assert Person.objects.count() == 0


def test_same_nhs_number_is_refused_even_when_confirmed(as_practitioner, form, north):
    existing = PersonFactory(legal_name="Margaret Olu", nhs_number="9434765919", team=north)
    for confirmed in (False, True):
        if confirmed:
            form["not_a_duplicate"] = "on"
        page = as_practitioner.post(URL, form).content.decode()
        assert "Someone with this NHS number is already recorded" in page
        assert 'href="#id_nhs_number"' in page
        assert 'value="My garden and my grandchildren"' in page or "My garden" in page
    assert Person.objects.get() == existing


def test_same_name_and_date_of_birth_warns(as_practitioner, form, north):
    import datetime

    PersonFactory(
        legal_name="MARGARET OLU",
        date_of_birth=datetime.date(1958, 7, 3),
        nhs_number="",
        team=north,
    )
    form["nhs_number"] = ""
    page = as_practitioner.post(URL, form).content.decode()
    assert "This person may already have a record" in page


def test_duplicates_in_other_teams_are_counted_without_personal_data(as_practitioner, form, river):
    import datetime

    PersonFactory(
        legal_name="Margaret Olu",
        preferred_name="Secret Name",
        date_of_birth=datetime.date(1958, 7, 3),
        nhs_number="",
        team=river,
    )
    form["nhs_number"] = ""
    page = as_practitioner.post(URL, form).content.decode()
    assert "1 matching record held by Riverside Community Team" in page
    assert "Secret Name" not in page


def test_an_nhs_number_in_another_teams_record_is_refused_without_naming_them(
    as_practitioner, form, river
):
    PersonFactory(legal_name="Secret Name", nhs_number="9434765919", team=river)
    page = as_practitioner.post(URL, form).content.decode()
    assert "Someone with this NHS number is already recorded" in page
    assert "Secret Name" not in page and "Riverside" not in page
    assert Person.objects.count() == 1
