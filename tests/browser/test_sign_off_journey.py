"""A plan's last mile in the browser: sent for sign-off, returned with a reason, changed by
editing, sent again and signed off with a comment, agreed, and reviewed with a "Change"
that carries into version 2 with its funding; what is typed in the plan's boxes survives
every other button; "then" is the WELL12 the plan was agreed with."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from goodlife.planning import services


@pytest.fixture
def margaret(demo):
    from goodlife.accounts.models import User
    from goodlife.strengths import services as strengths
    from tests.factories import PersonFactory, Well12ResponseFactory

    priya = User.objects.get(email="practitioner@example.org")
    person = PersonFactory(
        legal_name="Margaret Lee",
        preferred_name="Margaret",
        team=priya.teams.first(),
        allocated_worker=priya,
    )
    aspiration = strengths.add_aspiration(
        person, by=priya, text="I want to keep my garden going", term="long"
    )
    services.add_outcome(
        person,
        by=priya,
        aspiration=aspiration,
        text="Margaret gets out into her garden most mornings",
        how_we_will_know="Margaret tells us at the review",
    )
    Well12ResponseFactory(
        person=person, by=priya, completed_on=timezone.localdate(), answers=(2,) * 11 + (1,)
    )
    return person


def fill_date(page, name, day):
    page.locator(f"input[name={name}_day]").fill(str(day.day))
    page.locator(f"input[name={name}_month]").fill(str(day.month))
    page.locator(f"input[name={name}_year]").fill(str(day.year))


def test_sent_returned_edited_signed_off_agreed_and_reviewed(margaret, visit):
    from tests.factories import Well12ResponseFactory

    today = timezone.localdate()
    plan_url = f"/people/{margaret.pk}/support-plan/"
    priya = visit()
    page = priya.page
    priya.sign_in("practitioner@example.org")
    priya.goto(f"/people/{margaret.pk}/")
    page.get_by_role("link", name="Support plan", exact=True).click()
    page.get_by_role("button", name="Start a support plan").click()

    # Typed in the plan's boxes, then another button: the words are still there.
    page.get_by_label("Contingency plan").fill("If the carer cannot come, ring her daughter Sue")
    page.get_by_role("button", name="Add to the plan").click()
    page.get_by_label("What is the support?").fill("Home care, 7 hours a week")
    page.get_by_label("Long-term council support").check()
    page.get_by_label("Margaret gets out into her garden most mornings").check()
    fill_date(page, "starts_on", today)
    page.get_by_label("If it has no end date, why? (optional)").fill("Reviewed every 3 months")
    page.get_by_label("Weekly cost, for council-funded support (optional)").fill("£180.50")
    priya.check("plan-item-money")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_label("Contingency plan")).to_have_value(
        "If the carer cannot come, ring her daughter Sue"
    )
    page.get_by_label("How the worker will step back").fill("Priya steps back once it settles")
    page.get_by_role("button", name="Add a source of funding").click()
    page.get_by_label("The council").check()
    page.get_by_label("Amount each week").fill("£45")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Added to the personal budget.")).to_be_visible()
    expect(page.get_by_label("How the worker will step back")).to_have_value(
        "Priya steps back once it settles"
    )
    page.get_by_role("button", name="Add a source of funding").click()
    page.get_by_label("The person's own contribution").check()
    page.get_by_label("Amount each week").fill("135.50")
    page.get_by_role("button", name="Add", exact=True).click()
    priya.check("plan-draft-with-budget")
    priya.check_reflow("plan-draft-with-budget")

    page.get_by_label("Contingency plan").fill("Ring Sue, then the duty desk")
    page.get_by_role("button", name="Send for sign-off").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send for a manager's sign-off")
    expect(page.locator("#sign-off-items")).to_contain_text("£180.50")
    priya.check("send-for-sign-off")
    page.get_by_label("A note for your manager (optional)").fill("Margaret wants mornings")
    page.get_by_role("button", name="Send for sign-off").click()
    expect(page.locator("#sign-off-status")).to_contain_text("Waiting for a manager's sign-off")
    expect(page.get_by_label("Contingency plan")).to_have_value("Ring Sue, then the duty desk")

    # The manager finds it on My work, with the count in the menu, and returns it.
    grace = visit()
    gpage = grace.page
    grace.sign_in("manager@example.org")
    gpage.get_by_role("link", name=re.compile(r"^My work 1")).click()
    waiting = gpage.locator("#waiting-for-sign-off")
    expect(waiting).to_contain_text("Home care, 7 hours a week")
    expect(waiting).to_contain_text("£180.50")
    expect(waiting).to_contain_text("Priya Shah")
    grace.check("my-work-waiting-for-sign-off")
    grace.check_reflow("my-work-waiting-for-sign-off")
    waiting.get_by_role("link", name=re.compile("Margaret")).click()
    expect(gpage.get_by_text("Margaret wants mornings")).to_be_visible()
    gpage.get_by_label("Return it to the practitioner").check()
    gpage.get_by_role("button", name="Save decision").click()
    expect(gpage.get_by_role("alert")).to_contain_text("Say why you are returning it")
    grace.check("decide-sign-off-errors")
    grace.check_reflow("decide-sign-off-errors")
    gpage.get_by_label("Your comment").fill("Could Sue do Sundays? Fewer hours, please.")
    gpage.get_by_role("button", name="Save decision").click()
    expect(gpage.get_by_text("returned with your reason")).to_be_visible()

    # The practitioner sees why, and changes the item's cost by editing it.
    priya.goto("/my-work/")
    expect(page.locator("#sign-off-answers")).to_contain_text("Fewer hours, please.")
    priya.check("my-work-returned")
    page.get_by_role("link", name="support plan 1").click()
    expect(page.locator("#sign-off-status")).to_contain_text("Could Sue do Sundays?")
    page.get_by_role("button", name=re.compile(r"^Change\W+Home care")).click()
    expect(page.get_by_label("Weekly cost, for council-funded support (optional)")).to_have_value(
        "180.50"
    )
    page.get_by_label("What is the support?").fill("Home care, 6 hours a week")
    page.get_by_label("Weekly cost, for council-funded support (optional)").fill("£150")
    priya.check("edit-plan-item")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="Home care, 6 hours a week")).to_be_visible()
    expect(page.get_by_role("heading", name="Home care, 7 hours a week")).to_have_count(0)
    page.get_by_role("button", name=re.compile(r"^Change\W+The person's own")).click()
    page.get_by_label("Amount each week").fill("105")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("does not add up")).to_have_count(0)
    page.get_by_role("button", name="Send for sign-off").click()
    page.get_by_label("A note for your manager (optional)").fill("Sue does Sundays now")
    page.get_by_role("button", name="Send for sign-off").click()

    grace.goto("/my-work/")
    gpage.locator("#waiting-for-sign-off").get_by_role("link", name=re.compile("Margaret")).click()
    expect(gpage.locator("#sign-off-items")).to_contain_text("£150.00")
    gpage.get_by_label("Sign it off").check()
    gpage.get_by_label("Your comment").fill("Signed off: thank Sue for Sundays.")
    grace.check("decide-sign-off")
    gpage.get_by_role("button", name="Save decision").click()
    expect(gpage.get_by_text("Support plan 1 for Margaret signed off.")).to_be_visible()

    priya.goto(plan_url)
    expect(page.get_by_text("Signed off: thank Sue for Sundays.").first).to_be_visible()
    page.get_by_role("button", name="Record that the person agreed it").click()
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Record agreement").click()
    expect(page.get_by_text("Support plan 1 agreed.")).to_be_visible()
    priya.goto(f"/people/{margaret.pk}/")
    expect(page.locator("#plan-status")).to_have_text("Agreed")

    # A later WELL12 the same day: the review's "then" is still the one agreed with.
    Well12ResponseFactory(
        person=margaret, by=margaret.allocated_worker, completed_on=today, answers=(3,) * 12
    )
    priya.goto(plan_url)
    page.get_by_role("link", name="Review this plan").click()
    then = page.locator("#then-and-now")
    expect(then).to_contain_text("23 (")
    expect(then).to_contain_text("36 (")
    care = page.get_by_role("group", name="Home care, 6 hours a week")
    care.get_by_label("Change").check()
    page.get_by_label("Why? (needed to change or stop it)").fill("She manages breakfast herself")
    page.get_by_label("If it changes: weekly cost from now on").fill("£120")
    page.get_by_label("If it changes: the support from now on").fill("Home care, 5 hours a week")
    page.get_by_label("Working towards it").check()
    priya.check("review-with-change")
    priya.check_reflow("review-with-change")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("Support plan 2 has been started with the changes")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Support plan 2")
    expect(page.get_by_role("heading", name="Home care, 5 hours a week")).to_be_visible()
    expect(page.locator("#budget")).to_be_visible()
    expect(page.get_by_text("£45.00", exact=True)).to_be_visible()  # funding carried over
    expect(page.get_by_text("support costs £120.00 a week")).to_be_visible()
    priya.check("plan-version-2")


def test_what_is_typed_survives_every_button_without_javascript(margaret, visit):
    from goodlife.accounts.models import User

    priya_user = User.objects.get(email="practitioner@example.org")
    plan = services.start_plan(margaret, by=priya_user)
    outcome = margaret.outcomes.get()
    item = services.add_item(
        plan, by=priya_user, description="Garden club", tier="community", outcomes=[outcome]
    )
    v = visit(javascript=False)
    v.sign_in("practitioner@example.org")
    url = f"/people/{margaret.pk}/support-plan/"
    buttons = (
        "Add to the plan",
        "Record that the person agreed it",
        re.compile(r"^Change\W+Garden club"),
        re.compile(r"^Take out\W+Garden club"),
        re.compile(r"^Why it is there\W+Garden club"),
        re.compile("own plan, in plain English"),
    )
    for n, name in enumerate(buttons):
        v.goto(url)
        words = f"Ring Sue ({n})"
        v.page.get_by_label("Contingency plan").fill(words)
        v.page.get_by_role("button", name=name).click()
        v.goto(url)
        expect(v.page.get_by_label("Contingency plan")).to_have_value(words)
    # Taking out asks first, then can be undone.
    v.page.get_by_role("button", name=re.compile(r"^Take out\W+Garden club")).click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Take this out of the plan?")
    v.page.get_by_role("button", name="Take it out").click()
    expect(v.page.get_by_role("heading", name="Garden club")).to_have_count(0)
    v.page.get_by_role("button", name=re.compile(r"^Put back\W+Garden club")).click()
    expect(v.page.get_by_role("heading", name="Garden club")).to_be_visible()
    assert plan.items.get() == item
    # The pages again with scripts, for the accessibility checks (axe runs as a script).
    js = visit()
    js.sign_in("practitioner@example.org")
    js.goto(url)
    js.page.get_by_role("button", name=re.compile(r"^Take out\W+Garden club")).click()
    js.check("take-out-confirm")
    js.check_reflow("take-out-confirm")
