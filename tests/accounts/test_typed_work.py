"""A form submitted after the session ended is kept, and given back after signing in."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.people.test_edit import form_of


@pytest.fixture
def browser_of(practitioner):
    """A browser where Priya signed in and has been working."""
    client = Client()
    client.post(
        "/accounts/sign-in/",
        {"username": practitioner.email, "password": "correct horse battery"},
    )
    client.get("/people/")
    return client


def expire_sessions():
    Session.objects.all().delete()


def sign_in(client, user, next_url):
    return client.post(
        f"/accounts/sign-in/?next={next_url}",
        {"username": user.email, "password": "correct horse battery", "next": next_url},
    )


def test_an_edit_submitted_after_the_session_ended_is_kept(browser_of, practitioner, tom):
    edit = f"/people/{tom.pk}/edit/"
    browser_of.get(edit)
    expire_sessions()

    typed = form_of(tom, what_matters="Typed for an hour: Tom wants to see a rocket launch")
    response = browser_of.post(edit, typed)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/sign-in/")
    tom.refresh_from_db()
    assert "rocket launch" not in tom.what_matters
    page = browser_of.get(response.url).content.decode()
    assert "What you typed has been kept" in page

    response = sign_in(browser_of, practitioner, edit)
    assert response.url == edit
    page = browser_of.get(edit).content.decode()
    assert "Typed for an hour: Tom wants to see a rocket launch" in page
    assert "You were signed out before this was saved" in page

    # It is given back once; saving it is the worker's choice.
    assert "rocket launch" not in browser_of.get(edit).content.decode()
    assert browser_of.post(edit, typed).status_code == 302
    tom.refresh_from_db()
    assert "rocket launch" in tom.what_matters


def test_someone_else_signing_in_on_the_same_browser_does_not_get_it(browser_of, manager, tom):
    edit = f"/people/{tom.pk}/edit/"
    expire_sessions()
    browser_of.post(edit, form_of(tom, what_matters="Priya's private draft wording"))
    sign_in(browser_of, manager, edit)
    assert "Priya's private draft wording" not in browser_of.get(edit).content.decode()


def test_passwords_are_never_kept(browser_of, tom):
    from goodlife.accounts.typed_work import SESSION_KEY

    expire_sessions()
    browser_of.post(f"/people/{tom.pk}/edit/", {"legal_name": "x", "password": "secret"})
    assert "password" not in browser_of.session[SESSION_KEY]["data"]


def test_a_visitor_who_never_signed_in_is_just_sent_to_sign_in(db, tom):
    client = Client()
    response = client.post(f"/people/{tom.pk}/edit/", {"legal_name": "Anything"})
    assert response.url.startswith("/accounts/sign-in/")
    user = UserFactory(teams=[tom.team])
    sign_in(client, user, f"/people/{tom.pk}/edit/")
    assert "Anything" not in client.get(f"/people/{tom.pk}/edit/").content.decode()


def test_typed_work_waits_through_the_two_factor_code(settings, practitioner, tom):
    settings.GOODLIFE_TWO_FACTOR = True
    device = TOTPDevice.objects.create(user=practitioner, name="app", confirmed=True)
    client = Client()
    edit = f"/people/{tom.pk}/edit/"
    sign_in(client, practitioner, edit)
    client.post("/accounts/two-factor/", {"code": f"{TOTP(device.bin_key).token():06d}"})
    client.get(edit)
    expire_sessions()

    typed = form_of(tom, what_matters="Typed for an hour: Tom wants to see a rocket launch")
    assert client.post(edit, typed).url.startswith("/accounts/sign-in/")
    assert sign_in(client, practitioner, edit).url == edit
    code_page = client.get(edit).url
    assert code_page.startswith("/accounts/two-factor/")
    later = TOTP(device.bin_key)
    later.time = time.time() + 30  # the next code: each works once
    response = client.post(code_page, {"code": f"{later.token():06d}", "next": edit})
    assert response.url == edit
    assert (
        "Typed for an hour: Tom wants to see a rocket launch" in client.get(edit).content.decode()
    )
