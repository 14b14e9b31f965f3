"""The first two-factor set-up (and one after a lost phone) needs a one-time code an
administrator issued: a password alone cannot attach an authenticator app."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from goodlife.accounts import enrolment
from goodlife.accounts.models import AuthenticatorApp, EnrolmentCode
from goodlife.audit.models import Action, AuditEvent
from tests.accounts.helpers import mark_code_given
from tests.factories import UserFactory

SET_UP = "/accounts/two-factor/set-up/"
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.GOODLIFE_TWO_FACTOR = True


@pytest.fixture
def priya(db, north):
    return UserFactory(email="priya@example.org", teams=[north], full_name="Priya Shah")


@pytest.fixture
def as_admin(db):
    admin = UserFactory(role="administrator", email="ada@example.org")
    client = Client()
    client.force_login(admin)
    mark_code_given(client, admin)
    client.user = admin
    return client


def past_the_password(user) -> Client:
    client = Client()
    client.post("/accounts/sign-in/", {"username": user.email, "password": PASSWORD})
    return client


def issue_in_admin(as_admin, *users):
    return as_admin.post(
        "/admin/accounts/user/",
        {"action": "issue_set_up_codes", "_selected_action": [str(u.pk) for u in users]},
    )


def codes_on(page: str) -> list[str]:
    return re.findall(r'<code class="enrolment-code">([A-Z0-9-]+)</code>', page)


def test_the_password_alone_does_not_reach_the_qr_code(priya):
    client = past_the_password(priya)
    page = client.get(SET_UP).content.decode()
    assert "Enter your set-up code" in page
    assert "<svg" not in page and 'id="key"' not in page
    assert not AuthenticatorApp.objects.filter(user=priya).exists()
    # Posting a made-up app code to the set-up page does not skip the step.
    page = client.post(SET_UP, {"code": "123456"}).content.decode()
    assert "Enter the 12 letters and numbers of your set-up code" in page
    assert client.get("/people/").status_code == 302


def test_an_administrator_issues_a_code_shown_once_and_stored_hashed(as_admin, priya):
    response = issue_in_admin(as_admin, priya)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    [code] = codes_on(page)
    assert "Priya Shah" in page and "priya@example.org" in page
    stored = EnrolmentCode.objects.get(user=priya)
    assert enrolment.normalise(code) not in stored.code_hash
    assert stored.issued_by == as_admin.user
    hours = stored.expires_at - stored.issued_at
    assert datetime.timedelta(hours=23, minutes=59) < hours <= datetime.timedelta(hours=24)
    event = AuditEvent.objects.get(user=as_admin.user, object_id=str(priya.pk))
    assert event.action == Action.ACCOUNT
    assert event.summary == "Issued a two-factor set-up code for priya@example.org"
    assert code not in str(event.detail) and enrolment.normalise(code) not in str(event.detail)
    # The list page never shows it again.
    assert code not in as_admin.get("/admin/accounts/user/").content.decode()


def test_the_code_opens_the_set_up_once(as_admin, priya):
    [code] = codes_on(issue_in_admin(as_admin, priya).content.decode())
    client = past_the_password(priya)
    response = client.post(SET_UP, {"code": code.lower().replace("-", " "), "next": "/people/"})
    assert response.status_code == 302
    page = client.get(SET_UP).content.decode()
    assert "Set up two-factor sign-in" in page and "<svg" in page
    assert AuditEvent.objects.filter(user=priya, summary="Gave a two-factor set-up code").exists()
    # Another browser with the same password cannot use it again.
    other = past_the_password(priya)
    page = other.post(SET_UP, {"code": code}).content.decode()
    assert "That set-up code is not right, has been used or has expired" in page
    assert AuditEvent.objects.filter(
        user=priya, action=Action.SIGN_IN_FAILED, summary="Wrong two-factor set-up code"
    ).exists()


def test_an_expired_code_is_refused(priya, settings):
    code, _ = enrolment.issue(priya, by=None)
    EnrolmentCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    page = past_the_password(priya).post(SET_UP, {"code": code}).content.decode()
    assert "has expired" in page and "<svg" not in page


def test_the_expiry_is_a_setting(priya, settings):
    settings.GOODLIFE_ENROLMENT_CODE_HOURS = 2
    _, expires_at = enrolment.issue(priya, by=None)
    assert expires_at - timezone.now() < datetime.timedelta(hours=2, minutes=1)


def test_a_new_code_replaces_the_last(priya):
    first, _ = enrolment.issue(priya, by=None)
    second, _ = enrolment.issue(priya, by=None)
    client = past_the_password(priya)
    assert "has been used or has expired" in client.post(SET_UP, {"code": first}).content.decode()
    assert client.post(SET_UP, {"code": second}).status_code == 302


def test_a_code_is_for_one_worker_only(priya, north):
    other = UserFactory(teams=[north])
    code, _ = enrolment.issue(other, by=None)
    page = past_the_password(priya).post(SET_UP, {"code": code}).content.decode()
    assert "That set-up code is not right" in page


def test_an_administrator_cannot_issue_one_for_themselves(as_admin, priya):
    response = issue_in_admin(as_admin, as_admin.user)
    assert response.status_code == 302
    assert not EnrolmentCode.objects.exists()
    page = as_admin.get(response.url).content.decode()
    assert "You cannot issue a set-up code for your own account" in page
    # Chosen together with others, only theirs are issued.
    response = issue_in_admin(as_admin, as_admin.user, priya)
    assert len(codes_on(response.content.decode())) == 1
    assert list(EnrolmentCode.objects.values_list("user", flat=True)) == [priya.pk]


def test_only_administrators_issue_codes(priya, manager):
    client = Client()
    client.force_login(manager)
    mark_code_given(client, manager)
    issue_in_admin(client, priya)
    assert not EnrolmentCode.objects.exists()


def test_the_first_administrator_gets_a_code_from_the_console(db, capsys):
    first = UserFactory(role="administrator", email="first@example.org")
    call_command("enrolment_code", "First@Example.org")
    out = capsys.readouterr().out
    code = re.search(r"Set-up code for first@example.org: ([A-Z0-9-]+)", out).group(1)
    assert enrolment.redeem(first, code)
    assert AuditEvent.objects.filter(
        summary="Issued a two-factor set-up code for first@example.org"
    ).exists()
