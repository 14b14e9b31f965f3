"""Privileged acts need two people, and the trail is read by information governance:
an administrator asks for a new worker to join Northside, Northside's manager accepts;
Northside's manager asks Riverside to take on Nancy and Riverside's manager accepts; the
information governance officer reads all of it in the audit trail."""

from playwright.sync_api import expect

from goodlife.accounts.models import MembershipRequest, Role, Team, User
from goodlife.audit.models import Action, AuditEvent
from goodlife.people.demo import person_id
from goodlife.people.models import Person
from tests.factories import UserFactory


def test_joining_a_team_and_moving_a_record_take_two_people(demo, visit):
    northside = Team.objects.get(name="Northside Community Team")
    newcomer = UserFactory(role=Role.PRACTITIONER, full_name="Jo Newcomer", email="jo@example.org")
    MembershipRequest.objects.create(
        user=newcomer,
        team=northside,
        requested_by=User.objects.get(email="admin@example.org"),
        note="Starts on Monday",
    )
    riverside = Team.objects.get(name="Riverside Community Team")
    rita = UserFactory(role=Role.TEAM_MANAGER, full_name="Rita Mensah", email="rita@example.org")
    rita.teams.add(riverside)
    nancy = person_id("nancy")

    grace = visit()
    grace.sign_in("manager@example.org")
    grace.page.get_by_role("link", name="Team requests").click()
    expect(grace.page.get_by_role("heading", name="Jo Newcomer to join Northside")).to_be_visible()
    grace.check("team-requests")
    grace.check_reflow("team-requests")
    grace.page.get_by_role("button", name="Accept").click()
    expect(
        grace.page.get_by_text("Jo Newcomer has joined Northside Community Team")
    ).to_be_visible()
    assert northside in newcomer.teams.all()

    grace.goto(f"/people/{nancy}/")
    grace.page.get_by_role("link", name="Move to another team").click()
    grace.page.get_by_role("button", name="Ask them to take on the record").click()
    expect(grace.page.get_by_role("alert")).to_contain_text(
        "Select the team that should take on the record"
    )
    grace.check("move-errors")
    grace.page.get_by_label("Which team should take on the record?").select_option(
        label="Riverside Community Team"
    )
    grace.page.get_by_label("Why should they take it on?").fill(
        "Nancy has moved to her daughter's near the river"
    )
    grace.page.get_by_role("button", name="Ask them to take on the record").click()
    expect(grace.page.get_by_text("It stays with your team until they accept")).to_be_visible()
    grace.page.get_by_role("link", name="Move to another team").click()
    expect(grace.page.get_by_role("button", name="Withdraw the request")).to_be_visible()
    grace.check("move-waiting")
    grace.check_reflow("move-waiting")

    rita_visit = visit()
    rita_visit.sign_in("rita@example.org", password="correct horse battery")
    rita_visit.page.get_by_role("link", name="Team requests").click()
    expect(rita_visit.page.get_by_text("Nancy has moved to her daughter's")).to_be_visible()
    rita_visit.page.get_by_role("button", name="Accept").click()
    expect(rita_visit.page.get_by_text("is now with Riverside Community Team")).to_be_visible()
    assert Person.objects.get(pk=nancy).team == riverside

    hannah = visit()
    hannah.sign_in("governance@example.org")
    expect(hannah.page.get_by_role("heading", name="Audit trail")).to_be_visible()
    hannah.page.get_by_text("Filter the trail").click()
    hannah.page.get_by_label("Person's record id").fill("not an id")
    hannah.page.get_by_role("button", name="Show events").click()
    expect(hannah.page.get_by_role("alert")).to_contain_text("Enter a record id like")
    hannah.check("audit-trail-errors")
    hannah.page.get_by_label("Person's record id").fill(str(nancy))
    hannah.page.get_by_role("button", name="Show events").click()
    expect(
        hannah.page.get_by_text("Moved from Northside Community Team to Riverside").first
    ).to_be_visible()
    hannah.check("audit-trail")
    hannah.check_reflow("audit-trail")
    assert (
        AuditEvent.objects.filter(
            action=Action.AUDIT_READ, user__email="governance@example.org"
        ).count()
        >= 2
    )
