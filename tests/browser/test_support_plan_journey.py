"""A first support plan for Tom: least intrusive support first, council support signed off."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from goodlife.people.demo import person_id
from goodlife.planning import services
from goodlife.strengths.models import Aspiration


def test_support_plan_from_start_to_agreement(demo, visit):
    from goodlife.accounts.models import User

    tom = person_id("tom")
    priya_user = User.objects.get(email="practitioner@example.org")
    aspiration = Aspiration.objects.filter(person_id=tom).first()
    services.add_outcome(
        aspiration.person,
        by=priya_user,
        aspiration=aspiration,
        text="Tom goes to the astronomy society twice a month",
        how_we_will_know="Tom tells us",
        by_when=timezone.localdate() + datetime.timedelta(days=60),
    )

    priya = visit()
    priya.sign_in("practitioner@example.org")
    priya.goto(f"/people/{tom}/support-plan/")
    priya.check("support-plan-empty")
    priya.page.get_by_role("button", name="Start a support plan").click()
    priya.page.get_by_role("link", name="Add to the plan").click()
    priya.page.get_by_role("button", name="Add").click()
    expect(priya.page.get_by_role("alert")).to_contain_text("Enter what the support is")
    priya.check("plan-item-errors")
    priya.page.get_by_label("What is the support?").fill("Travel training for four weeks")
    priya.page.get_by_label("Short-term council support").check()
    priya.page.get_by_label("Tom goes to the astronomy society twice a month").check()
    priya.page.get_by_role("button", name="Add").click()
    expect(priya.page.get_by_text("needs a manager's sign-off")).to_be_visible()
    priya.page.get_by_label("Contingency plan").fill("Call Jane, then the duty desk")
    priya.page.get_by_label("How the worker will step back").fill("After the second meeting")
    priya.page.get_by_role("button", name="Save").click()
    priya.check("support-plan-draft")
    priya.page.get_by_role("link", name="Record that the person agreed it").click()
    expect(priya.page.get_by_text("The plan is not ready to agree yet.")).to_be_visible()
    priya.check("support-plan-not-ready")

    grace = visit()
    grace.sign_in("manager@example.org")
    grace.goto(f"/people/{tom}/support-plan/")
    expect(grace.page.get_by_text("needs a start date")).to_be_visible()
    grace.page.get_by_role("button", name=re.compile("Sign off")).click()
    expect(grace.page.get_by_text("Signed off.")).to_be_visible()


def test_reviewing_an_agreed_plan_and_stopping_council_support(demo, visit):
    from goodlife.accounts.models import User

    tom = person_id("tom")
    priya_user = User.objects.get(email="practitioner@example.org")
    grace_user = User.objects.get(email="manager@example.org")
    aspiration = Aspiration.objects.filter(person_id=tom).first()
    today = timezone.localdate()
    outcome = services.add_outcome(
        aspiration.person,
        by=priya_user,
        aspiration=aspiration,
        text="Tom travels to the society on his own",
        how_we_will_know="He tells us",
        by_when=today + datetime.timedelta(days=30),
    )
    plan = services.start_plan(aspiration.person, by=priya_user)
    paid = services.add_item(
        plan,
        by=priya_user,
        description="Travel training",
        tier="short_term",
        outcomes=[outcome],
        starts_on=today,
        ends_on=today + datetime.timedelta(days=28),
        weekly_cost=80,
    )
    services.sign_off(paid, by=grace_user)
    services.add_budget_line(plan, by=priya_user, source="council", weekly_amount=80)
    services.save_plan_texts(
        plan,
        by=priya_user,
        expected_version=1,
        contingency="Call Jane",
        disengagement="Step back after four weeks",
    )
    services.agree_plan(plan, by=priya_user, agreed_on=today, agreed_how="in_person")

    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{tom}/support-plan/")
    v.check("support-plan-agreed")
    v.page.get_by_role("link", name="Review this plan").click()
    v.check("review")
    v.page.get_by_label("Achieved", exact=True).check()
    v.page.get_by_label("Stop: no longer needed").check()
    v.page.get_by_role("button", name="Save review").click()
    expect(v.page.get_by_role("alert")).to_contain_text(
        "Say why “Travel training” changes or stops"
    )
    v.check("review-errors")
    v.page.get_by_label("Why? (needed to change or stop it)").fill("Tom takes the bus alone now")
    v.page.get_by_role("button", name="Save review").click()
    expect(v.page.get_by_text("that is the success this work aims for")).to_be_visible()


def test_the_persons_own_plan_prints(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/my-plan/")
    expect(v.page.get_by_role("heading", level=1)).to_have_text("My plan: Tom")
    v.check("my-plan")
    v.page.emulate_media(media="print")
    expect(v.page.locator(".govuk-service-navigation")).to_be_hidden()
