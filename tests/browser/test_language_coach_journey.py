"""The language coach as a worker types: findings appear, the cursor stays put, and a
wording can be kept with one click."""

import re

from playwright.sync_api import expect

from goodlife.coach.models import Dismissal
from goodlife.people.demo import person_id
from goodlife.practice.models import ConversationRecord, Episode


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


def test_enter_in_a_one_line_box_saves_and_keeps_no_wording(demo, visit):
    """Enter presses the form's own button, not the first "Keep my wording" on the page."""
    v = visit()
    v.sign_in("practitioner@example.org")
    add = f"/people/{person_id('tom')}/strengths/add/"
    v.goto(add)
    box = v.page.get_by_label("The strength, in the person's own words")
    box.fill("Tom suffers from hay fever but walks to the library every day.")
    expect(v.page.get_by_role("button", name=re.compile("Keep my wording"))).to_be_visible()
    v.page.get_by_label("Personal: motivation").check()
    v.page.get_by_label("The person", exact=True).check()
    v.page.get_by_label("Year").press("Enter")
    expect(v.page.get_by_text("Strength added.")).to_be_visible()
    expect(
        v.page.get_by_text("“Tom suffers from hay fever but walks to the library every day.”")
    ).to_be_visible()
    # The wording was not kept: the coach still points it out next time.
    v.goto(add)
    box.fill("He suffers from nerves.")
    expect(v.page.locator("#id_description-coach")).to_contain_text("“suffers from”")
    v.check("language-coach-enter")


def test_enter_in_a_conversation_record_saves_a_draft(demo, visit):
    """Without JavaScript too; finishing a record is always a deliberate press."""
    v = visit(javascript=False)
    v.sign_in("practitioner@example.org")
    tom = person_id("tom")
    episode = Episode.objects.get(person_id=tom, closed_at__isnull=True)
    v.goto(f"/people/{tom}/episodes/{episode.pk}/records/new/?step=ideas")
    v.page.get_by_label("What you talked about").fill("Tom is wheelchair-bound and loves stars.")
    v.page.get_by_label("Where did it take place?").fill("Tom's flat")
    v.page.get_by_label("Where did it take place?").press("Enter")
    expect(v.page.get_by_text("Draft saved.")).to_be_visible()
    expect(v.page.locator(".app-coach__finding")).to_contain_text("“wheelchair-bound”")
    record = ConversationRecord.objects.get(episode=episode, place="Tom's flat")
    assert record.is_draft and not Dismissal.objects.exists()
    # Enter again, now that a "Keep my wording" button comes before the form's own.
    v.page.get_by_label("Where did it take place?").fill("Tom's flat, in the kitchen")
    v.page.get_by_label("Where did it take place?").press("Enter")
    expect(v.page.get_by_text("Draft saved.")).to_be_visible()
    record.refresh_from_db()
    assert record.place == "Tom's flat, in the kitchen" and record.is_draft
    assert not Dismissal.objects.exists()
