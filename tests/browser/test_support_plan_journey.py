"""Support plans in the browser: a first plan (least intrusive first, council support signed
off), Tom's demo story traced back, and a new version reviewed with council support stopped."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from goodlife.people.demo import person_id
from goodlife.people.models import Person
from goodlife.planning import services


def test_support_plan_from_start_to_agreement(demo, visit):
    from goodlife.accounts.models import User

    # Mohammed has no plan in the demo (Tom's and Nancy's are agreed).
    mohammed = person_id("mohammed")
    priya_user = User.objects.get(email="practitioner@example.org")
    services.add_outcome(
        Person.objects.get(pk=mohammed),
        by=priya_user,
        text="Mohammed cooks Sunday lunch for his grandchildren",
        how_we_will_know="Rafiq tells us",
        by_when=timezone.localdate() + datetime.timedelta(days=60),
    )

    priya = visit()
    priya.sign_in("practitioner@example.org")
    priya.goto(f"/people/{mohammed}/support-plan/")
    priya.check("support-plan-empty")
    priya.page.get_by_role("button", name="Start a support plan").click()
    priya.page.get_by_role("button", name="Add to the plan").click()
    expect(priya.page.get_by_role("link", name="Back", exact=True)).to_have_attribute(
        "href", f"/people/{mohammed}/support-plan/"
    )
    priya.page.get_by_role("button", name="Add", exact=True).click()
    expect(priya.page.get_by_role("alert")).to_contain_text("Enter what the support is")
    priya.check("plan-item-errors")
    priya.page.get_by_label("What is the support?").fill("Travel training for four weeks")
    priya.page.get_by_label("Short-term council support").check()
    priya.page.get_by_label("Mohammed cooks Sunday lunch for his grandchildren").check()
    priya.page.get_by_role("button", name="Add", exact=True).click()
    expect(priya.page.get_by_text("needs a manager's sign-off")).to_be_visible()
    priya.page.get_by_label("Contingency plan").fill("Call Jane, then the duty desk")
    priya.page.get_by_label("How the worker will step back").fill("After the second meeting")
    priya.page.get_by_role("button", name="Save", exact=True).click()
    priya.check("support-plan-draft")
    priya.page.get_by_role("button", name="Record that the person agreed it").click()
    expect(priya.page.get_by_text("The plan is not ready to agree yet.")).to_be_visible()
    priya.check("support-plan-not-ready")


def fill_date(page, name, day):
    page.locator(f"input[name={name}_day]").fill(str(day.day))
    page.locator(f"input[name={name}_month]").fill(str(day.month))
    page.locator(f"input[name={name}_year]").fill(str(day.year))


def test_the_demo_story_traces_back_and_counts_success(demo, visit):
    tom = person_id("tom")
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{tom}/support-plan/")
    expect(v.page.get_by_text("Council support stopped", exact=True)).to_be_visible()
    v.check("support-plan-reviewed")
    v.page.get_by_role("link", name=re.compile(r"Why it is there\W+Travel training")).click()
    expect(v.page.get_by_text("which is for the aspiration")).to_be_visible()
    expect(
        v.page.get_by_text("I'd like to meet people who are into space like me.")
    ).to_be_visible()
    v.check("plan-item-thread")
    v.page.get_by_role("link", name="Reviews").click()
    expect(v.page.locator("#reviews-stopping")).to_have_text("1")
    v.check("plan-reviews-team")


def test_a_new_version_with_council_support_reviewed_and_stopped(demo, visit):
    tom = person_id("tom")
    today = timezone.localdate()
    priya = visit()
    priya.sign_in("practitioner@example.org")
    priya.goto(f"/people/{tom}/support-plan/")
    priya.page.get_by_role("button", name="Start a new version").click()
    expect(priya.page.get_by_role("heading", level=1)).to_have_text("Support plan 2")
    # What the review stopped stays stopped; what continues comes across.
    expect(
        priya.page.get_by_role("heading", name="Eastbrook Astronomical Society, Tuesday evenings")
    ).to_be_visible()
    expect(priya.page.get_by_role("heading", name=re.compile("Travel training"))).to_have_count(0)

    priya.page.get_by_role("button", name="Add to the plan").click()
    priya.page.get_by_label("What is the support?").fill("Support to find a volunteering role")
    priya.page.get_by_label("Short-term council support").check()
    priya.page.get_by_label(re.compile("Tom goes to the Eastbrook Astronomical Society")).check()
    fill_date(priya.page, "starts_on", today)
    fill_date(priya.page, "ends_on", today - datetime.timedelta(days=1))
    priya.page.get_by_label("Weekly cost, for council-funded support (optional)").fill("75")
    priya.page.get_by_role("button", name="Add", exact=True).click()
    expect(priya.page.get_by_role("alert")).to_be_visible()
    priya.check("plan-item-date-errors")
    fill_date(priya.page, "ends_on", today + datetime.timedelta(days=42))
    priya.page.get_by_role("button", name="Add", exact=True).click()
    expect(priya.page.get_by_text("Added to the plan.")).to_be_visible()
    priya.page.get_by_role("button", name="Send for sign-off").click()
    priya.page.get_by_role("button", name="Send for sign-off").click()

    grace = visit()
    grace.sign_in("manager@example.org")
    grace.goto("/my-work/")
    grace.page.locator("#waiting-for-sign-off").get_by_role("link", name=re.compile("Tom")).click()
    grace.page.get_by_label("Sign it off").check()
    grace.page.get_by_role("button", name="Save decision").click()
    expect(grace.page.get_by_text("Support plan 2 for Tom signed off.")).to_be_visible()

    priya.goto(f"/people/{tom}/support-plan/")
    priya.page.get_by_role("button", name="Add a source of funding").click()
    priya.page.get_by_label("The council").check()
    priya.page.get_by_label("Amount each week").fill("£75")
    priya.page.get_by_role("button", name="Add", exact=True).click()
    # The council's share carried from version 1 (£96, for what the review stopped) goes.
    priya.page.get_by_role("button", name=re.compile(r"Take out\W+The council")).first.click()
    priya.page.get_by_role("button", name="Take it out").click()
    expect(priya.page.get_by_text("does not add up")).to_have_count(0)
    priya.page.get_by_role("button", name="Record that the person agreed it").click()
    priya.page.get_by_label("In person").check()
    priya.check("agree")
    priya.page.get_by_role("button", name="Record agreement").click()
    expect(priya.page.get_by_text("Support plan 2 agreed.")).to_be_visible()
    expect(priya.page.locator("#review-due")).to_contain_text("Next review by")

    priya.page.get_by_role("link", name="Review this plan").click()
    expect(priya.page.locator("#then-and-now")).to_contain_text("When the plan was agreed")
    priya.check("review")
    group = priya.page.get_by_role("group", name="Support to find a volunteering role")
    group.get_by_label("Stop: no longer needed").check()
    priya.page.get_by_role("button", name="Save review").click()
    expect(priya.page.get_by_role("alert")).to_contain_text(
        "Say why “Support to find a volunteering role” changes or stops"
    )
    priya.check("review-errors")
    priya.page.locator("textarea.govuk-textarea--error").fill("Tom volunteers at the open night")
    priya.page.get_by_role("button", name="Save review").click()
    expect(priya.page.get_by_text("that is the success this work aims for")).to_be_visible()
    expect(priya.page.get_by_text("Tom volunteers at the open night")).to_be_visible()


def test_the_persons_own_plan_prints(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/my-plan/")
    expect(v.page.get_by_role("heading", level=1)).to_have_text("My plan: Tom")
    v.check("my-plan")
    v.page.emulate_media(media="print")
    expect(v.page.locator(".govuk-service-navigation")).to_be_hidden()


def test_a_team_with_many_reviews_due_pages_through_them(demo, visit):
    from goodlife.accounts.models import User
    from goodlife.planning.models import PlanStatus, SupportPlan
    from goodlife.planning.queries import REVIEWS_PER_PAGE
    from tests.factories import PersonFactory

    priya_user = User.objects.get(email="practitioner@example.org")
    team = priya_user.teams.first()
    today = timezone.localdate()
    for n in range(REVIEWS_PER_PAGE + 5):
        SupportPlan.objects.create(
            person=PersonFactory(team=team, allocated_worker=priya_user),
            status=PlanStatus.AGREED,
            agreed_on=today,
            review_by=today - datetime.timedelta(days=1 + n),
            created_by=priya_user,
        )
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto("/plans/team/")
    due = v.page.locator("#reviews-due")
    expect(due).to_contain_text(f"Showing 1 to {REVIEWS_PER_PAGE}, earliest first.")
    total = int(re.match(r"\d+", due.inner_text()).group(0))
    assert total >= REVIEWS_PER_PAGE + 5
    v.page.get_by_role("link", name="Next page").click()
    expect(due).to_contain_text(f"Showing {REVIEWS_PER_PAGE + 1} to {total}")
    v.check("plan-reviews-team-page-2")
