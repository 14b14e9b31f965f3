"""The load balancer's probes: public, quiet (no cookie, no audit row), honest."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

from goodlife.audit.models import AuditEvent


@pytest.fixture
def failing_database():
    """Every query fails as it would with the database stopped."""

    def fail(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(fail):
        yield


def test_it_says_live_without_asking_the_database(db, failing_database):
    response = Client().get("/health/live")
    assert response.status_code == 200
    assert response.content == b"live\n"
    assert response.cookies == {}


def test_it_says_ready_when_the_database_answers(db):
    before = AuditEvent.objects.count()
    response = Client().get("/health/ready")
    assert response.status_code == 200
    assert response.content == b"ready\n"
    assert response["Cache-Control"] == "no-store"
    assert response.cookies == {}
    assert AuditEvent.objects.count() == before


def test_it_says_unavailable_when_the_database_does_not_answer(db, failing_database):
    response = Client().get("/health/ready")
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    assert response["Retry-After"] == "30"


def test_probes_leave_no_session_behind_even_with_a_signed_in_cookie(as_practitioner):
    from django.contrib.sessions.models import Session

    sessions = Session.objects.count()
    for path in ("/health/live", "/health/ready"):
        response = as_practitioner.get(path)
        assert response.status_code == 200
        assert "sessionid" not in response.cookies
    assert Session.objects.count() == sessions


def test_probes_answer_plain_http_while_pages_go_to_https(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/health/live").status_code == 200
    assert client.get("/health/ready").status_code == 200
    assert client.get("/accounts/sign-in/").status_code == 301


@pytest.mark.parametrize("path", ["/health/live", "/health/ready"])
def test_probes_only_read(db, path):
    assert Client().post(path).status_code == 405
    assert Client().head(path).status_code == 200


def test_probes_check_the_host(db):
    response = Client(raise_request_exception=False).get("/health/live", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_a_cookie_does_not_make_the_live_probe_ask_the_database(as_practitioner):
    def fail(execute, sql, params, many, context):
        raise OperationalError("frozen")

    with connection.execute_wrapper(fail):
        assert as_practitioner.get("/health/live").status_code == 200
        assert as_practitioner.get("/health/ready").status_code == 503
