"""Two WELL12s for Kez a month apart, and the change in words, chart and table (Kez has
none in the demo; Tom's and Nancy's are part of their plans)."""

from playwright.sync_api import expect

from goodlife.people.demo import person_id
from goodlife.wellbeing.models import Well12Response

FIRST = (1, 2, 3, 3, 4, 3, 2, 2, 1, 2, 1, 2)
SECOND = (3, 2, 3, 3, 4, 3, 3, 2, 4, 2, 2, 3)


def fill_well12(page, day, month, year, answers):
    page.get_by_label("Day").fill(day)
    page.get_by_label("Month").fill(month)
    page.get_by_label("Year").fill(year)
    page.get_by_label("Together, in conversation").check()
    for number, answer in enumerate(answers, 1):
        page.locator(f"input[name=item_{number}][value='{answer}']").check()
    page.get_by_role("group", name="13.").get_by_label("No", exact=True).check()


def test_two_well12s_for_kez_show_the_change(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('kezia')}/")
    v.page.get_by_role("link", name="Record a WELL12").click()
    expect(v.page.get_by_text("1. I get all the sleep I need")).to_be_visible()
    v.check("well12-form")

    fill_well12(v.page, "1", "10", "2026", FIRST)
    v.page.get_by_label("Who completed it?").fill("")
    v.page.get_by_role("button", name="Save WELL12").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter who completed the WELL12")
    # Every answer is still selected after the error.
    for number, answer in enumerate(FIRST, 1):
        expect(v.page.locator(f"input[name=item_{number}][value='{answer}']")).to_be_checked()
    v.check("well12-form-errors")
    v.page.get_by_label("Who completed it?").fill("Kez")
    v.page.get_by_role("button", name="Save WELL12").click()
    expect(v.page.get_by_text("WELL12 recorded: 26 out of 48.")).to_be_visible()

    v.page.get_by_role("link", name="Record a WELL12").click()
    fill_well12(v.page, "1", "11", "2026", SECOND)
    v.page.get_by_role("button", name="Save WELL12").click()
    expect(v.page.get_by_text("WELL12 recorded: 34 out of 48.")).to_be_visible()

    expect(v.page.get_by_text("Sleep: from Disagree to Agree")).to_be_visible()
    expect(
        v.page.get_by_text("A hobby or interest: from Disagree to Yes, definitely")
    ).to_be_visible()
    expect(v.page.get_by_text("Total up from 26 to 34")).to_be_visible()
    expect(v.page.get_by_role("img", name="WELL12 total over time")).to_be_visible()
    totals = v.page.get_by_role("table", name="WELL12 totals, as a table")
    expect(totals).to_contain_text("26")
    expect(totals).to_contain_text("34")
    expect(v.page.get_by_role("heading", name="Areas of life (Care Act wellbeing)")).to_be_visible()
    v.check("well12-progression")

    v.page.get_by_role("link", name="1 November 2026").click()
    v.check("well12-detail")
    v.page.get_by_role("link", name="Correct this WELL12").click()
    v.check("well12-amend")
    v.page.locator("input[name=item_12][value='4']").check()
    v.page.get_by_label("Why are you correcting this WELL12?").fill("Kez changed their mind")
    v.page.get_by_role("button", name="Save correction").click()
    expect(v.page.get_by_text("WELL12 corrected.")).to_be_visible()
    expect(v.page.get_by_text("Kez changed their mind")).to_be_visible()
    assert Well12Response.objects.filter(person_id=person_id("kezia")).count() == 2


def test_the_blank_well12_and_team_wellbeing(demo, visit):
    v = visit()
    v.sign_in("manager@example.org")
    v.goto("/wellbeing/well12/blank/")
    expect(v.page.get_by_text("I feel hopeful about my future")).to_be_visible()
    v.check("well12-blank")
    v.page.emulate_media(media="print")
    expect(v.page.locator(".govuk-service-navigation")).to_be_hidden()
    v.page.emulate_media(media="screen")
    v.page.get_by_role("link", name="Wellbeing").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Wellbeing across the team")
    v.check("well12-team")
