"""The service navigation: each app's items, for the roles they are for, marking the
page the person is on, at the address the app is mounted at."""

from django.test import RequestFactory
from django.urls import get_script_prefix, set_script_prefix

from goodlife.ui.navigation import items_for


def request_for(user, path):
    request = RequestFactory().get(path)
    request.user = user
    return request


def test_items_follow_the_role_and_mark_the_current_page(practitioner):
    items = items_for(request_for(practitioner, "/my-work/"))
    by_label = {i["label"]: i for i in items}
    assert by_label["My work"] == {
        "label": "My work",
        "href": "/my-work/",
        "current": True,
        "count": 0,  # nothing waiting for a practitioner's sign-off
        "count_of": "waiting for your sign-off",
    }
    assert not by_label["Directory"]["current"]
    assert [i for i in items if i["current"]] == [by_label["My work"]]


def test_a_council_mounting_goodlife_under_a_path_gets_addresses_under_it(practitioner):
    before = get_script_prefix()
    try:
        assert items_for(request_for(practitioner, "/"))[0]["href"] == "/my-work/"
        set_script_prefix("/goodlife/")
        hrefs = [i["href"] for i in items_for(request_for(practitioner, "/"))]
        assert hrefs[0] == "/goodlife/my-work/"
        assert all(h.startswith("/goodlife/") for h in hrefs)
    finally:
        set_script_prefix(before)


def test_nobody_signed_in_sees_no_menu(client):
    from django.contrib.auth.models import AnonymousUser

    assert items_for(request_for(AnonymousUser(), "/")) == []
