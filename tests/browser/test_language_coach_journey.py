"""The language coach as a worker types: findings appear, the cursor stays put, and a
wording can be kept with one click."""

import re

from playwright.sync_api import expect

from goodlife.people.demo import person_id


def test_findings_follow_typing_without_moving_the_cursor(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/strengths/add/")
    box = v.page.get_by_label("The strength, in the person's own words")
    box.fill("Tom walks to the library every day.")
    box.evaluate("el => el.setSelectionRange(4, 4)")
    box.press_sequentially("suffers from hay fever but ", delay=15)
    status = v.page.locator("#id_description-coach [data-coach-status]")
    expect(status).to_have_text("Language coach: 1 wording to think about. You decide.")
    expect(v.page.locator("#id_description-coach")).to_contain_text("lives with")
    # The coach never touched the box: the text and the cursor are where the worker left them.
    expect(box).to_have_value("Tom suffers from hay fever but walks to the library every day.")
    assert box.evaluate("el => [el.selectionStart, el.selectionEnd]") == [31, 31]
    v.check("language-coach-findings")

    v.page.get_by_role("button", name=re.compile("Keep my wording.*suffers from")).click()
    expect(status).to_have_text("Language coach: nothing to think about.")
    expect(box).to_have_value("Tom suffers from hay fever but walks to the library every day.")
    box.press_sequentially(" He refused tea.", delay=10)
    expect(status).to_have_text("Language coach: 1 wording to think about. You decide.")
    expect(v.page.locator("#id_description-coach")).to_contain_text("“refused”")
    v.check("language-coach-kept")


def test_without_javascript_the_check_button_does_the_same(demo, visit):
    v = visit(javascript=False)
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/aspirations/add/")
    v.page.get_by_label("What do they hope for, in their own words?").fill(
        "He is wheelchair-bound but wants to see the Northern Lights."
    )
    v.page.get_by_role("button", name="Check the wording").click()
    expect(v.page.locator(".app-coach__finding")).to_contain_text("“wheelchair-bound”")
    expect(v.page.get_by_label("What do they hope for, in their own words?")).to_have_value(
        "He is wheelchair-bound but wants to see the Northern Lights."
    )
    # (Axe needs JavaScript: the same findings are checked with it above.)
    v.page.screenshot(path="tests/browser/screenshots/language-coach-no-js.png", full_page=True)
