"""Break-glass is for looking and recording, never for taking a record; a person moves
team only when the receiving team's manager accepts."""

import pytest

from goodlife.accounts.models import Role
from goodlife.audit.models import Action, AuditEvent
from goodlife.people.models import BreakGlassAccess, Person, TeamMove
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.people.test_edit import form_of


@pytest.fixture
def river_manager(river):
    return UserFactory(role=Role.TEAM_MANAGER, teams=[river], full_name="Rita Mensah")


def _break_glass(client, person):
    response = client.post(
        f"/people/{person.pk}/break-glass/", {"reason": "Out-of-hours visit, duty desk"}
    )
    assert response.status_code == 302


def test_break_glass_edit_cannot_move_or_reallocate_the_record(
    as_other_practitioner, other_practitioner, river, tom, practitioner, as_practitioner
):
    _break_glass(as_other_practitioner, tom)
    # The reproduction: the edit form posted with the other team and one of its workers.
    data = form_of(
        tom, team=str(river.pk), allocated_worker=str(other_practitioner.pk), status="closed"
    )
    data["phone"] = "01632 960 111"  # a correction they may make
    response = as_other_practitioner.post(f"/people/{tom.pk}/edit/", data)
    assert response.status_code == 302
    tom.refresh_from_db()
    assert tom.team.name == "Northside Community Team"
    assert tom.allocated_worker == practitioner
    assert tom.status == "open"
    assert tom.phone == "01632 960111" or "111" in tom.phone
    # Tom's own team still opens his record without break-glass.
    assert as_practitioner.get(f"/people/{tom.pk}/").status_code == 200


def test_break_glass_edit_form_shows_no_allocation_or_status(as_other_practitioner, tom):
    _break_glass(as_other_practitioner, tom)
    page = as_other_practitioner.get(f"/people/{tom.pk}/edit/").content.decode()
    assert 'name="allocated_worker"' not in page
    assert 'name="status"' not in page
    assert 'name="team"' not in page


def test_the_service_refuses_allocation_through_break_glass(other_practitioner, tom):
    from goodlife.people import services

    with pytest.raises(services.NotAllowed):
        services.update_person(
            tom, by=other_practitioner, expected_version=tom.version, allocated_worker=None
        )
    with pytest.raises(ValueError):
        services.update_person(tom, by=other_practitioner, expected_version=tom.version, team=None)
    tom.refresh_from_db()
    assert tom.allocated_worker is not None


def test_own_team_edit_no_longer_changes_team(as_practitioner, tom, river):
    as_practitioner.post(f"/people/{tom.pk}/edit/", form_of(tom, team=str(river.pk)))
    tom.refresh_from_db()
    assert tom.team.name == "Northside Community Team"


def test_grant_stays_with_the_team_that_held_the_record(
    as_other_practitioner, tom, manager, as_manager, river_manager, river
):
    _break_glass(as_other_practitioner, tom)
    grant = BreakGlassAccess.objects.get()
    assert grant.team == tom.team
    # Tom later moves to Riverside: Northside still reviews the grant made on its watch.
    as_manager.post(f"/people/{tom.pk}/move/", {"to_team": river.pk, "reason": "Moved house"})
    client_for(river_manager).post(
        f"/people/moves/{TeamMove.objects.get().pk}/decide/", {"decision": "accept"}
    )
    tom.refresh_from_db()
    assert tom.team == river
    assert (
        "Out-of-hours visit, duty desk" in as_manager.get("/people/break-glass/").content.decode()
    )
    assert (
        "Out-of-hours visit"
        not in client_for(river_manager).get("/people/break-glass/").content.decode()
    )


