"""A frozen, a stopped and a restarted PostgreSQL, answered by a served Goodlife.

The test starts a PostgreSQL cluster of its own, serves Goodlife against it with gunicorn
in production settings, then freezes every process of that cluster (SIGSTOP: the kernel
still accepts what the app sends, and nothing answers), thaws it, stops it and starts it
again. Each time a page and the readiness probe must answer promptly: 503 with
Retry-After while the database is unavailable, 200 once it is back, without restarting
the app.
"""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from goodlife.operations.deadline import RETRY_SECONDS
from tests.operations.scratch_cluster import ScratchCluster, free_port
from tests.test_deploy import ROOT, get

# Small limits so the test is quick; the margins below are generous for a busy machine.
STATEMENT_TIMEOUT = 2
CONNECT_TIMEOUT = 2
# A page waits at most the statement time-out plus the deadline's grace (2 s), a probe
# 2 s; a hang would be gunicorn's 60 s below.
ANSWERED_WITHIN = 15
PASSWORD = "a long test password"

pytestmark = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="runs once, in the SQLite run: it serves Goodlife against a cluster of its own",
)


@pytest.fixture
def cluster():
    cluster = ScratchCluster()
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.remove()


def goodlife(env, *args):
    result = subprocess.run(
        [sys.executable, "-m", "goodlife", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


class Browser:
    """Just enough of a browser for a signed-in page over the proxied HTTPS of production."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}

    def request(self, path, data=None, timeout=30):
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            headers["Origin"] = "https://" + urllib.parse.urlsplit(self.base).netloc
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            data = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=data, headers=headers)  # noqa: S310
        opener = urllib.request.build_opener(_NoRedirects)
        started = time.monotonic()
        try:
            with opener.open(request, timeout=timeout) as response:
                status, response_headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, response_headers, body = error.code, error.headers, error.read()
        for cookie in response_headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return status, response_headers, body.decode(), time.monotonic() - started

    def sign_in(self, email):
        _, _, form, _ = self.request("/accounts/sign-in/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        status, _, _, _ = self.request(
            "/accounts/sign-in/",
            data={"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        assert status == 302, "signing in did not redirect"
        assert "sessionid" in self.cookies


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_for(check, seconds=60):
    """Retry ``check`` on every kind of failure until it returns True."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception as error:  # a server still starting, a connection reset
            last = error
        time.sleep(0.3)
    pytest.fail(f"not ready after {seconds} s (last error: {last!r})")


def test_a_frozen_a_stopped_and_a_restarted_database_are_answered(cluster, tmp_path):
    excluded = {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in excluded}
    env.update(
        SECRET_KEY="p" * 60,
        GOODLIFE_TOTP_KEY="ZGF0YWJhc2UtdHJvdWJsZS10ZXN0LWtleS0wMTIzNDU=",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=cluster.url,
        STATIC_ROOT=str(tmp_path / "static"),
        GOODLIFE_TRUSTED_PROXIES="1",
        GOODLIFE_TWO_FACTOR="False",
        DATABASE_STATEMENT_TIMEOUT=str(STATEMENT_TIMEOUT),
        DATABASE_CONNECT_TIMEOUT=str(CONNECT_TIMEOUT),
    )
    collecting = subprocess.Popen(
        [sys.executable, "-m", "goodlife", "collectstatic", "--noinput"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    goodlife(env, "migrate", "--noinput")
    assert collecting.wait(timeout=180) == 0
    goodlife(
        env,
        "shell",
        "-c",
        "from goodlife.accounts.models import User, Role;"
        f"User.objects.create_user('worker@example.org', {PASSWORD!r},"
        " full_name='Priya Shah', role=Role.PRACTITIONER)",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "goodlife.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: get(base + "/health/live")[0] == 200)
        browser = Browser(base)
        browser.sign_in("worker@example.org")

        def page():
            return browser.request("/people/")  # a practitioner's caseload

        def ready():
            # As a load balancer probes: plain HTTP (no redirect to HTTPS), no cookie.
            started = time.monotonic()
            status, headers, body = get(base + "/health/ready")
            return status, headers, body.decode(), time.monotonic() - started

        def answers_ok():
            # Every worker: each waits RETRY_SECONDS after no answer before connecting,
            # and gunicorn does not share requests out in turn, so a few answers in a row
            # may all come from one worker while another still waits. Answers that all
            # succeed for longer than that wait mean every worker's wait is over.
            started = time.monotonic()
            while time.monotonic() - started < RETRY_SECONDS + 1:
                if ready()[0] != 200 or page()[0] != 200:
                    return False
            return True

        # Working: a signed-in page, and a probe that writes no cookie.
        status, _, body, _ = page()
        assert status == 200 and "Priya Shah" in body
        status, headers, body, _ = ready()
        assert (status, body) == (200, "ready\n")
        assert headers.get_all("Set-Cookie") is None

        # Frozen: the kernel takes the bytes, no process answers.
        cluster.freeze()
        for request in (page, ready, page):
            status, headers, body, took = request()
            assert status == 503, body
            assert headers["Retry-After"] == "30"
            assert took < ANSWERED_WITHIN, f"answered after {took:.1f} s"
        assert "cannot reach its records" in page()[2]
        # The app server itself is alive, and says so without asking the database.
        assert get(base + "/health/live")[0] == 200

        # Thawed: the same app servers answer again, on new connections.
        cluster.thaw()
        wait_for(answers_ok, seconds=30)
        assert "Priya Shah" in page()[2]

        # Stopped: refused at once, and said so (503, not 500).
        cluster.stop()
        for request in (page, ready):
            status, headers, body, took = request()
            assert status == 503, body
            assert headers["Retry-After"] == "30"
            assert took < ANSWERED_WITHIN

        # Started again: recovered without restarting the app, still signed in.
        cluster.start()
        wait_for(answers_ok, seconds=30)
        assert "Priya Shah" in page()[2]
    finally:
        server.terminate()
        server.wait(timeout=30)
