"""A form submitted after the session timed out is kept, and given back after signing in;
nothing is kept for anyone else."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django_otp.oath import TOTP

from goodlife.accounts import sessions
from goodlife.accounts.models import AuthenticatorApp
from goodlife.accounts.typed_work import MAX_BYTES, SESSION_KEY
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


@pytest.fixture
def later(monkeypatch):
    """Move Goodlife's session clock on by some seconds."""
    real = sessions.now

    def move(seconds):
        monkeypatch.setattr(sessions, "now", lambda: real() + seconds)

    return move


def idle_past_the_limit(later, settings):
    later(settings.GOODLIFE_SESSION_IDLE_MINUTES * 60 + 5)


def sign_in(client, user, next_url):
    return client.post(
        f"/accounts/sign-in/?next={next_url}",
        {"username": user.email, "password": "correct horse battery", "next": next_url},
    )


def test_an_edit_submitted_after_the_session_timed_out_is_kept(
    browser_of, practitioner, tom, later, settings
):
    edit = f"/people/{tom.pk}/edit/"
    browser_of.get(edit)
    idle_past_the_limit(later, settings)

    typed = form_of(tom, what_matters="Typed for an hour: Tom wants to see a rocket launch")
    response = browser_of.post(edit, typed)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/sign-in/")
    tom.refresh_from_db()
    assert "rocket launch" not in tom.what_matters
    page = browser_of.get(response.url).content.decode()
    assert "What you typed has been kept" in page
    assert "You were signed out after 60 minutes without using Goodlife" in page

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


def test_work_typed_past_the_absolute_limit_is_kept_too(
    browser_of, practitioner, tom, later, settings
):
    edit = f"/people/{tom.pk}/edit/"
    # Busy all day: each page within the idle limit, until the day's limit passes.
    hours = settings.GOODLIFE_SESSION_MAX_HOURS
    for minutes in range(30, hours * 60, 30):
        later(minutes * 60)
        assert browser_of.get(edit).status_code == 200, minutes
    later(hours * 60 * 60 + 5)
    typed = form_of(tom, what_matters="Written at the end of a long day")
    assert browser_of.post(edit, typed).url.startswith("/accounts/sign-in/")
    page = browser_of.get("/accounts/sign-in/").content.decode()
    assert f"signed in for {hours} hours" in page
    sign_in(browser_of, practitioner, edit)
    assert "Written at the end of a long day" in browser_of.get(edit).content.decode()


def test_someone_else_signing_in_on_the_same_browser_does_not_get_it(
    browser_of, manager, tom, later, settings
):
    edit = f"/people/{tom.pk}/edit/"
    idle_past_the_limit(later, settings)
    browser_of.post(edit, form_of(tom, what_matters="Priya's private draft wording"))
    sign_in(browser_of, manager, edit)
    assert "Priya's private draft wording" not in browser_of.get(edit).content.decode()


def test_passwords_are_never_kept(browser_of, tom, later, settings):
    idle_past_the_limit(later, settings)
    browser_of.post(f"/people/{tom.pk}/edit/", {"legal_name": "x", "password": "secret"})
    assert "password" not in browser_of.session[SESSION_KEY]["data"]


def test_work_too_long_to_keep_is_not_kept_and_the_worker_is_told(
    browser_of, practitioner, tom, later, settings
):
    edit = f"/people/{tom.pk}/edit/"
    idle_past_the_limit(later, settings)
    typed = form_of(tom, what_matters="x" * (MAX_BYTES + 1))
    response = browser_of.post(edit, typed)
    page = browser_of.get(response.url).content.decode()
    assert "What you typed was too long to keep (more than 64 KB)" in page
    assert SESSION_KEY not in browser_of.session
    row = Session.objects.get(session_key=browser_of.cookies["sessionid"].value)
    assert len(row.session_data) < 4096


def _session_table_bytes() -> int:
    return sum(len(s.session_data) for s in Session.objects.all())


def test_a_stranger_posting_forms_writes_nothing(db, tom):
    """Twenty large posts from a browser that never signed in: no session row at all."""
    stranger = Client()
    big = {"legal_name": "x" * 490_000}
    for _ in range(20):
        response = stranger.post("/people/add/", big)
        assert response.status_code == 302
        assert response.url.startswith("/accounts/sign-in/")
    assert not Session.objects.exists()
    assert "What you typed" not in stranger.get(response.url).content.decode()


def test_a_visitor_who_never_signed_in_is_just_sent_to_sign_in(db, tom):
    client = Client()
    response = client.post(f"/people/{tom.pk}/edit/", {"legal_name": "Anything"})
    assert response.url.startswith("/accounts/sign-in/")
    user = UserFactory(teams=[tom.team])
    sign_in(client, user, f"/people/{tom.pk}/edit/")
    assert "Anything" not in client.get(f"/people/{tom.pk}/edit/").content.decode()


def test_after_signing_out_a_form_is_not_kept(browser_of, tom):
    browser_of.post("/accounts/sign-out/")
    browser_of.post(f"/people/{tom.pk}/edit/", {"legal_name": "After signing out"})
    assert _session_table_bytes() == 0


def test_a_timed_out_session_keeps_one_small_piece_however_often_it_posts(
    browser_of, tom, later, settings
):
    idle_past_the_limit(later, settings)
    typed = {"legal_name": "y" * (MAX_BYTES - 100)}
    for _ in range(20):
        browser_of.post(f"/people/{tom.pk}/edit/", typed)
    assert Session.objects.count() == 1
    assert _session_table_bytes() < 2 * MAX_BYTES


def test_typed_work_waits_through_the_two_factor_code(settings, practitioner, tom, later):
    settings.GOODLIFE_TWO_FACTOR = True
    device = AuthenticatorApp.objects.create(user=practitioner, name="app", confirmed=True)
    client = Client()
    edit = f"/people/{tom.pk}/edit/"
    sign_in(client, practitioner, edit)
    client.post("/accounts/two-factor/", {"code": f"{TOTP(device.bin_key).token():06d}"})
    client.get(edit)
    idle_past_the_limit(later, settings)

    typed = form_of(tom, what_matters="Typed for an hour: Tom wants to see a rocket launch")
    assert client.post(edit, typed).url.startswith("/accounts/sign-in/")
    assert sign_in(client, practitioner, edit).url == edit
    code_page = client.get(edit).url
    assert code_page.startswith("/accounts/two-factor/")
    next_code = TOTP(device.bin_key)
    next_code.time = time.time() + 30  # the next code: each works once
    response = client.post(code_page, {"code": f"{next_code.token():06d}", "next": edit})
    assert response.url == edit
    assert (
        "Typed for an hour: Tom wants to see a rocket launch" in client.get(edit).content.decode()
    )


def test_signing_out_after_a_timeout_promises_nothing(browser_of, later, settings):
    idle_past_the_limit(later, settings)
    response = browser_of.post("/accounts/sign-out/")
    assert response.url.startswith("/accounts/sign-in/")
    assert SESSION_KEY not in browser_of.session
    assert "What you typed" not in browser_of.get(response.url).content.decode()
