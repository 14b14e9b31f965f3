"""Sessions stay alive while someone works, renewed at most once a minute, and end at
the limits a council sets."""

import datetime
import time

import pytest
from django.contrib.sessions.backends import db as db_sessions
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from goodlife.accounts import sessions
from goodlife.accounts.typed_work import OWNER_COOKIE
from goodlife.audit.models import Action, AuditEvent
from tests.test_settings import PRODUCTION, run


def _session_writes(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [q["sql"] for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]


def test_a_page_soon_after_the_last_does_not_write_the_session(as_practitioner, tom):
    as_practitioner.get("/my-work/")  # the first request renews
    assert _session_writes(as_practitioner, f"/people/{tom.pk}/") == []


def test_working_on_renews_the_session_once_a_minute(as_practitioner, monkeypatch, tom):
    as_practitioner.get("/my-work/")
    key = as_practitioner.cookies["sessionid"].value
    first_expiry = Session.objects.get(session_key=key).expire_date
    later = sessions.now() + sessions.RENEW_AFTER + 5
    monkeypatch.setattr(sessions, "now", lambda: later)
    assert len(_session_writes(as_practitioner, f"/people/{tom.pk}/")) == 1
    assert Session.objects.get(session_key=key).expire_date > first_expiry
    assert _session_writes(as_practitioner, f"/people/{tom.pk}/") == []


def test_nobody_signed_in_gets_no_session(client, db):
    response = client.get("/accounts/sign-in/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()


def test_an_idle_session_still_ends(as_practitioner, settings):
    as_practitioner.get("/my-work/")
    key = as_practitioner.cookies["sessionid"].value
    Session.objects.filter(session_key=key).update(
        expire_date=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    )
    assert as_practitioner.get("/my-work/").status_code == 302


# --- Limits a council sets: idle, absolute, browser session ------------------------

PASSWORD = "correct horse battery"


@pytest.fixture
def later(monkeypatch):
    """Move Goodlife's session clock on by some seconds."""
    real = sessions.now

    def move(seconds):
        monkeypatch.setattr(sessions, "now", lambda: real() + seconds)

    return move


def signed_in(user) -> Client:
    client = Client()
    response = client.post("/accounts/sign-in/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_the_defaults_are_an_hour_idle_and_ten_hours_in_all(settings):
    assert settings.GOODLIFE_SESSION_IDLE_MINUTES == 60
    assert settings.GOODLIFE_SESSION_MAX_HOURS == 10
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_the_session_cookie_lasts_until_the_browser_closes(practitioner):
    response = Client().post(
        "/accounts/sign-in/", {"username": practitioner.email, "password": PASSWORD}
    )
    cookie = response.cookies["sessionid"]
    assert cookie.value
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_a_session_unused_for_the_idle_limit_is_signed_out(practitioner, later):
    client = signed_in(practitioner)
    key = client.cookies["sessionid"].value
    later(59 * 60)
    assert client.get("/my-work/").status_code == 200
    later(59 * 60 + 61 * 60)  # an hour and a minute after that page
    response = client.get("/my-work/")
    assert response.status_code == 302 and response.url.startswith("/accounts/sign-in/")
    assert client.cookies["sessionid"].value != key  # a new session, not the old one
    assert not Session.objects.filter(session_key=key).exists()
    assert AuditEvent.objects.filter(
        user=practitioner, action=Action.SIGN_OUT, summary="Signed out after 60 minutes unused"
    ).exists()
    page = client.get(response.url).content.decode()
    assert "You were signed out after 60 minutes without using Goodlife" in page


def test_a_busy_session_still_ends_at_the_absolute_limit(practitioner, later, settings):
    settings.GOODLIFE_SESSION_IDLE_MINUTES = 45
    settings.GOODLIFE_SESSION_MAX_HOURS = 1
    client = signed_in(practitioner)
    for minutes in (30, 59):
        later(minutes * 60)
        assert client.get("/my-work/").status_code == 200, minutes
    later(61 * 60)
    assert client.get("/my-work/").status_code == 302
    assert AuditEvent.objects.filter(
        user=practitioner, summary="Signed out at the 1-hour session limit"
    ).exists()
    assert "signed in for 1 hours" in client.get("/accounts/sign-in/").content.decode()


def test_a_session_row_lasts_no_longer_than_its_limits_and_the_typed_work_time(
    practitioner, later, settings
):
    client = signed_in(practitioner)
    key = client.cookies["sessionid"].value
    keep = datetime.timedelta(hours=settings.GOODLIFE_TYPED_WORK_HOURS)

    def row_lasts():
        return Session.objects.get(session_key=key).expire_date - timezone.now()

    # Just signed in: the idle limit is nearer than the absolute one.
    assert abs(row_lasts() - (datetime.timedelta(hours=1) + keep)) < datetime.timedelta(minutes=2)
    # Nine and a half hours of work later: the absolute limit is half an hour away.
    for minutes in range(30, 9 * 60 + 31, 30):
        later(minutes * 60)
        assert client.get("/my-work/").status_code == 200
    assert abs(row_lasts() - (datetime.timedelta(minutes=30) + keep)) < datetime.timedelta(
        minutes=2
    )


def test_clearsessions_removes_sessions_past_their_limits(
    practitioner, manager, later, monkeypatch
):
    busy = signed_in(practitioner)
    for minutes in range(30, 9 * 60 + 31, 30):
        later(minutes * 60)
        busy.get("/my-work/")
    monkeypatch.setattr(sessions, "now", lambda: int(time.time()))
    fresh = signed_in(manager)
    in_25_hours = timezone.now() + datetime.timedelta(hours=24, minutes=45)
    monkeypatch.setattr(db_sessions.timezone, "now", lambda: in_25_hours)
    call_command("clearsessions")
    remaining = set(Session.objects.values_list("session_key", flat=True))
    assert remaining == {fresh.cookies["sessionid"].value}


def test_signing_in_gives_a_new_session_key(practitioner, later):
    client = signed_in(practitioner)
    later(61 * 60)
    client.get("/my-work/")  # timed out: a session that remembers who, with its own key
    before = client.cookies["sessionid"].value
    assert Session.objects.filter(session_key=before).exists()
    client.post("/accounts/sign-in/", {"username": practitioner.email, "password": PASSWORD})
    assert client.cookies["sessionid"].value != before
    assert not Session.objects.filter(session_key=before).exists()


def test_signing_out_clears_the_remembered_user_cookie(practitioner):
    client = signed_in(practitioner)
    assert OWNER_COOKIE not in client.cookies or not client.cookies[OWNER_COOKIE].value
    client.cookies[OWNER_COOKIE] = "left by an earlier version"
    response = client.post("/accounts/sign-out/")
    assert response.cookies[OWNER_COOKIE].value == ""
    assert response.cookies[OWNER_COOKIE]["max-age"] == 0
    assert not Session.objects.exists()


def test_the_limits_come_from_the_environment():
    code = (
        "from django.conf import settings as s; print(s.GOODLIFE_SESSION_IDLE_MINUTES, "
        "s.GOODLIFE_SESSION_MAX_HOURS, s.GOODLIFE_TYPED_WORK_HOURS)"
    )
    result = run("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == "60 10 24", result.stderr
    changed = {"SESSION_IDLE_MINUTES": "15", "SESSION_MAX_HOURS": "8", "TYPED_WORK_KEPT_HOURS": "2"}
    result = run("shell", "-c", code, **PRODUCTION, **changed)
    assert result.stdout.strip().splitlines()[-1] == "15 8 2", result.stderr
    result = run("check", **PRODUCTION, SESSION_IDLE_MINUTES="0")
    assert result.returncode != 0 and "SESSION_IDLE_MINUTES must be 1 or more" in result.stderr
