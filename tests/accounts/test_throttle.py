"""Password guessing is slowed: ten wrong passwords for one email address from one place
pause sign-in there for fifteen minutes; thirty from one address for any accounts within
fifteen minutes pause that address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.utils import timezone

from goodlife.accounts.models import SignInFailure
from goodlife.audit.models import Action, AuditEvent
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.test_settings import PRODUCTION, run

URL = "/accounts/sign-in/"
RIGHT = "correct horse battery"


@pytest.fixture
def priya(db, north):
    return UserFactory(email="priya@example.org", teams=[north])


def attempt(client, password, email="priya@example.org"):
    return client.post(URL, {"username": email, "password": password})


def guess(client, times, email="priya@example.org"):
    for n in range(times):
        response = attempt(client, f"guess-{n}", email)
        assert response.status_code == 200, f"paused early, at attempt {n + 1}"
        assert "The email address or password is not right" in response.content.decode()


def test_the_tenth_wrong_password_pauses_sign_in_and_says_until_when(client, priya):
    assert settings.AXES_FAILURE_LIMIT == 10
    guess(client, 9)
    pause = datetime.timedelta(minutes=15)
    earliest = timezone.localtime(timezone.now() + pause)
    response = attempt(client, "guess-10")
    latest = timezone.localtime(timezone.now() + pause)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    page = response.content.decode()
    assert "Sign-in is paused for this email address" in page
    assert "<title>Error: Sign in" in page
    assert "10 attempts to sign in with the wrong password" in page
    assert any(f"try again after {t:%H:%M}." in page for t in (earliest, latest))
    assert 'value="priya@example.org"' in page  # what was typed is kept
    assert "guess-10" not in page
    # Even the right password waits now.
    response = attempt(client, RIGHT)
    assert response.status_code == 429
    assert client.get("/people/").status_code == 302


def test_the_pause_ends_after_fifteen_minutes(client, priya):
    guess(client, 9)
    assert attempt(client, "guess-10").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert attempt(client, RIGHT).status_code == 302


def test_the_email_address_is_counted_whatever_its_case(client, priya):
    guess(client, 5, email="Priya@Example.org")
    guess(client, 4, email=" priya@example.org")
    assert attempt(client, "guess", email="PRIYA@example.org").status_code == 429


def test_guessing_elsewhere_does_not_lock_the_worker_out(client, priya):
    guess(client, 9)
    assert attempt(client, "guess-10").status_code == 429
    at_her_desk = Client(REMOTE_ADDR="10.1.2.3")
    assert attempt(at_her_desk, RIGHT).status_code == 302


def test_signing_in_starts_the_count_again(client, priya):
    guess(client, 9)
    assert attempt(client, RIGHT).status_code == 302
    client.post("/accounts/sign-out/")
    guess(client, 9)


def test_a_pause_is_in_the_audit_trail_without_the_password(client, priya):
    guess(client, 9)
    attempt(client, "hunter2-secret")
    paused = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED, detail__paused=True)
    assert paused.summary == "Sign-in paused after repeated wrong passwords"
    assert paused.detail["email"] == "priya@example.org"
    assert paused.ip_address == "127.0.0.1"
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED).count() == 11
    assert "hunter2" not in str(list(AuditEvent.objects.values_list("detail", "summary")))


def test_an_administrator_can_lift_a_pause(client, priya):
    guess(client, 9)
    attempt(client, "guess-10")
    admin = client_for(UserFactory(role="administrator"))
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "priya@example.org" in listing.content.decode()
    pk = AccessAttempt.objects.get().pk
    response = admin.post(f"/admin/axes/accessattempt/{pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert attempt(client, RIGHT).status_code == 302


def test_other_roles_cannot_see_or_lift_pauses(as_manager):
    assert as_manager.get("/admin/axes/accessattempt/").status_code == 302


# --- One address, many accounts (password spraying) ---------------------------------


def spray(client, accounts, start=0):
    for n in range(start, start + accounts):
        response = attempt(client, "Winter2026!", email=f"worker{n}@example.org")
        assert response.status_code == 200, f"paused early, at account {n + 1}"


def test_one_wrong_password_against_many_accounts_pauses_that_address(client, priya, settings):
    assert settings.GOODLIFE_SIGN_IN_ADDRESS_ATTEMPTS == 30
    assert settings.GOODLIFE_SIGN_IN_ADDRESS_MINUTES == 15
    spray(client, 29)
    response = attempt(client, "Winter2026!", email="worker30@example.org")
    assert response.status_code == 429
    assert 800 <= int(response["Retry-After"]) <= 901
    page = response.content.decode()
    assert "Sign-in is paused for this network" in page
    assert "30 attempts to sign in with a wrong password from this network in 15 minutes" in page
    assert 'value="worker30@example.org"' in page  # what was typed is kept
    until = timezone.localtime(
        SignInFailure.objects.order_by("at").first().at + datetime.timedelta(minutes=15)
    )
    assert f"try again after {until:%H:%M}." in page
    # Even a right password waits, from that address; elsewhere, sign-in works.
    assert attempt(client, RIGHT).status_code == 429
    assert attempt(Client(REMOTE_ADDR="10.9.9.9"), RIGHT).status_code == 302
    assert AuditEvent.objects.filter(
        summary="Sign-in paused for a client address after wrong passwords for many accounts"
    ).exists()


def test_an_office_behind_one_address_mistyping_is_not_paused(client, priya):
    spray(client, 29)
    assert attempt(client, RIGHT).status_code == 302


def test_waiting_tries_do_not_lengthen_the_address_pause(client, priya):
    spray(client, 29)
    assert attempt(client, "Winter2026!", email="worker30@example.org").status_code == 429
    for _ in range(5):
        assert attempt(client, "again", email="someone@example.org").status_code == 429
    assert SignInFailure.objects.count() == 30


def test_the_address_pause_ends_when_the_failures_are_old(client, priya):
    spray(client, 29)
    attempt(client, "Winter2026!", email="worker30@example.org")
    assert attempt(client, RIGHT).status_code == 429
    SignInFailure.objects.update(at=timezone.now() - datetime.timedelta(minutes=16))
    assert attempt(client, RIGHT).status_code == 302


def test_the_count_is_a_sliding_window(client, priya):
    spray(client, 29)
    attempt(client, "Winter2026!", email="worker30@example.org")
    oldest = SignInFailure.objects.order_by("at").first()
    SignInFailure.objects.filter(pk=oldest.pk).update(
        at=timezone.now() - datetime.timedelta(minutes=16)
    )
    # One failure has left the window: the next try is checked, and, wrong, pauses again.
    assert attempt(client, "wrong", email="late@example.org").status_code == 429
    assert SignInFailure.objects.count() == 30  # the old one checked, then cleared
    assert attempt(client, RIGHT).status_code == 429


def test_behind_a_proxy_the_forwarded_address_is_counted(priya, settings):
    settings.GOODLIFE_TRUSTED_PROXIES = 1
    office = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    spray(office, 29)
    assert attempt(office, "Winter2026!", email="last@example.org").status_code == 429
    assert attempt(office, RIGHT).status_code == 429
    home = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert attempt(home, RIGHT).status_code == 302


def test_the_address_limits_come_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.GOODLIFE_SIGN_IN_ADDRESS_ATTEMPTS, s.GOODLIFE_SIGN_IN_ADDRESS_MINUTES)"
    )
    result = run("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == "30 15", result.stderr
    changed = {"SIGN_IN_ADDRESS_ATTEMPTS": "100", "SIGN_IN_ADDRESS_MINUTES": "5"}
    result = run("shell", "-c", code, **PRODUCTION, **changed)
    assert result.stdout.strip().splitlines()[-1] == "100 5", result.stderr
