"""Authenticator apps' secrets are stored sealed with GOODLIFE_TOTP_KEY: a database dump
holds no second factor, a code from the app still works, a wrong key fails safely."""

import base64
import binascii
import importlib
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from goodlife.accounts import enrolment, totp_keys
from goodlife.accounts.models import AuthenticatorApp
from tests.test_settings import PRODUCTION, run

CODE = "/accounts/two-factor/"
PASSWORD = "correct horse battery"
OTHER_KEY = base64.urlsafe_b64encode(b"another-key-of-thirty-two-bytes!").decode()


def code_of(secret: bytes, at=None) -> str:
    totp = TOTP(secret)
    totp.time = at or time.time()
    return f"{totp.token():06d}"


def stored_key(device) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM otp_totp_totpdevice WHERE id = %s", [device.pk])
        return cursor.fetchone()[0]


@pytest.fixture
def app(practitioner):
    return AuthenticatorApp.objects.create(user=practitioner, name="app", confirmed=True)


def test_the_stored_value_is_not_the_secret(app):
    stored = stored_key(app)
    secret = app.bin_key
    assert len(secret) == 20
    assert stored.startswith("g1:") and len(stored) <= 80
    for shown in (binascii.hexlify(secret).decode(), base64.b32encode(secret).decode()):
        assert shown.lower() not in stored.lower()
    # Even a device saved through django-otp's own model is sealed.
    plain = TOTPDevice.objects.create(user=app.user, name="admin-made")
    assert stored_key(plain).startswith("g1:")


def test_a_code_from_the_secret_signs_in(settings, practitioner, app):
    settings.GOODLIFE_TWO_FACTOR = True
    client = Client()
    client.post("/accounts/sign-in/", {"username": practitioner.email, "password": PASSWORD})
    response = client.post(CODE, {"code": code_of(app.bin_key)})
    assert response.status_code == 302
    assert client.get("/people/").status_code == 200


def test_a_wrong_key_refuses_every_code_without_crashing(settings, practitioner, app):
    settings.GOODLIFE_TWO_FACTOR = True
    right = code_of(app.bin_key)
    settings.GOODLIFE_TOTP_KEYS = totp_keys.parse_keys(OTHER_KEY)
    client = Client()
    client.post("/accounts/sign-in/", {"username": practitioner.email, "password": PASSWORD})
    response = client.post(CODE, {"code": right})
    assert response.status_code == 200
    assert "Goodlife cannot check codes from your authenticator app" in response.content.decode()
    assert client.get("/people/").status_code == 302


def test_a_sealed_secret_does_not_open_for_another_account(app, manager):
    copied = AuthenticatorApp.objects.create(user=manager, name="app", confirmed=True)
    AuthenticatorApp.objects.filter(pk=copied.pk).update(key=stored_key(app))
    copied.refresh_from_db()
    with pytest.raises(totp_keys.SecretUnreadable):
        copied.bin_key  # noqa: B018
    assert copied.verify_token(code_of(app.bin_key)) is False


def test_rotating_the_key(settings, app):
    secret = app.bin_key
    old = settings.GOODLIFE_TOTP_KEYS
    settings.GOODLIFE_TOTP_KEYS = [*totp_keys.parse_keys(OTHER_KEY), *old]
    app.refresh_from_db()
    assert app.bin_key == secret  # the old key still opens it while both are set
    call_command("rotate_totp_key")
    settings.GOODLIFE_TOTP_KEYS = totp_keys.parse_keys(OTHER_KEY)
    app.refresh_from_db()
    assert app.bin_key == secret  # now the new key alone does


def test_the_migration_seals_secrets_stored_in_clear(app):
    secret = app.bin_key
    hex_key = binascii.hexlify(secret).decode()
    TOTPDevice.objects.filter(pk=app.pk).update(key=hex_key)  # as before this change
    migration = importlib.import_module("goodlife.accounts.migrations.0003_seal_totp_secrets")
    from django.apps import apps

    migration.seal(apps, None)
    assert stored_key(app).startswith("g1:")
    app.refresh_from_db()
    assert app.bin_key == secret
    migration.unseal(apps, None)
    assert stored_key(app) == hex_key


@pytest.mark.parametrize("value", ["", "not base64!", base64.urlsafe_b64encode(b"short").decode()])
def test_a_bad_key_is_refused(value):
    with pytest.raises(ValueError):
        totp_keys.parse_keys(value)


def test_production_refuses_to_start_without_the_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "GOODLIFE_TOTP_KEY"}
    result = run("check", **env)
    assert result.returncode != 0
    assert "GOODLIFE_TOTP_KEY must be set" in result.stderr
    result = run("check", **env, GOODLIFE_TOTP_KEY="too-short")
    assert result.returncode != 0 and "GOODLIFE_TOTP_KEY: each key must be" in result.stderr


def test_a_laptop_demo_has_a_development_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "GOODLIFE_TOTP_KEY"}
    code = "from django.conf import settings as s; print(len(s.GOODLIFE_TOTP_KEYS))"
    result = run("shell", "-c", code, **env, DEBUG="True")
    assert result.stdout.strip().splitlines()[-1] == "1", result.stderr


def test_a_new_key_can_be_made():
    result = run("new_totp_key", **PRODUCTION)
    assert len(totp_keys.parse_keys(result.stdout.strip())) == 1


def test_a_set_up_begun_under_another_key_starts_afresh(settings, practitioner):
    settings.GOODLIFE_TWO_FACTOR = True
    client = Client()
    client.post("/accounts/sign-in/", {"username": practitioner.email, "password": PASSWORD})
    code, _ = enrolment.issue(practitioner, by=None)
    client.post("/accounts/two-factor/set-up/", {"code": code})
    assert "<svg" in client.get("/accounts/two-factor/set-up/").content.decode()
    first = AuthenticatorApp.objects.get(user=practitioner)
    settings.GOODLIFE_TOTP_KEYS = totp_keys.parse_keys(OTHER_KEY)
    page = client.get("/accounts/two-factor/set-up/").content.decode()
    assert "<svg" in page
    assert list(AuthenticatorApp.objects.filter(user=practitioner)) != [first]
