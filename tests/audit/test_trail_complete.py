"""The trail is complete and append-only on both databases."""

import uuid

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client

from goodlife.audit.models import Action, AuditEvent
from goodlife.audit.services import record


def test_a_probe_that_ends_in_not_found_leaves_a_row(as_practitioner, practitioner):
    probe = uuid.uuid4()
    assert as_practitioner.get(f"/people/{probe}/").status_code == 404
    event = AuditEvent.objects.get(action=Action.NOT_FOUND)
    assert event.user == practitioner
    assert event.person_id == probe
    assert event.path == f"/people/{probe}/"


def test_a_refusal_is_written_after_the_requests_own_transaction(transactional_db):
    """On a real transaction (not a test's wrapping one) a refusal is kept aside during the
    view and written once the view's transaction has ended: exactly one row."""
    from tests.factories import UserFactory

    user = UserFactory(role="provider")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    assert client.get("/people/search/").status_code == 403
    refused = AuditEvent.objects.filter(action=Action.ACCESS_REFUSED, user=user)
    assert refused.count() == 1
    assert refused.get().path == "/people/search/"


def test_a_failed_request_leaves_a_row_and_nothing_it_wrote(transactional_db, monkeypatch):
    from goodlife.people import views
    from tests.factories import PersonFactory, TeamFactory, UserFactory

    team = TeamFactory()
    user = UserFactory(role="practitioner", teams=[team])
    person = PersonFactory(team=team)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views, "panels_for", broken)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    assert client.get(f"/people/{person.pk}/").status_code == 500
    rows = AuditEvent.objects.filter(person_id=person.pk)
    # The "viewed" row rolled back with the request; the failure is recorded.
    assert not rows.filter(action=Action.VIEW).exists()
    failed = rows.get(action=Action.FAILED)
    assert failed.user == user and failed.detail["status"] == 500


def test_anonymous_not_found_answers_leave_no_row(client, db):
    # Anyone could fill the trail with them.
    assert client.get(
        "/openreferral/services/00000000-0000-0000-0000-000000000000"
    ).status_code in (
        404,
        301,
    )
    assert not AuditEvent.objects.filter(action=Action.NOT_FOUND).exists()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET summary = 'rewritten'",
        "DELETE FROM audit_auditevent",
    ],
)
def test_raw_sql_cannot_change_the_trail(db, statement):
    record(Action.VIEW, summary="Viewed overview")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEvent.objects.get().summary == "Viewed overview"


def test_querysets_cannot_change_the_trail(db):
    record(Action.VIEW, summary="Viewed overview")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().update(summary="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all()._raw_delete(AuditEvent.objects.db)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().summary == "Viewed overview"


def test_flush_empties_the_database_and_the_guard_comes_back(transactional_db):
    record(Action.VIEW, summary="Viewed overview")
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    record(Action.VIEW, summary="Viewed again")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().update(summary="rewritten")
