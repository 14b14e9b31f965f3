"""Two-factor sign-in: after the password, a code from an authenticator app."""

import re
import time
from base64 import b32decode

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice

from goodlife.accounts import enrolment
from goodlife.accounts.models import AuthenticatorApp
from goodlife.audit.models import Action, AuditEvent
from tests.accounts.helpers import mark_code_given
from tests.factories import UserFactory

SIGN_IN = "/accounts/sign-in/"
CODE = "/accounts/two-factor/"
SET_UP = "/accounts/two-factor/set-up/"
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.GOODLIFE_TWO_FACTOR = True


@pytest.fixture
def priya(db, north):
    return UserFactory(email="priya@example.org", teams=[north])


def signed_in(user, next_page="/people/", *, with_set_up_code=True):
    """A browser past the password; before a first set-up, past the set-up code too."""
    client = Client()
    response = client.post(
        SIGN_IN, {"username": user.email, "password": PASSWORD, "next": next_page}
    )
    assert response.status_code == 302
    if with_set_up_code and not AuthenticatorApp.objects.filter(user=user, confirmed=True):
        code, _ = enrolment.issue(user, by=None)
        assert client.post(SET_UP, {"code": code}).status_code == 302
    return client


def app_code(device, at=None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = at or time.time()
    return f"{totp.token():06d}"


def key_on(page: str) -> bytes:
    key = re.search(r'<strong class="app-key" id="key">([A-Z2-7 ]+)</strong>', page).group(1)
    return b32decode(key.replace(" ", ""))


def set_up(client) -> list[str]:
    page = client.get(SET_UP).content.decode()
    device = AuthenticatorApp.objects.get(confirmed=False)
    assert key_on(page) == device.bin_key  # the key typed by hand is the QR code's key
    response = client.post(SET_UP, {"code": app_code(device), "next": "/people/"})
    assert response.status_code == 200
    return re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())


def test_after_the_password_every_page_waits_for_the_code(priya):
    client = signed_in(priya)
    response = client.get("/people/")
    assert response.status_code == 302
    assert response.url == "/accounts/two-factor/?next=%2Fpeople%2F"
    assert client.get(response.url).url == "/accounts/two-factor/set-up/?next=%2Fpeople%2F"
    for url in ("/", "/my-work/", "/directory/", "/admin/"):
        assert client.get(url).url.startswith(CODE), url
    # Signing out needs no code.
    assert client.post("/accounts/sign-out/").status_code == 302


def test_setting_up_shows_a_qr_code_and_the_key_and_gives_backup_codes(priya):
    client = signed_in(priya)
    page = client.get(SET_UP + "?next=/people/").content.decode()
    assert "Set up two-factor sign-in" in page and "<svg" in page
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    assert "no-store" in client.get(SET_UP)["Cache-Control"]
    # The same key on every look until it is confirmed: a reload does not undo a scan.
    assert key_on(client.get(SET_UP).content.decode()) == key_on(page)
    codes = set_up(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert AuthenticatorApp.objects.get(user=priya).confirmed
    assert client.get("/people/").status_code == 200
    assert AuditEvent.objects.filter(user=priya, summary="Set up two-factor sign-in").exists()


def test_a_wrong_code_at_set_up_says_so_and_keeps_the_key(priya):
    client = signed_in(priya)
    key = key_on(client.get(SET_UP).content.decode())
    page = client.post(SET_UP, {"code": ""}).content.decode()
    assert "Enter the code from your authenticator app" in page
    page = client.post(SET_UP, {"code": "abcdef"}).content.decode()
    assert "Enter the 6 numbers your authenticator app shows" in page
    page = client.post(SET_UP, {"code": "000000"}).content.decode()
    assert "That code is not right" in page and "<title>Error:" in page
    assert key_on(page) == key
    assert client.get("/people/").status_code == 302


def test_each_later_sign_in_asks_for_the_apps_code(priya):
    set_up(signed_in(priya))
    device = AuthenticatorApp.objects.get(user=priya)
    client = signed_in(priya)
    assert "Enter your sign-in code" in client.get(CODE).content.decode()
    # The next time step's code, with a space in it (the set-up used this step's: a code
    # works once).
    code = app_code(device, time.time() + 30)
    response = client.post(CODE, {"code": f"{code[:3]} {code[3:]}", "next": "/people/"})
    assert response.status_code == 302 and response.url == "/people/"
    assert client.get("/people/").status_code == 200
    assert AuditEvent.objects.filter(user=priya, summary="Gave an app code").exists()


def test_a_backup_code_works_once(priya):
    codes = set_up(signed_in(priya))
    client = signed_in(priya)
    assert client.post(CODE, {"code": codes[0].upper()}).status_code == 302
    assert client.get("/people/").status_code == 200
    again = signed_in(priya)
    assert "That code is not right" in again.post(CODE, {"code": codes[0]}).content.decode()
    assert StaticDevice.objects.get(user=priya).token_set.count() == 9


def test_wrong_codes_slow_down(priya):
    set_up(signed_in(priya))
    client = signed_in(priya)
    page = client.post(CODE, {"code": "000000"}).content.decode()
    assert "That code is not right" in page
    assert AuditEvent.objects.filter(
        user=priya, action=Action.SIGN_IN_FAILED, summary="Wrong two-factor code"
    ).exists()
    page = client.post(CODE, {"code": "000000"}).content.decode()
    assert "There have been several wrong codes. Wait" in page
    device = AuthenticatorApp.objects.get(user=priya)
    page = client.post(CODE, {"code": app_code(device, time.time() + 30)}).content.decode()
    assert "Wait" in page  # even the right code waits its turn
    assert client.get("/people/").status_code == 302


def test_next_never_leaves_goodlife(priya):
    client = signed_in(priya)
    set_up(client)
    client = signed_in(priya)
    device = AuthenticatorApp.objects.get(user=priya)
    response = client.post(
        CODE, {"code": app_code(device, time.time() + 30), "next": "https://evil.example/"}
    )
    assert response.url == "/"


def test_an_administrator_can_reset_a_lost_phone(priya):
    set_up(signed_in(priya))
    admin = UserFactory(role="administrator")
    as_admin = Client()
    as_admin.force_login(admin)
    mark_code_given(as_admin, admin)
    pk = AuthenticatorApp.objects.get(user=priya).pk
    assert as_admin.get("/admin/otp_totp/totpdevice/").status_code == 200
    response = as_admin.post(f"/admin/otp_totp/totpdevice/{pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    # The set-up again needs a new set-up code: the first one was used.
    client = signed_in(priya, with_set_up_code=False)
    assert client.get(CODE).url.startswith(SET_UP)
    page = client.get(SET_UP).content.decode()
    assert "Enter your set-up code" in page and "<svg" not in page


def test_off_in_a_laptop_demo(priya, settings):
    settings.GOODLIFE_TWO_FACTOR = False
    client = signed_in(priya)
    assert client.get("/people/").status_code == 200


def test_giving_the_code_starts_a_new_session_key(priya):
    set_up(signed_in(priya))
    device = AuthenticatorApp.objects.get(user=priya)
    client = signed_in(priya)
    after_password = client.cookies["sessionid"].value
    client.post(CODE, {"code": app_code(device, time.time() + 30)})
    assert client.cookies["sessionid"].value != after_password
    assert not Session.objects.filter(session_key=after_password).exists()
    assert client.get("/people/").status_code == 200


def test_the_first_set_up_also_starts_a_new_session_key(priya):
    client = signed_in(priya)
    before = client.cookies["sessionid"].value
    set_up(client)
    assert client.cookies["sessionid"].value != before
