import pytest
from django.db import IntegrityError, InternalError, ProgrammingError, connection, transaction

from goodlife.audit.models import Action, AuditEvent
from goodlife.audit.services import record


@pytest.fixture
def event(db):
    return record(Action.SEARCH, summary="Searched", detail={"query": "Tom"})


def test_the_application_cannot_change_or_delete_an_event(event):
    event.summary = "Rewritten"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


def test_secrets_never_reach_an_audit_row(db):
    event = record(
        Action.CHANGE,
        detail={"password": "x", "csrfmiddlewaretoken": "y", "sessionid": "z", "fields": ["a"]},
    )
    assert event.detail == {"fields": ["a"]}


def test_outside_a_request_an_event_is_still_written(db):
    event = record(Action.SIGN_IN_FAILED, summary="From a command")
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert event.ip_address is None and event.path == ""


def test_no_cookie_or_session_key_is_stored_for_a_request(as_practitioner, tom):
    as_practitioner.get(f"/people/{tom.pk}/")
    session_key = as_practitioner.session.session_key
    for event in AuditEvent.objects.all():
        assert session_key not in str(event.detail) + event.summary + event.path


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET summary = 'rewritten'",
        "DELETE FROM audit_auditevent",
    ],
)
def test_postgresql_refuses_update_and_delete(event, sql):
    with (
        pytest.raises((InternalError, ProgrammingError, IntegrityError)) as caught,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert "append-only" in str(caught.value)
    assert AuditEvent.objects.get(pk=event.pk).summary == "Searched"


@postgres_only
def test_postgresql_refuses_a_queryset_update(event):
    with pytest.raises((InternalError, ProgrammingError)), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(summary="rewritten")
