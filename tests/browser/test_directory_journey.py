"""Searching Eastbrook's directory and getting suggestions for Tom, as people would."""

from playwright.sync_api import expect

from goodlife.accounts.models import User
from goodlife.directory.search import PER_PAGE
from goodlife.people.demo import person_id
from tests.directory.conftest import make_service


def test_search_filter_and_suggestions_for_tom(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.page.get_by_role("link", name="Directory").click()
    v.check("directory")
    v.page.get_by_label("What are you looking for?").fill("walking")
    v.page.get_by_role("button", name="Search").click()
    expect(v.page.locator("mark").first).to_have_text("walking")
    all_walks = v.page.locator(".app-result").count()
    v.page.get_by_label("Free only").check()
    v.page.get_by_label("Day").select_option("TU")
    v.page.get_by_label("Near a postcode or place").fill("EB1 4QT")
    v.page.get_by_role("button", name="Search").click()
    expect(v.page.get_by_role("link", name="Riverside walking group")).to_be_visible()
    assert v.page.locator(".app-result").count() < all_walks
    expect(v.page.get_by_text("miles away").first).to_be_visible()
    v.check("directory-results")
    v.page.get_by_role("link", name="Riverside walking group").click()
    v.check("directory-service")

    # Many matches come a page at a time, and the next page keeps the search.
    editor = User.objects.get(email="directory@example.org")
    for i in range(PER_PAGE + 3):
        make_service(editor, f"Zither circle {i:02}", "Zither players meet on weekday evenings.")
    v.goto("/directory/")
    v.page.get_by_label("What are you looking for?").fill("zither")
    v.page.get_by_role("button", name="Search").click()
    expect(v.page.get_by_role("heading", name=f"{PER_PAGE + 3} results")).to_be_visible()
    assert v.page.locator(".app-result").count() == PER_PAGE
    v.check("directory-first-page")
    v.page.get_by_role("link", name="Next page").click()
    expect(v.page.get_by_text("Page 2 of 2")).to_be_visible()
    assert v.page.locator(".app-result").count() == 3
    expect(v.page.get_by_label("What are you looking for?")).to_have_value("zither")
    v.check("directory-second-page")

    v.goto("/directory/?time=7pm")
    expect(v.page.get_by_role("alert")).to_contain_text("Choose a day to search by time")
    v.check("directory-errors")

    v.goto(f"/people/{person_id('tom')}/")
    v.page.get_by_role("link", name="Community suggestions for Tom").click()
    reasons = v.page.locator(".app-reason")
    expect(reasons.first).to_contain_text("Tom is interested in space")
    expect(
        v.page.get_by_text(
            "Tom is interested in space: Eastbrook Astronomical Society meets on Tuesdays"
        )
    ).to_be_visible()
    v.check("suggestions")
    v.page.get_by_role("button", name="Eastbrook Astronomical Society").click()
    expect(
        v.page.get_by_text("Eastbrook Astronomical Society noted on Tom's record.")
    ).to_be_visible()

    v.page.get_by_role("button", name="Log an unmet need").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter what is missing")
    v.check("suggestions-errors")
    v.page.get_by_label("What is missing?").fill(
        "No daytime astronomy group for people who work nights"
    )
    v.page.get_by_label("Hobbies and interests").check()
    v.page.get_by_role("button", name="Log an unmet need").click()
    expect(v.page.get_by_text("Unmet need logged")).to_be_visible()

    v.goto(f"/people/{person_id('tom')}/timeline/")
    expect(v.page.get_by_text("Suggested: Eastbrook Astronomical Society")).to_be_visible()


def test_directory_editor_and_commissioner(demo, visit):
    editor = visit()
    editor.sign_in("directory@example.org")
    editor.goto("/directory/services/new/")
    editor.check("directory-new")
    editor.page.get_by_label("Name", exact=True).fill("Stargazing for beginners")
    editor.page.get_by_label("What happens there").fill("Learn the constellations in the park.")
    editor.page.get_by_label("It is free").check()
    editor.page.get_by_label("Take notice").check()
    editor.page.get_by_label("Friday").check()
    editor.page.get_by_label("From (optional)").fill("8pm")
    editor.page.get_by_label("Until (optional)").fill("7pm")
    editor.page.get_by_role("button", name="Save entry").click()
    expect(editor.page.get_by_role("alert")).to_contain_text(
        "The end time must be after the start time"
    )
    expect(editor.page.get_by_label("What happens there")).to_have_value(
        "Learn the constellations in the park."
    )
    editor.page.get_by_label("Until (optional)").fill("10pm")
    editor.page.get_by_role("button", name="Save entry").click()
    expect(
        editor.page.get_by_text("Stargazing for beginners added to the directory.")
    ).to_be_visible()
    editor.page.get_by_role("link", name="Stale entries").click()
    editor.check("directory-stale")

    commissioner = visit()
    commissioner.sign_in("commissioner@example.org")
    commissioner.page.get_by_role("link", name="Unmet needs").click()
    expect(commissioner.page.get_by_role("heading", level=1)).to_have_text("Unmet needs")
    commissioner.check("unmet-needs")
