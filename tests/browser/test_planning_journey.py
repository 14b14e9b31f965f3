"""From Tom's astronaut aspiration to ideas, a SMART outcome and its first step."""

import datetime
import re

from playwright.sync_api import expect

from goodlife.people.demo import person_id


def test_from_aspiration_to_ideas_outcome_and_steps(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    tom = person_id("tom")
    v.goto(f"/people/{tom}/suggestions/")
    v.page.get_by_role("button", name="Science book club").click()
    v.page.get_by_role("link", name="Back to Tom").click()
    v.page.get_by_role("link", name="Ideas, outcomes and steps for Tom").click()
    v.check("plan-empty")

    v.page.get_by_role("link", name="add as an idea").first.click()
    v.check("idea-add")
    v.page.get_by_label("“I want to be an astronaut.”").check()
    v.page.get_by_role("button", name="Add idea").click()
    expect(v.page.get_by_text("Idea added.")).to_be_visible()

    v.page.get_by_role("link", name="Add an idea").click()
    v.page.get_by_label("“I want to be an astronaut.”").check()
    v.page.get_by_label("The idea").fill("Borrow a telescope from the society")
    v.page.get_by_label("The person's own strengths").check()
    v.page.get_by_role("button", name="Add idea").click()
    v.page.get_by_role("link", name=re.compile("What they thought.*Borrow a telescope")).click()
    v.page.get_by_label("The person did not want it").check()
    v.page.get_by_role("button", name="Save").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Say why the person did not want it")
    v.check("idea-status-errors")
    v.page.get_by_label("Why not? (if they did not want it)").fill("Too expensive for now")
    v.page.get_by_role("button", name="Save").click()
    expect(v.page.get_by_text("Too expensive for now")).to_be_visible()

    v.page.get_by_role("link", name="Add an outcome").click()
    v.page.get_by_label("“I want to be an astronaut.”").check()
    v.page.get_by_label("What will be different, in positive words?").fill(
        "Improve Tom's social life"
    )
    v.page.get_by_role("button", name="Save outcome").click()
    expect(v.page.get_by_text("A suggestion about the wording")).to_be_visible()
    expect(v.page.get_by_label("What will be different, in positive words?")).to_have_value(
        "Improve Tom's social life"
    )
    v.check("outcome-check")
    day = datetime.date.today() + datetime.timedelta(days=60)  # noqa: DTZ011
    v.page.get_by_label("What will be different, in positive words?").fill(
        "Tom goes to the astronomy society twice a month"
    )
    v.page.get_by_label("How will you both know?").fill("Tom tells us at the review")
    v.page.get_by_label("Day", exact=True).fill(str(day.day))
    v.page.get_by_label("Month").fill(str(day.month))
    v.page.get_by_label("Year").fill(str(day.year))
    v.page.get_by_label("A small, likely win for the next few weeks").check()
    v.page.get_by_label("Work, learning and recreation").check()
    v.page.get_by_role("button", name="Check again and save").click()
    expect(v.page.get_by_text("Outcome added.")).to_be_visible()

    v.page.get_by_role("link", name=re.compile("Add a step.*astronomy society")).click()
    v.check("task-add")
    v.page.get_by_label("What is the step?").fill("Email the society's secretary")
    v.page.get_by_role("button", name="Add step").click()
    expect(v.page.get_by_text("Step added.")).to_be_visible()
    v.page.get_by_role("button", name=re.compile("Mark as done.*secretary")).click()
    expect(v.page.get_by_text("Step marked as done.")).to_be_visible()
    v.check("plan")
