"""The production path of docs/deploy.md: collectstatic, then gunicorn behind a proxy."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def production_env(tmp_path):
    excluded = {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    excluded.add("GOODLIFE_TOTP_KEY")
    env = {k: v for k, v in os.environ.items() if k not in excluded}
    env.update(
        SECRET_KEY="p" * 60,
        GOODLIFE_TOTP_KEY="ZGVwbG95LXRlc3QtdG90cC1rZXktMDEyMzQ1Njc4OWE=",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        GOODLIFE_TRUSTED_PROXIES="1",
    )
    return env


def goodlife(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "goodlife", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback only
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_collectstatic_and_gunicorn_serve_goodlife(production_env):
    collected = goodlife("collectstatic", "--noinput", env=production_env)
    assert collected.returncode == 0, collected.stderr
    assert goodlife("migrate", "--noinput", env=production_env).returncode == 0

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "goodlife.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=production_env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        proxied = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
        # Ready when it answers: on a busy machine the first answers can be slow, so
        # every kind of failure (refused, reset, timed out) is retried, for a minute.
        deadline = time.monotonic() + 60
        while True:
            try:
                status, headers, body = get(base + "/accounts/sign-in/", **proxied)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("gunicorn did not answer within a minute")
                time.sleep(0.2)
        assert status == 200
        assert b"Sign in to Goodlife" in body
        assert "max-age=" in headers["Strict-Transport-Security"]
        # Hashed, compressed static files from WhiteNoise.
        css = next(p for p in body.decode().split('"') if p.startswith("/static/css/goodlife."))
        assert css != "/static/css/goodlife.css"
        status, headers, _ = get(base + css, **proxied)
        assert status == 200 and "max-age=315360000" in headers["Cache-Control"]
        # Plain HTTP is redirected to HTTPS.
        status, headers, _ = get(base + "/accounts/sign-in/")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{port}/accounts/sign-in/"
    finally:
        server.terminate()
        server.wait(timeout=10)
