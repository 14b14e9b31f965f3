import datetime

import pytest
from django.utils import timezone

from goodlife.audit.models import Action, AuditEvent
from goodlife.people.models import BreakGlassAccess
from tests.conftest import client_for
from tests.factories import UserFactory


def test_another_teams_practitioner_is_asked_for_a_reason_and_sees_no_personal_data(
    as_other_practitioner, tom
):
    response = as_other_practitioner.get(f"/people/{tom.pk}/")
    assert response.status_code == 302
    assert response.url.startswith(f"/people/{tom.pk}/break-glass/")
    page = as_other_practitioner.get(response.url).content.decode()
    assert "This record is held by another team" in page
    for personal in ("Tom", "Baxter", "astronaut", "999 000 0018", "9990000018"):
        assert personal not in page
    assert AuditEvent.objects.filter(action=Action.ACCESS_REFUSED, person_id=tom.pk).exists()


def test_edit_pages_are_guarded_too(as_other_practitioner, tom):
    response = as_other_practitioner.post(f"/people/{tom.pk}/edit/", {"legal_name": "Changed"})
    assert response.status_code == 302
    assert "break-glass" in response.url
    tom.refresh_from_db()
    assert tom.legal_name == "Thomas Baxter"


def test_a_reason_is_required(as_other_practitioner, tom):
    page = as_other_practitioner.post(
        f"/people/{tom.pk}/break-glass/", {"reason": " "}
    ).content.decode()
    assert "Enter why you need to open this record" in page
    page = as_other_practitioner.post(
        f"/people/{tom.pk}/break-glass/", {"reason": "cover"}
    ).content.decode()
    assert "at least 10 characters" in page
    assert "cover</textarea>" in page
    assert not BreakGlassAccess.objects.exists()


def test_break_glass_opens_the_record_and_records_the_reason(
    as_other_practitioner, other_practitioner, tom
):
    reason = "Duty worker: Tom's neighbour rang about a fall, his worker is off today"
    response = as_other_practitioner.post(
        f"/people/{tom.pk}/break-glass/", {"reason": reason, "next": f"/people/{tom.pk}/"}
    )
    assert response.status_code == 302
    assert response.url == f"/people/{tom.pk}/"
    page = as_other_practitioner.get(response.url).content.decode()
    assert "Tom" in page and "Break-glass access" in page
    grant = BreakGlassAccess.objects.get()
    assert grant.user == other_practitioner and grant.reason == reason
    event = AuditEvent.objects.get(action=Action.BREAK_GLASS)
    assert event.detail["reason"] == reason
    view = AuditEvent.objects.filter(action=Action.VIEW, person_id=tom.pk).latest("id")
    assert view.user == other_practitioner and view.detail["break_glass"] is True


def test_break_glass_expires(as_other_practitioner, other_practitioner, tom):
    BreakGlassAccess.objects.create(
        person=tom,
        user=other_practitioner,
        reason="Covering for a colleague on leave",
        granted_at=timezone.now() - datetime.timedelta(hours=2),
        expires_at=timezone.now() - datetime.timedelta(hours=1),
    )
    assert as_other_practitioner.get(f"/people/{tom.pk}/").status_code == 302


def test_an_offsite_next_url_is_ignored(as_other_practitioner, tom):
    response = as_other_practitioner.post(
        f"/people/{tom.pk}/break-glass/",
        {"reason": "Covering for a colleague on leave", "next": "https://evil.example/"},
    )
    assert response.url == f"/people/{tom.pk}/"


@pytest.mark.parametrize("role", ["quality_lead", "directory_editor"])
def test_staff_without_a_caseload_need_break_glass(db, tom, role):
    client = client_for(UserFactory(role=role, teams=[tom.team]))
    assert "break-glass" in client.get(f"/people/{tom.pk}/").url


@pytest.mark.parametrize("role", ["administrator", "information_governance"])
def test_administrators_and_governance_never_open_a_record_even_by_break_glass(db, tom, role):
    # An administrator who could open records could give themselves any record.
    client = client_for(UserFactory(role=role, teams=[tom.team]))
    assert client.get(f"/people/{tom.pk}/").status_code == 403
    response = client.post(
        f"/people/{tom.pk}/break-glass/", {"reason": "Checking a complaint about access"}
    )
    assert response.status_code == 403
    assert not BreakGlassAccess.objects.exists()
    refused = AuditEvent.objects.filter(action=Action.ACCESS_REFUSED, person_id=tom.pk)
    assert refused.count() == 2


def test_managers_review_break_glass_for_their_teams(
    as_other_practitioner, as_manager, manager, tom
):
    as_other_practitioner.post(
        f"/people/{tom.pk}/break-glass/", {"reason": "Covering the duty desk this afternoon"}
    )
    page = as_manager.get("/people/break-glass/").content.decode()
    assert "Covering the duty desk this afternoon" in page
    grant = BreakGlassAccess.objects.get()
    as_manager.post(f"/people/break-glass/{grant.pk}/review/", {"review_note": "Appropriate"})
    grant.refresh_from_db()
    assert grant.reviewed_by == manager and grant.review_note == "Appropriate"
    assert "Covering the duty desk" not in as_manager.get("/people/break-glass/").content.decode()
    assert (
        "Covering the duty desk" in as_manager.get("/people/break-glass/?show=all").content.decode()
    )


def test_managers_of_other_teams_cannot_review(as_other_practitioner, river, tom):
    as_other_practitioner.post(
        f"/people/{tom.pk}/break-glass/", {"reason": "Covering the duty desk this afternoon"}
    )
    other_manager = client_for(UserFactory(role="team_manager", teams=[river]))
    assert "Covering" not in other_manager.get("/people/break-glass/").content.decode()
    grant = BreakGlassAccess.objects.get()
    assert other_manager.post(f"/people/break-glass/{grant.pk}/review/").status_code == 404


def test_practitioners_cannot_see_reviews(as_practitioner, db):
    assert as_practitioner.get("/people/break-glass/").status_code == 403
