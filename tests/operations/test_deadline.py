"""The deadline kept on the app's side of a PostgreSQL connection (operations/deadline.py)."""

import time

import pytest
from django.db import OperationalError, connection, connections

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the deadline guards PostgreSQL connections"
)


@pytest.fixture
def own_connection(db):
    """A connection of the test's own, so cutting it leaves the test's transaction alone."""
    wrapper = connections.create_connection("default")
    backends = []
    wrapper.execute_wrappers.append(
        lambda execute, sql, params, many, context: (
            backends.append(context["connection"].connection.info.backend_pid)
            or execute(sql, params, many, context)
        )
    )
    yield wrapper
    wrapper.refuse_until = 0.0
    wrapper.close()
    with connection.cursor() as cursor:  # a statement the cut left running on the server
        for pid in set(backends):
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_call_past_its_limit_is_cut_off_and_the_connection_discarded(own_connection):
    from goodlife.operations import deadline

    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    kept = own_connection.connection
    started = time.monotonic()
    with deadline.limited(own_connection, 0.5), pytest.raises(OperationalError):  # noqa: SIM117
        with own_connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(10)")
    # Cut after about half a second; well before the 10 s the statement asked for, with room
    # for a busy machine.
    assert time.monotonic() - started < 8
    assert kept.closed or kept.broken  # psycopg knows the connection is gone
    # For a moment, no new connection is tried: the rest of a request fails at once.
    own_connection.close()
    with pytest.raises(OperationalError, match="did not answer a moment ago"):
        own_connection.ensure_connection()
    own_connection.refuse_until = 0.0
    with own_connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert own_connection.connection is not kept


def test_many_short_calls_in_a_row_are_not_one_long_one(own_connection):
    from goodlife.operations import deadline

    started = time.monotonic()
    # Each call is far inside its limit even on a busy machine; together they last more
    # than twice as long as it.
    with deadline.limited(own_connection, 1.5), own_connection.cursor() as cursor:
        while time.monotonic() - started < 4:
            cursor.execute("SELECT pg_sleep(0.05)")
    assert own_connection.is_usable()


def test_every_call_has_a_limit_beyond_the_statement_time_out(settings):
    from goodlife.operations import deadline

    settings.DATABASE_STATEMENT_TIMEOUT = 10
    assert deadline.call_limit() == 12
    settings.DATABASE_STATEMENT_TIMEOUT = 0
    assert deadline.call_limit() is None


def test_the_server_ends_a_statement_at_the_statement_time_out(own_connection):
    with own_connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("10s",)
        cursor.execute("SET statement_timeout = 300")
        with pytest.raises(OperationalError, match="statement timeout"):
            cursor.execute("SELECT pg_sleep(5)")