def test_a_move_is_asked_by_the_own_manager_and_accepted_by_the_receiving_manager(
    as_manager, manager, river_manager, river, tom, as_practitioner
):
    page = as_manager.get(f"/people/{tom.pk}/move/")
    assert page.status_code == 200
    response = as_manager.post(
        f"/people/{tom.pk}/move/", {"to_team": river.pk, "reason": "Tom has moved to Riverside"}
    )
    assert response.status_code == 302
    move = TeamMove.objects.get()
    tom.refresh_from_db()
    assert tom.team.name == "Northside Community Team"  # nothing moves until accepted
    asked = AuditEvent.objects.filter(person_id=tom.pk, summary__startswith="Asked Riverside")
    assert asked.get().user == manager

    as_river = client_for(river_manager)
    waiting = as_river.get("/people/requests/").content.decode()
    assert "Tom has moved to Riverside" in waiting
    version_before = tom.version
    assert (
        as_river.post(f"/people/moves/{move.pk}/decide/", {"decision": "accept"}).status_code == 302
    )
    tom.refresh_from_db()
    assert tom.team == river
    assert tom.allocated_worker is None
    assert tom.version == version_before + 1
    moved = AuditEvent.objects.get(person_id=tom.pk, summary__startswith="Moved from")
    assert moved.user == river_manager
    # Tom's old team now needs break-glass; his new team opens him.
    assert "break-glass" in as_practitioner.get(f"/people/{tom.pk}/").url
    assert as_river.get(f"/people/{tom.pk}/").status_code == 200


def test_a_second_decision_changes_nothing(as_manager, river_manager, river, tom):
    as_manager.post(f"/people/{tom.pk}/move/", {"to_team": river.pk, "reason": "Moved"})
    move = TeamMove.objects.get()
    as_river = client_for(river_manager)
    as_river.post(f"/people/moves/{move.pk}/decide/", {"decision": "decline", "note": "Full"})
    as_river.post(f"/people/moves/{move.pk}/decide/", {"decision": "accept"})
    move.refresh_from_db()
    tom.refresh_from_db()
    assert move.decision == TeamMove.Decision.DECLINED
    assert tom.team.name == "Northside Community Team"


@pytest.mark.parametrize("who", ["practitioner", "other_practitioner", "river_manager"])
def test_only_the_persons_own_manager_asks_for_a_move(request, who, tom, river):
    client = client_for(request.getfixturevalue(who))
    if who != "practitioner":
        _break_glass(client, tom)
    response = client.post(f"/people/{tom.pk}/move/", {"to_team": river.pk, "reason": "Taking"})
    assert response.status_code == 403
    assert not TeamMove.objects.exists()
    assert AuditEvent.objects.filter(action=Action.ACCESS_REFUSED, person_id=tom.pk).exists()


def test_only_the_receiving_manager_decides(as_manager, manager, river, tom, north):
    as_manager.post(f"/people/{tom.pk}/move/", {"to_team": river.pk, "reason": "Moved"})
    move = TeamMove.objects.get()
    # Tom's own manager cannot accept on the other team's behalf.
    response = as_manager.post(f"/people/moves/{move.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 404
    move.refresh_from_db()
    assert move.decision == TeamMove.Decision.PENDING
    assert Person.objects.get(pk=tom.pk).team == north


def test_move_form_says_what_is_missing_and_keeps_the_reason(as_manager, tom):
    response = as_manager.post(f"/people/{tom.pk}/move/", {"to_team": "", "reason": "Moved"})
    page = response.content.decode()
    assert "Select the team that should take on the record" in page
    assert "Moved</textarea>" in page


def test_writes_of_moves_are_post_only(as_manager, river_manager, river, tom):
    as_manager.post(f"/people/{tom.pk}/move/", {"to_team": river.pk, "reason": "Moved"})
    move = TeamMove.objects.get()
    assert client_for(river_manager).get(f"/people/moves/{move.pk}/decide/").status_code == 405
    assert as_manager.get(f"/people/moves/{move.pk}/withdraw/").status_code == 405
    as_manager.post(f"/people/moves/{move.pk}/withdraw/")
    move.refresh_from_db()
    assert move.decision == TeamMove.Decision.WITHDRAWN


def test_a_decision_note_too_long_says_so_and_decides_nothing(
    as_manager, river_manager, river, tom
):
    as_manager.post(f"/people/{tom.pk}/move/", {"to_team": river.pk, "reason": "Moved"})
    move = TeamMove.objects.get()
    as_river = client_for(river_manager)
    response = as_river.post(
        f"/people/moves/{move.pk}/decide/", {"decision": "accept", "note": "x" * 301}, follow=True
    )
    assert "300 characters or fewer" in response.content.decode()
    move.refresh_from_db()
    assert move.decision == TeamMove.Decision.PENDING
