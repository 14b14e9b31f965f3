"""A deadline on every PostgreSQL call, kept on this side of the connection.

PostgreSQL's ``statement_timeout`` (DATABASE_STATEMENT_TIMEOUT) ends a slow statement, but
only a server that is running can send that answer. A frozen server, or one behind a
network that drops packets silently, never answers: the kernel still accepts what the app
sends, and the worker would wait until gunicorn kills it and the person gets a dropped
connection. So one thread per process watches every connection. A call that has been in
progress longer than the statement time-out plus ``GRACE_SECONDS`` has had no answer the
server would have given: the watch shuts the connection's socket down, psycopg raises
``OperationalError`` at once, Django discards the connection, and the person gets the
"database unavailable" page (goodlife/operations/errors.py).

The watch reads only what psycopg publishes (the connection's ``transaction_status`` and
``pgconn.socket``), so it covers every kind of call: queries, commits, rollbacks and the
health check Django runs on a kept connection. After a call was cut off, or a connection
could not be made, the same worker does not try to connect again for ``RETRY_SECONDS``:
the rest of that request (its middleware reading the session, say) fails at once rather
than waiting out another connect time-out.
"""

import contextlib
import logging
import os
import socket
import threading
import time
import weakref

import psycopg
from django.conf import settings
from psycopg.pq import TransactionStatus

logger = logging.getLogger(__name__)

# What the server may take to send its own "statement time-out" answer, beyond the limit.
GRACE_SECONDS = 2
# How often the watch looks: a call is cut off at most this much after its deadline.
POLL_SECONDS = 0.2
# After no answer, how long a worker answers "unavailable" without trying to connect.
RETRY_SECONDS = 3

_watched: "weakref.WeakSet" = weakref.WeakSet()
_lock = threading.Lock()
_watching_in_pid: int | None = None


def call_limit() -> float | None:
    """Seconds a call may wait for an answer, or None when statements have no time-out."""
    statement = settings.DATABASE_STATEMENT_TIMEOUT
    return statement + GRACE_SECONDS if statement else None


def guard(wrapper) -> None:
    """Put a Django database connection (one per thread) under the watch."""
    wrapper.call_limit = call_limit()
    wrapper.calls = 0
    wrapper.refuse_until = 0.0
    wrapper.spell = None
    wrapper.execute_wrappers.append(_count_call)
    global _watching_in_pid
    with _lock:
        _watched.add(wrapper)
        if _watching_in_pid != os.getpid():  # first use, or a forked worker
            _watching_in_pid = os.getpid()
            threading.Thread(target=_watch, name="goodlife-database-deadline", daemon=True).start()


def _count_call(execute, sql, params, many, context):
    # Tells one long call from many short ones in a row.
    context["connection"].calls += 1
    return execute(sql, params, many, context)


@contextlib.contextmanager
def limited(wrapper, seconds: float):
    """A shorter deadline for the calls made inside (a load balancer's readiness probe)."""
    before = getattr(wrapper, "call_limit", None)
    if before is None and not hasattr(wrapper, "calls"):
        yield  # not a watched connection (SQLite)
        return
    wrapper.call_limit = seconds if before is None else min(seconds, before)
    try:
        yield
    finally:
        wrapper.call_limit = before


def no_answer(wrapper) -> None:
    """Remember that the database did not answer this connection just now."""
    wrapper.refuse_until = time.monotonic() + RETRY_SECONDS


def refuse_if_unanswered(wrapper) -> None:
    if time.monotonic() < getattr(wrapper, "refuse_until", 0.0):
        raise psycopg.OperationalError(
            "the database did not answer a moment ago; not trying again yet"
        )


def _watch() -> None:
    while True:
        time.sleep(POLL_SECONDS)
        now = time.monotonic()
        with _lock:
            wrappers = list(_watched)
        for wrapper in wrappers:
            try:
                _check(wrapper, now)
            except Exception:  # the watch must outlive anything one connection does
                logger.exception("The database deadline could not check a connection")


def _check(wrapper, now: float) -> None:
    connection = wrapper.connection
    limit = wrapper.call_limit
    if connection is None or limit is None or connection.closed:
        wrapper.spell = None
        return
    if connection.info.transaction_status != TransactionStatus.ACTIVE:
        wrapper.spell = None  # no call in progress
        return
    spell = wrapper.spell
    if spell is None or spell[0] is not connection or spell[1] != wrapper.calls:
        wrapper.spell = (connection, wrapper.calls, now)  # a call first seen in progress
        return
    if now - spell[2] >= limit:
        wrapper.spell = None
        _cut(wrapper, connection, limit)


def _cut(wrapper, connection, limit: float) -> None:
    """Shut the connection's socket down so the waiting call fails now."""
    try:
        fd = connection.pgconn.socket
    except psycopg.Error:
        return  # closed meanwhile
    # A duplicate of the descriptor: shutting it down ends the connection, closing it
    # leaves psycopg's own descriptor for psycopg to close.
    duplicate = os.dup(fd)
    with socket.socket(fileno=duplicate) as sock:
        if connection.closed or wrapper.connection is not connection:
            return  # the connection was closed, and the number reused, before the dup
        no_answer(wrapper)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
    logger.warning(
        "The database did not answer within %s seconds: connection closed (%s)",
        limit,
        wrapper.alias,
    )
