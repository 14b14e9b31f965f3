import pytest
from django.test import Client

from goodlife.audit.models import Action, AuditEvent
from goodlife.errors import Conflict
from goodlife.people import services
from goodlife.people.models import Person


def form_of(person, **changes):
    data = {
        "legal_name": person.legal_name,
        "preferred_name": person.preferred_name,
        "pronouns": person.pronouns,
        "date_of_birth_day": person.date_of_birth.day,
        "date_of_birth_month": person.date_of_birth.month,
        "date_of_birth_year": person.date_of_birth.year,
        "nhs_number": person.nhs_number,
        "what_matters": person.what_matters,
        "communication_needs": person.communication_needs,
        "address": person.address,
        "postcode": person.postcode,
        "phone": person.phone,
        "email": person.email,
        "team": str(person.team_id),
        "allocated_worker": str(person.allocated_worker_id or ""),
        "status": person.status,
        "version": person.version,
    }
    data.update(changes)
    return data


def test_it_saves_changes_and_audits_which_fields(as_practitioner, practitioner, tom):
    response = as_practitioner.post(f"/people/{tom.pk}/edit/", form_of(tom, phone="01632 960 999"))
    assert response.status_code == 302
    tom.refresh_from_db()
    assert tom.phone == "01632 960 999"
    assert tom.version == 2
    assert tom.updated_by == practitioner
    event = AuditEvent.objects.get(action=Action.CHANGE)
    assert event.detail["fields"] == ["phone"]
    assert "01632 960 999" not in str(event.detail)


def test_the_edit_form_starts_with_the_saved_values(as_practitioner, tom):
    page = as_practitioner.get(f"/people/{tom.pk}/edit/").content.decode()
    assert 'value="Thomas Baxter"' in page
    assert 'name="version" value="1"' in page


def test_a_second_concurrent_edit_is_refused_and_keeps_what_was_typed(
    as_practitioner, as_manager, tom, manager
):
    # Both open the form at version 1.
    mine = form_of(tom, what_matters="Visiting the space centre in the spring")
    theirs = form_of(tom, phone="01632 960 500")
    assert as_manager.post(f"/people/{tom.pk}/edit/", theirs).status_code == 302

    response = as_practitioner.post(f"/people/{tom.pk}/edit/", mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your changes have not been saved yet" in page
    assert "Grace Whitfield changed this record" in page
    assert "Visiting the space centre in the spring" in page  # typed text kept
    assert "01632 960 500" in page  # their change shown
    tom.refresh_from_db()
    assert tom.phone == "01632 960 500"
    assert tom.what_matters == "I want to be an astronaut."
    assert AuditEvent.objects.filter(action=Action.CONFLICT).count() == 1
    # The form now carries the new version: saving again is a deliberate choice, and it
    # keeps the other person's phone number, which this worker never touched.
    assert 'name="version" value="2"' in page
    assert "Their changes to phone number are already in the form below" in page
    again = form_of(tom, what_matters="Visiting the space centre in the spring")
    assert as_practitioner.post(f"/people/{tom.pk}/edit/", again).status_code == 302
    tom.refresh_from_db()
    assert tom.phone == "01632 960 500"
    assert tom.what_matters == "Visiting the space centre in the spring"


def test_when_both_change_the_same_detail_both_values_are_shown(as_practitioner, as_manager, tom):
    as_manager.post(f"/people/{tom.pk}/edit/", form_of(tom, phone="01632 960 500"))
    page = as_practitioner.post(
        f"/people/{tom.pk}/edit/", form_of(tom, phone="01632 960 600")
    ).content.decode()
    assert "You both changed these" in page
    assert "01632 960 500" in page and 'value="01632 960 600"' in page


def test_the_service_refuses_a_stale_version(tom, practitioner, manager):
    services.update_person(tom, by=manager, expected_version=1, phone="01632 960 500")
    with pytest.raises(Conflict) as caught:
        services.update_person(tom, by=practitioner, expected_version=1, phone="01632 960 600")
    assert caught.value.current.phone == "01632 960 500"
    assert Person.objects.get(pk=tom.pk).version == 2


def test_saving_what_is_already_saved_is_not_a_conflict(tom, practitioner, manager):
    services.update_person(tom, by=manager, expected_version=1, phone="01632 960 500")
    result = services.update_person(tom, by=practitioner, expected_version=1, phone="01632 960 500")
    assert result.version == 2


def test_only_editable_fields_can_be_changed(tom, practitioner):
    with pytest.raises(ValueError, match="Not editable"):
        services.update_person(tom, by=practitioner, expected_version=1, version=9)


def test_a_validation_error_keeps_everything_typed(as_practitioner, tom):
    data = form_of(tom, what_matters="New words about space", postcode="XX")
    page = as_practitioner.post(f"/people/{tom.pk}/edit/", data).content.decode()
    assert "Enter a real UK postcode" in page
    assert "New words about space" in page
    tom.refresh_from_db()
    assert tom.what_matters == "I want to be an astronaut."


def test_if_the_audit_write_fails_the_change_is_not_saved(tom, practitioner, monkeypatch):
    from goodlife.audit import services as audit_services

    def broken(*args, **kwargs):
        raise RuntimeError("audit store unavailable")

    client = Client(raise_request_exception=False)
    client.force_login(practitioner)
    monkeypatch.setattr(audit_services.AuditEvent.objects, "create", broken)
    response = client.post(f"/people/{tom.pk}/edit/", form_of(tom, phone="01632 960 777"))
    assert response.status_code == 500
    tom.refresh_from_db()
    assert tom.phone != "01632 960 777"
