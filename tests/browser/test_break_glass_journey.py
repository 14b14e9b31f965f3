"""Another team's practitioner opens Tom only through break-glass; his manager sees it."""

from playwright.sync_api import expect

from goodlife.audit.models import Action, AuditEvent
from goodlife.people.demo import person_id


def test_break_glass_and_the_managers_view(demo, visit):
    tom = person_id("tom")
    daniel = visit()
    daniel.sign_in("practitioner2@example.org")
    daniel.page.get_by_role("link", name="Find a person").click()
    daniel.page.get_by_label("Name, NHS number or date of birth").fill("Tom")
    daniel.page.get_by_role("button", name="Search").click()
    expect(daniel.page.get_by_role("heading", name="0 people found")).to_be_visible()
    expect(daniel.page.get_by_text("Baxter")).to_have_count(0)
    daniel.check("search-restricted")

    daniel.goto(f"/people/{tom}/")
    expect(daniel.page.get_by_role("heading", level=1)).to_have_text(
        "This record is held by another team"
    )
    expect(daniel.page.get_by_text("Tom")).to_have_count(0)
    daniel.check("break-glass")
    daniel.page.get_by_role("button", name="Open the record").click()
    expect(daniel.page.get_by_role("alert")).to_contain_text(
        "Enter why you need to open this record"
    )
    daniel.check("break-glass-errors")
    daniel.page.get_by_label("Why do you need to open this record?").fill(
        "Duty desk: Tom's neighbour phoned, his worker is on leave"
    )
    daniel.page.get_by_role("button", name="Open the record").click()
    expect(daniel.page.get_by_role("heading", level=1)).to_contain_text("Tom")
    expect(daniel.page.get_by_text("You are not in this person's team")).to_be_visible()
    daniel.check("person-overview-break-glass")

    reason = AuditEvent.objects.get(action=Action.BREAK_GLASS, person_id=tom)
    assert "neighbour phoned" in reason.detail["reason"]

    grace = visit()
    grace.sign_in("manager@example.org")
    grace.page.get_by_role("link", name="Break-glass reviews").click()
    expect(grace.page.get_by_text("Duty desk: Tom's neighbour phoned")).to_be_visible()
    grace.check("break-glass-reviews")
    grace.page.get_by_role("button", name="Mark as reviewed").click()
    expect(grace.page.get_by_text("marked as reviewed")).to_be_visible()

    grace.goto(f"/people/{tom}/")
    grace.check("person-overview-manager")
    grace.page.get_by_role("link", name="See everyone who has looked at this record").click()
    expect(grace.page.get_by_role("cell", name="practitioner2@example.org").first).to_be_visible()
    grace.check("who-has-looked")

    grace.page.get_by_role("link", name="Team", exact=True).click()
    expect(grace.page.get_by_role("link", name="Nancy Quinn")).to_be_visible()
    grace.check("team")


def test_a_provider_sees_no_records(demo, visit):
    v = visit()
    v.sign_in("provider@example.org")
    expect(v.page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    v.check("home-provider")
    v.goto(f"/people/{person_id('tom')}/")
    expect(v.page.get_by_role("heading", level=1)).to_have_text(
        "You do not have access to this page"
    )
    expect(v.page.get_by_text("Tom")).to_have_count(0)
    v.errors.remove(
        "Failed to load resource: the server responded with a status of 403 (Forbidden)"
    )
    v.check("refused")


def test_a_quality_lead_reads_by_break_glass_and_is_offered_no_changes(demo, visit):
    from goodlife.accounts.models import User
    from goodlife.people.models import Person
    from goodlife.planning import services as planning

    tom = person_id("tom")
    sam = visit()
    sam.sign_in("quality@example.org")
    sam.goto(f"/people/{tom}/")
    sam.page.get_by_label("Why do you need to open this record?").fill(
        "Audit of strengths-based practice in Northside"
    )
    sam.page.get_by_role("button", name="Open the record").click()
    expect(sam.page.get_by_role("heading", level=1)).to_contain_text("Tom")
    expect(sam.page.get_by_text("Your role does not change person records")).to_be_visible()
    main = sam.page.locator("main")
    for name in ("Edit details", "Record a conversation", "Record a new contact"):
        expect(main.get_by_role("link", name=name)).to_have_count(0)
    expect(main.get_by_role("link", name="Record a WELL12")).to_have_count(0)
    expect(main.get_by_role("link", name="See the whole timeline")).to_be_visible()
    sam.check("person-overview-read-only")
    sam.check_reflow("person-overview-read-only")

    sam.goto(f"/people/{tom}/support-plan/")
    expect(sam.page.get_by_text("Council support stopped", exact=True)).to_be_visible()
    for name in ("Review this plan", "Start a new version"):
        expect(main.get_by_role("link", name=name)).to_have_count(0)
        expect(main.get_by_role("button", name=name)).to_have_count(0)
    sam.check("support-plan-read-only")
    sam.check_reflow("support-plan-read-only")

    # A draft, read: its texts are shown, not offered to edit, and nothing can be added.
    priya = User.objects.get(email="practitioner@example.org")
    planning.start_plan(Person.objects.get(pk=tom), by=priya)
    sam.goto(f"/people/{tom}/support-plan/")
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("Support plan 2")
    expect(main.get_by_text("Contingency plan")).to_be_visible()
    expect(main.get_by_role("textbox")).to_have_count(0)
    expect(main.get_by_role("button")).to_have_count(0)
    for name in ("Add to the plan", "Add a source of funding", "Record that the person agreed it"):
        expect(main.get_by_role("link", name=name)).to_have_count(0)
    sam.check("support-plan-draft-read-only")
    sam.check_reflow("support-plan-draft-read-only")
