"""One person, one record: an NHS number, where one is given, is recorded once."""

import threading
import time

import pytest
from django.db import IntegrityError, connection, connections, transaction

from goodlife.people import forms as person_forms
from goodlife.people import services
from goodlife.people.models import Person
from goodlife.ui import once
from tests.conftest import client_for
from tests.factories import PersonFactory, TeamFactory, UserFactory
from tests.people.test_edit import form_of


def test_the_database_refuses_a_second_person_with_the_same_nhs_number(north):
    PersonFactory(nhs_number="9434765919", team=north)
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(legal_name="Someone Else", nhs_number="9434765919", team=north)


def test_many_people_may_have_no_nhs_number(north):
    for _ in range(3):
        Person.objects.create(legal_name="Unknown", nhs_number="", team=north)
    assert Person.objects.filter(nhs_number="").count() == 3


def test_the_service_says_so_rather_than_failing(north, practitioner):
    PersonFactory(nhs_number="9434765919", team=north)
    with pytest.raises(services.NhsNumberRecorded):
        services.create_person(
            by=practitioner, legal_name="Someone Else", nhs_number="9434765919", team=north
        )


def test_an_edit_cannot_give_someone_anothers_nhs_number(as_practitioner, tom, north):
    other = PersonFactory(nhs_number="9434765919", team=north)
    response = as_practitioner.post(
        f"/people/{tom.pk}/edit/", form_of(tom, nhs_number="943 476 5919", phone="01632 960 999")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone with this NHS number is already recorded" in page
    assert other.legal_name not in page
    assert 'value="01632 960 999"' in page  # what was typed is kept
    tom.refresh_from_db()
    assert tom.nhs_number == "9990000018" and tom.version == 1


def test_an_edit_keeps_the_persons_own_nhs_number(as_practitioner, tom):
    response = as_practitioner.post(f"/people/{tom.pk}/edit/", form_of(tom, phone="01632 960 999"))
    assert response.status_code == 302


def test_a_race_the_form_cannot_see_is_still_answered_plainly(
    as_practitioner, north, practitioner, monkeypatch
):
    """Two workers add the same person: both forms pass their check before either saves."""
    PersonFactory(nhs_number="9434765919", team=north)
    calls = []
    real = services.nhs_number_recorded

    def not_yet_saved(number, **kwargs):
        calls.append(number)
        # The form's check and the service's first check ran before the other save.
        return real(number, **kwargs) if len(calls) > 2 else False

    monkeypatch.setattr(services, "nhs_number_recorded", not_yet_saved)
    monkeypatch.setattr(person_forms, "nhs_number_recorded", not_yet_saved)
    monkeypatch.setattr(Person, "validate_constraints", lambda self, exclude=None: None)
    page = as_practitioner.post(
        "/people/add/",
        {
            "legal_name": "Margaret Olu",
            "nhs_number": "9434765919",
            "team": str(north.pk),
            "allocated_worker": str(practitioner.pk),
            # The duplicate warning would not have seen the other record either.
            "not_a_duplicate": "on",
        },
    ).content.decode()
    assert "Someone with this NHS number is already recorded" in page
    assert Person.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_adding_the_same_person_at_once_make_one_record(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing request at a time (IMMEDIATE transactions)")
    team = TeamFactory()
    workers = [UserFactory(role="practitioner", teams=[team]) for _ in range(2)]
    save_version = services._save_version

    def slowly(*args, **kwargs):
        # Hold the first insert uncommitted while the other request's insert arrives.
        time.sleep(1)
        return save_version(*args, **kwargs)

    monkeypatch.setattr(services, "_save_version", slowly)
    start = threading.Barrier(2)
    pages = []

    def add(worker, name):
        try:
            client = client_for(worker)
            data = {
                "legal_name": name,
                "nhs_number": "943 476 5919",
                "team": str(team.pk),
                "allocated_worker": str(worker.pk),
                once.FIELD: once.new_token(worker.pk),
            }
            start.wait()
            pages.append(client.post("/people/add/", data))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=add, args=(w, n))
        for w, n in zip(workers, ("Margaret Olu", "Maggie Olu"), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert Person.objects.filter(nhs_number="9434765919").count() == 1
    assert sorted(p.status_code for p in pages) == [200, 302]
    refused = next(p for p in pages if p.status_code == 200).content.decode()
    assert "Someone with this NHS number is already recorded" in refused
