"""Connect and statement time-outs reach the database driver, beside the other options."""

import json
import os
import subprocess
import sys

from tests.test_deploy import ROOT

SHOW = (
    "import json; from django.conf import settings; d = settings.DATABASES['default'];"
    "print(json.dumps({'engine': d['ENGINE'], 'options': d['OPTIONS']}))"
)


def database_settings(url, *, command_line=False, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    clean = {k: v for k, v in clean.items() if k != "GOODLIFE_TOTP_KEY"}
    clean.update(
        SECRET_KEY="s" * 50,
        GOODLIFE_TOTP_KEY="dGltZW91dC1zZXR0aW5ncy10ZXN0LWtleS0wMTIzNDU=",
        DATABASE_URL=url,
        **env,
    )
    if command_line:  # as `goodlife shell` runs: the command line's defaults
        args = [sys.executable, "-m", "goodlife", "shell", "-c", SHOW]
    else:  # as gunicorn loads goodlife.wsgi
        clean["DJANGO_SETTINGS_MODULE"] = "goodlife.settings"
        args = [sys.executable, "-c", "import django; django.setup();" + SHOW]
    result = subprocess.run(args, env=clean, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_gets_both_time_outs_and_keeps_prepared_statements():
    found = database_settings("postgres://goodlife@db.internal:5432/goodlife")
    assert found["engine"] == "goodlife.operations.postgresql"
    assert found["options"] == {
        "server_side_binding": True,
        "prepare_threshold": 5,
        "connect_timeout": 5,
        "options": "-c statement_timeout=10000",
    }


def test_time_outs_are_settings():
    found = database_settings(
        "postgres://goodlife@db.internal:5432/goodlife",
        DATABASE_CONNECT_TIMEOUT="3",
        DATABASE_STATEMENT_TIMEOUT="30",
        DATABASE_PREPARED_STATEMENTS="False",
    )
    assert found["options"] == {"connect_timeout": 3, "options": "-c statement_timeout=30000"}


def test_commands_have_no_statement_time_out_unless_asked():
    url = "postgres://goodlife@db.internal:5432/goodlife"
    assert "options" not in database_settings(url, command_line=True)["options"]
    asked = database_settings(url, command_line=True, DATABASE_STATEMENT_TIMEOUT="60")
    assert asked["options"]["options"] == "-c statement_timeout=60000"


def test_sqlite_waits_for_a_lock_as_long_as_a_statement_may_take():
    found = database_settings("sqlite:///:memory:", DATABASE_STATEMENT_TIMEOUT="7")
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["options"]["timeout"] == 7
    assert found["options"]["transaction_mode"] == "IMMEDIATE"
