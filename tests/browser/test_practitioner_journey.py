"""A practitioner signs in, finds Tom, opens his record and edits it, as a person would."""

from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import expect

from goodlife.accounts import enrolment
from goodlife.accounts.models import User
from goodlife.audit.models import Action, AuditEvent
from goodlife.people.demo import person_id
from goodlife.people.models import Person


def test_sign_in_find_tom_open_and_edit(demo, visit):
    v = visit()
    v.goto("/")
    v.check("sign-in")
    v.page.get_by_role("button", name="Sign in").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter your email address")
    v.check("sign-in-errors")

    v.sign_in("practitioner@example.org")
    v.page.get_by_role("link", name="My caseload").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("My caseload")
    v.check("my-caseload")

    v.page.get_by_role("link", name="Find a person").click()
    v.check("search")
    v.page.get_by_label("Name, NHS number or date of birth").fill("Tom")
    v.page.get_by_role("button", name="Search").click()
    expect(v.page.get_by_role("heading", name="1 person found")).to_be_visible()
    v.check("search-results")

    v.page.get_by_role("link", name="Tom").click()
    expect(v.page.get_by_role("heading", level=1)).to_contain_text("Tom")
    expect(v.page.locator(".app-own-words")).to_contain_text("I want to be an astronaut")
    v.check("person-overview")

    v.page.get_by_role("link", name="Edit details").click()
    v.check("person-edit")
    v.page.get_by_label("Postcode").fill("not a postcode")
    v.page.get_by_label("What matters to me").fill(
        "I want to be an astronaut. I'd like to visit the space centre."
    )
    v.page.get_by_role("button", name="Save changes").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter a real UK postcode")
    expect(v.page.get_by_label("What matters to me")).to_have_value(
        "I want to be an astronaut. I'd like to visit the space centre."
    )
    v.check("person-edit-errors")
    v.page.get_by_role("link", name="Enter a real UK postcode").click()
    expect(v.page.get_by_label("Postcode")).to_be_focused()

    v.page.get_by_label("Postcode").fill("eb1 4qt")
    v.page.get_by_role("button", name="Save changes").click()
    expect(v.page.get_by_text("Your changes have been saved.")).to_be_visible()
    expect(v.page.locator(".app-own-words")).to_contain_text("I'd like to visit the space centre.")

    tom = Person.objects.get(pk=person_id("tom"))
    assert "space centre" in tom.what_matters and tom.version == 2
    assert AuditEvent.objects.filter(person_id=tom.pk, action=Action.CHANGE).exists()


