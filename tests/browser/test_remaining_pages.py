"""Pages not visited by the longer journeys: each loads, accepts what a person types,
keeps it on an error, and passes axe."""

import re

from playwright.sync_api import expect

from goodlife.directory.models import Service
from goodlife.people.demo import person_id
from goodlife.strengths.models import Aspiration, NetworkMember, Strength


def test_strengths_forms(demo, visit):
    tom = person_id("tom")
    v = visit()
    v.sign_in("practitioner@example.org")

    v.goto(f"/people/{tom}/aspirations/add/")
    v.page.get_by_label("Interests behind it (optional)").fill("stars")
    v.page.get_by_role("button", name="Add aspiration").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter what the person hopes for")
    expect(v.page.get_by_label("Interests behind it (optional)")).to_have_value("stars")
    v.check("aspiration-add-errors")

    aspiration = Aspiration.objects.filter(person_id=tom).first()
    v.goto(f"/people/{tom}/aspirations/{aspiration.pk}/status/")
    v.check("aspiration-status")
    v.page.get_by_label("Achieved").check()
    v.page.get_by_role("button", name="Save").click()
    expect(v.page.get_by_text("Aspiration updated.")).to_be_visible()

    v.goto(f"/people/{tom}/offers/add/")
    v.page.get_by_role("button", name="Add").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter what the person could share")
    v.check("offer-add-errors")

    strength = Strength.objects.filter(person_id=tom).first()
    v.goto(f"/people/{tom}/strengths/{strength.pk}/retire/")
    v.page.get_by_role("button", name="Retire").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter why")
    v.check("retire-errors")

    member = NetworkMember.objects.filter(person_id=tom).first()
    v.goto(f"/people/{tom}/network/{member.pk}/remove/")
    v.check("network-member-remove")
    v.page.get_by_label("Why?").fill("Moved away")
    v.page.get_by_role("button", name="Take off the map").click()
    expect(v.page.get_by_text(re.compile("is no longer on the map"))).to_be_visible()


def test_directory_edit_and_budget_line(demo, visit):
    editor = visit()
    editor.sign_in("directory@example.org")
    service = Service.objects.get(name="Riverside walking group")
    editor.goto(f"/directory/services/{service.pk}/edit/")
    editor.page.get_by_label("Name", exact=True).fill("")
    editor.page.get_by_role("button", name="Save entry").click()
    expect(editor.page.get_by_role("alert")).to_contain_text("Enter the name of the resource")
    expect(editor.page.get_by_label("What happens there")).to_have_value(service.description)
    editor.check("directory-edit-errors")

    priya = visit()
    priya.sign_in("practitioner@example.org")
    tom = person_id("tom")
    priya.goto(f"/people/{tom}/support-plan/")
    priya.page.get_by_role("button", name="Start a new version").click()
    priya.goto(f"/people/{tom}/support-plan/budget/add/")
    priya.page.get_by_label("Amount each week").fill("twenty")
    priya.page.get_by_role("button", name="Add").click()
    expect(priya.page.get_by_role("alert")).to_contain_text("Select where the money comes from")
    expect(priya.page.get_by_label("Amount each week")).to_have_value("twenty")
    priya.check("budget-line-errors")
