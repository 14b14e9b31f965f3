"""The database stops answering as a worker saves: the 503 page keeps what they typed,
and 'Send again' saves it once the database is back."""

import pytest
from django.db import OperationalError
from django.db.backends import utils
from playwright.sync_api import expect

from goodlife.people.models import Person

UNAVAILABLE = "Sorry, Goodlife cannot reach its records just now"


@pytest.fixture
def database_down(monkeypatch):
    """Call it to make every query fail, in the live server's thread too; again to undo."""
    real = utils.CursorWrapper.execute

    def refused(self, sql, params=None):
        raise OperationalError("connection refused")

    def switch(down=True):
        monkeypatch.setattr(utils.CursorWrapper, "execute", refused if down else real)

    return switch


def check_503(v, name):
    # Chromium reports the page's own 503 status in the console; that one is expected.
    v.errors[:] = [e for e in v.errors if "status of 503" not in e]
    v.check(name)


def test_sending_again_after_the_database_is_back(demo, visit, database_down):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.page.get_by_role("link", name="Add a person", exact=True).click()
    v.page.get_by_label("Full legal name").fill("Ada Lovelace")
    v.page.get_by_label("What matters to me").fill("Walking by the river\nand my garden")

    database_down()
    v.page.get_by_role("button", name="Add person").click()
    expect(v.page.locator("h1")).to_have_text(UNAVAILABLE)
    expect(v.page.get_by_text("What you typed is not lost")).to_be_visible()
    v.page.get_by_text("Show what you typed").click()
    expect(v.page.get_by_text("and my garden")).to_be_visible()
    check_503(v, "database-unavailable-sent")
    v.page.set_viewport_size({"width": 320, "height": 800})
    assert v.page.evaluate("document.documentElement.scrollWidth") <= 320
    check_503(v, "database-unavailable-sent-320")

    database_down(False)
    v.page.get_by_role("button", name="Send again").click()
    expect(v.page.get_by_text("Ada Lovelace has been added.")).to_be_visible()
    ada = Person.objects.get(legal_name="Ada Lovelace")
    assert ada.what_matters == "Walking by the river\r\nand my garden"


def test_a_page_that_cannot_be_shown(demo, visit, database_down):
    v = visit()
    v.sign_in("practitioner@example.org")
    database_down()
    response = v.page.goto(v.base_url + "/people/")
    assert response.status == 503
    expect(v.page.get_by_text("Nothing has been changed")).to_be_visible()
    check_503(v, "database-unavailable-page")
    database_down(False)
    v.page.get_by_role("link", name="load this page again").click()
    expect(v.page.locator("h1")).not_to_have_text(UNAVAILABLE)