def test_add_a_person_with_a_duplicate_warning(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.page.get_by_role("link", name="Add a person", exact=True).click()
    v.check("person-add")
    v.page.get_by_label("Full legal name").fill("Thomas Baxter")
    v.page.get_by_label("Day").fill("2")
    v.page.get_by_label("Month").fill("6")
    v.page.get_by_label("Year").fill("1981")
    v.page.get_by_label("What matters to me").fill("Walking by the river")
    v.page.get_by_role("button", name="Add person").click()
    expect(v.page.get_by_text("This person may already have a record")).to_be_visible()
    expect(v.page.get_by_label("What matters to me")).to_have_value("Walking by the river")
    v.check("person-add-duplicate")
    v.page.get_by_label("I have checked these records: this is a different person").check()
    v.page.get_by_role("button", name="Add person").click()
    expect(v.page.get_by_text("Thomas Baxter has been added.")).to_be_visible()
    assert Person.objects.filter(legal_name="Thomas Baxter").count() == 2


def test_it_works_without_javascript(demo, visit):
    v = visit(javascript=False)
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/edit/")
    v.page.get_by_label("Phone number").fill("01632 960 123")
    v.page.get_by_role("button", name="Save changes").click()
    expect(v.page.get_by_text("01632 960 123")).to_be_visible()


def test_two_people_editing_tom_at_once(demo, visit):
    priya, grace = visit(), visit()
    priya.sign_in("practitioner@example.org")
    grace.sign_in("manager@example.org")
    edit = f"/people/{person_id('tom')}/edit/"
    priya.goto(edit)
    grace.goto(edit)
    grace.page.get_by_label("Phone number").fill("01632 960 500")
    grace.page.get_by_role("button", name="Save changes").click()
    expect(grace.page.get_by_text("Your changes have been saved.")).to_be_visible()

    priya.page.get_by_label("How I like to communicate").fill("Text first, then email.")
    priya.page.get_by_role("button", name="Save changes").click()
    expect(priya.page.get_by_role("alert")).to_contain_text("Your changes have not been saved yet")
    expect(priya.page.get_by_label("How I like to communicate")).to_have_value(
        "Text first, then email."
    )
    priya.check("person-edit-conflict")
    tom = Person.objects.get(pk=person_id("tom"))
    assert tom.phone == "01632 960 500" and "Text first" not in tom.communication_needs

    priya.page.get_by_role("button", name="Save changes").click()
    expect(priya.page.get_by_text("Your changes have been saved.")).to_be_visible()


def test_typed_work_survives_a_timed_out_session(demo, visit):
    from tests.accounts.helpers import time_out_sessions

    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/edit/")
    v.page.get_by_label("What matters to me").fill("Long words typed over lunch about Mars")
    time_out_sessions()  # the session times out while Priya is typing
    v.page.get_by_role("button", name="Save changes").click()

    expect(v.page.get_by_text("What you typed has been kept")).to_be_visible()
    v.check("sign-in-after-expiry")
    v.page.get_by_label("Email address").fill("practitioner@example.org")
    v.page.get_by_label("Password").fill("goodlife-demo")
    v.page.get_by_role("button", name="Sign in").click()

    expect(v.page.get_by_text("You were signed out before this was saved")).to_be_visible()
    expect(v.page.get_by_label("What matters to me")).to_have_value(
        "Long words typed over lunch about Mars"
    )
    v.check("person-edit-restored")
    v.page.get_by_role("button", name="Save changes").click()
    expect(v.page.get_by_text("Long words typed over lunch about Mars")).to_be_visible()


def test_ten_wrong_passwords_pause_sign_in_and_say_until_when(demo, visit):
    v = visit()
    for n in range(10):
        v.goto("/accounts/sign-in/")
        v.page.get_by_label("Email address").fill("practitioner@example.org")
        v.page.get_by_label("Password").fill(f"not-the-password-{n}")
        v.page.get_by_role("button", name="Sign in").click()
    alert = v.page.get_by_role("alert")
    expect(alert).to_contain_text("Sign-in is paused for this email address")
    expect(alert).to_contain_text("try again after")
    expect(v.page.get_by_label("Email address")).to_have_value("practitioner@example.org")
    # Chromium logs any 4xx page as a failed load: here it is the answer expected.
    assert v.errors == [
        "Failed to load resource: the server responded with a status of 429 (Too Many Requests)"
    ]
    v.errors.clear()
    v.check("sign-in-paused")
    # The right password waits too; a colleague signing in from the same place does not.
    v.sign_in("practitioner@example.org")
    expect(v.page.get_by_role("alert")).to_contain_text("Sign-in is paused")
    other = visit()
    other.sign_in("practitioner2@example.org")
    expect(other.page.get_by_role("link", name="My caseload")).to_be_visible()


def test_two_factor_sign_in_set_up_then_a_code(demo, visit, settings):
    settings.GOODLIFE_TWO_FACTOR = True
    worker = User.objects.get(email="practitioner@example.org")
    set_up_code, _ = enrolment.issue(worker, by=None)  # the administrator's part: see
    v = visit()  # tests/browser/test_two_factor_enrolment_journey.py
    v.sign_in("practitioner@example.org")
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Enter your set-up code")
    v.page.get_by_label("Set-up code").fill(set_up_code)
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    expect(v.page.get_by_role("link", name="My caseload")).to_have_count(0)
    v.check("two-factor-set-up")
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("alert")).to_contain_text(
        "Enter the code from your authenticator app"
    )
    v.check("two-factor-set-up-errors")
    # The key as a person would type it into their app, from the page.
    key = b32decode(v.page.locator("#key").inner_text().replace(" ", ""))
    v.page.get_by_label("Code").fill(f"{TOTP(key).token():06d}")
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in is set up")
    expect(v.page.locator(".app-backup-codes li")).to_have_count(10)
    backup = v.page.locator(".app-backup-codes code").first.inner_text()
    v.check("two-factor-backup-codes")
    v.page.get_by_role("link", name="Continue to Goodlife").click()
    expect(v.page.get_by_role("link", name="My caseload")).to_be_visible()

    # Next time: the password, then a code (here a backup code: the phone is at home).
    v.page.get_by_role("button", name="Sign out").click()
    v.sign_in("practitioner@example.org")
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Enter your sign-in code")
    v.page.get_by_label("Code").fill("999999")
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("alert")).to_contain_text("That code is not right")
    v.check("two-factor-code-errors")
    v.page.wait_for_timeout(1100)  # wrong codes slow down: one second after the first
    v.page.get_by_label("Code").fill(backup)
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("link", name="My caseload")).to_be_visible()
