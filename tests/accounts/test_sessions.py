"""Sessions stay alive while someone works, renewed at most once a minute."""

import datetime

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goodlife.accounts import sessions


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
