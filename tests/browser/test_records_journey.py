"""An unmet need reworded before commissioners see it, and a form that could not be
checked as sent once, as a worker meets them."""

from playwright.sync_api import expect

from goodlife.directory.models import UnmetNeed
from goodlife.people.demo import person_id
from goodlife.strengths.models import Strength


def fits_320(v, name):
    """The page reads at 320 px wide without scrolling sideways."""
    v.page.set_viewport_size({"width": 320, "height": 800})
    wide = v.page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 320, f"{name} scrolls sideways at 320 px ({wide} px wide)"
    v.page.set_viewport_size({"width": 1200, "height": 900})


def test_an_unmet_need_naming_tom_is_sent_back_to_reword(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/suggestions/")
    typed = "Tom would like a daytime astronomy group near EB1 4QT"
    v.page.get_by_label("What is missing?").fill(typed)
    v.page.get_by_label("Hobbies and interests").check()
    v.page.get_by_label("Area").fill("EB1 4QT")
    v.page.get_by_role("button", name="Log an unmet need").click()

    alert = v.page.get_by_role("alert")
    expect(alert).to_contain_text(
        "Take out the person's name (Tom) and the full postcode (EB1 4QT) — commissioners "
        "see this description"
    )
    expect(alert).to_contain_text("Enter only the postcode district (EB1)")
    expect(v.page.get_by_label("What is missing?")).to_have_value(typed)
    v.check("unmet-need-reword")
    fits_320(v, "unmet-need-reword")
    assert not UnmetNeed.objects.exists()

    # The error summary's link takes the worker to the description to reword it.
    v.page.get_by_role("link", name="Take out the person's name (Tom)").click()
    expect(v.page.get_by_label("What is missing?")).to_be_focused()
    v.page.get_by_label("What is missing?").fill("No daytime astronomy group")
    v.page.get_by_label("Area").fill("EB1")
    v.page.get_by_role("button", name="Log an unmet need").click()
    expect(v.page.get_by_text("Unmet need logged for commissioners")).to_be_visible()
    need = UnmetNeed.objects.get()
    assert (need.what, need.area) == ("No daytime astronomy group", "EB1")

    commissioner = visit()
    commissioner.sign_in("commissioner@example.org")
    commissioner.page.get_by_role("link", name="Unmet needs").click()
    expect(commissioner.page.get_by_text("No daytime astronomy group (EB1")).to_be_visible()
    commissioner.check("unmet-needs-reworded")


def test_a_form_that_could_not_be_checked_keeps_the_typing_to_send_again(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/strengths/add/")
    before = Strength.objects.count()
    v.page.get_by_label("The strength, in the person's own words").fill(
        "Mends bicycles for the street"
    )
    v.page.get_by_label("Personal: skills").check()
    v.page.get_by_label("The person", exact=True).check()
    # As a page opened more than a day ago would: its one-time token no longer holds.
    v.page.evaluate("document.querySelector('input[name=goodlife_form_token]').value = 'old'")
    v.page.get_by_role("button", name="Add strength").click()

    expect(v.page.get_by_role("heading", level=1)).to_have_text("Nothing was saved yet")
    v.check("form-not-sent")
    fits_320(v, "form-not-sent")
    assert Strength.objects.count() == before

    v.page.get_by_role("button", name="Send it again").click()
    expect(v.page.get_by_text("Strength added.")).to_be_visible()
    expect(v.page.locator(".govuk-summary-list__value", has_text="Mends bicycles")).to_be_visible()
    assert Strength.objects.count() == before + 1
