"""Configuration by environment: production settings pass Django's deployment checks."""

import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "SECRET_KEY": "k" * 20 + "production-shaped-secret-key-for-checks-0123456789",
    "GOODLIFE_TOTP_KEY": "cHJvZHVjdGlvbi1zaGFwZWQtdG90cC1rZXktMDEyMzQ=",
    "ALLOWED_HOSTS": "goodlife.eastbrook.example",
    "DATABASE_URL": "sqlite:///:memory:",
    "DJANGO_SETTINGS_MODULE": "goodlife.settings",
}


def run(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "GOODLIFE_TOTP_KEY",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "-m", "goodlife", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = run("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_has_no_benchmark_data_generator():
    # bench/scale/ is installed by the benchmark and test settings only.
    result = run("help", "--commands", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split()
    assert "bench" not in commands
    assert "timeline_rebuild" in commands  # the list is the product's own commands


def test_secret_key_is_required_outside_development():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked(monkeypatch):
    result = run(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", **PRODUCTION
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("value", ["yes", "1", "on"])
def test_booleans_must_be_true_or_false(value):
    result = run("check", **PRODUCTION, DEBUG=value)
    assert result.returncode != 0
    assert "DEBUG must be True or False" in result.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("f" * 60)
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run("check", **env, SECRET_KEY_FILE=str(secret))
    assert result.returncode == 0, result.stderr


def database_options(**env):
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    result = run("shell", "-c", code, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_postgresql_prepares_repeated_queries_unless_told_not_to():
    pg = {"DATABASE_URL": "postgres://goodlife@db.invalid:5432/goodlife"}
    # Beside the connect time-out (tests/operations/test_timeout_settings.py); the command
    # line sets no statement time-out.
    assert database_options(**pg) == (
        "{'server_side_binding': True, 'prepare_threshold': 5, 'connect_timeout': 5}"
    )
    assert "'prepare_threshold': 1," in database_options(**pg, DATABASE_PREPARE_THRESHOLD="1")
    assert database_options(**pg, DATABASE_PREPARED_STATEMENTS="False") == "{'connect_timeout': 5}"
    assert "server_side_binding" not in database_options()  # SQLite


def test_sign_in_attempts_and_pause_come_from_the_environment():
    code = "from django.conf import settings as s; print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
    result = run("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == "10 0:15:00", result.stderr
    changed = {"SIGN_IN_ATTEMPTS": "5", "SIGN_IN_PAUSE_MINUTES": "60"}
    result = run("shell", "-c", code, **PRODUCTION, **changed)
    assert result.stdout.strip().splitlines()[-1] == "5 1:00:00", result.stderr


def test_two_factor_sign_in_is_on_unless_debug():
    code = "from django.conf import settings as s; print(s.GOODLIFE_TWO_FACTOR)"
    assert run("shell", "-c", code, **PRODUCTION).stdout.strip().splitlines()[-1] == "True"
    laptop = run("shell", "-c", code, **PRODUCTION, DEBUG="True")
    assert laptop.stdout.strip().splitlines()[-1] == "False", laptop.stderr
    asked = run("shell", "-c", code, **PRODUCTION, DEBUG="True", GOODLIFE_TWO_FACTOR="True")
    assert asked.stdout.strip().splitlines()[-1] == "True", asked.stderr
