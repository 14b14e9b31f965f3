"""Sessions end as a council's policy says: after an idle limit, and at an absolute limit.

``GOODLIFE_SESSION_IDLE_MINUTES`` without use (default 60) or ``GOODLIFE_SESSION_MAX_HOURS``
after signing in (default 10), whichever comes first, the session is signed out. The
cookie itself lasts only until the browser closes (``SESSION_EXPIRE_AT_BROWSER_CLOSE``).

The limits are enforced here, not by the session row's expiry, so that a timed-out
session can still be told from a stranger: the first request after the limit replaces
the signed-in session with a new one (a new key) that holds only who timed out and when.
A form posted then is kept for them (goodlife/accounts/typed_work.py); a form posted with
no session at all is not. The row of a session that ended is kept for
``GOODLIFE_TYPED_WORK_HOURS`` more so the worker can come back to their typing, then
``clearsessions`` (scheduled in docs/deploy.md) removes it.

Use renews the session, but only when its last renewal is more than ``RENEW_AFTER``
seconds old: a write on every page view would be most of the cost of a cheap page under
load. So an idle session ends at most a minute before the idle limit.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.dispatch import receiver

from goodlife.audit import context
from goodlife.audit.middleware import client_ip
from goodlife.audit.models import Action
from goodlife.audit.services import record

RENEW_AFTER = 60
KEY = "_renewed_at"
SIGNED_IN_AT = "_signed_in_at"
TIMED_OUT = "goodlife_timed_out"
IDLE = "idle"
ABSOLUTE = "absolute"


def now() -> int:
    return int(time.time())


def idle_seconds() -> int:
    return settings.GOODLIFE_SESSION_IDLE_MINUTES * 60


def max_seconds() -> int:
    return settings.GOODLIFE_SESSION_MAX_HOURS * 60 * 60


def keep_seconds() -> int:
    return settings.GOODLIFE_TYPED_WORK_HOURS * 60 * 60


def ends_at(session) -> tuple[int, str]:
    """When a signed-in session ends, and which limit ends it."""
    signed_in_at = session.get(SIGNED_IN_AT, 0)
    idle_end = session.get(KEY, signed_in_at) + idle_seconds()
    absolute_end = signed_in_at + max_seconds()
    return (idle_end, IDLE) if idle_end < absolute_end else (absolute_end, ABSOLUTE)


class SessionStore(DatabaseSessionStore):
    """Django's database sessions, with each row kept only as long as it can be used.

    With a browser-session cookie, the "cookie age" sets nothing but the row's
    ``expire_date`` (what ``clearsessions`` reads): a signed-in session's row lasts until
    its idle or absolute limit, plus the time its typed work may still be rescued.
    """

    def get_session_cookie_age(self):
        if self.get(SESSION_KEY):
            return max(0, ends_at(self)[0] + keep_seconds() - now())
        timed_out = self.get(TIMED_OUT)
        if timed_out:
            return max(0, timed_out["at"] + keep_seconds() - now())
        return settings.SESSION_COOKIE_AGE


@receiver(user_logged_in)
def _started(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    started = now()
    session[SIGNED_IN_AT] = started
    session[KEY] = started
    session.pop(TIMED_OUT, None)


def _end(request, session, why: str) -> None:
    """Sign the session out; a new session (a new key) remembers only who timed out."""
    user = get_user_model().objects.filter(pk=session.get(SESSION_KEY)).first()
    session.flush()
    if user is None:
        return
    if why == IDLE:
        summary = f"Signed out after {settings.GOODLIFE_SESSION_IDLE_MINUTES} minutes unused"
    else:
        summary = f"Signed out at the {settings.GOODLIFE_SESSION_MAX_HOURS}-hour session limit"
    # Before the request's own audit context is set (this runs just after the session
    # is read), so the row is given where it came from here.
    token = context.set_current(
        context.RequestContext(ip_address=client_ip(request), path=request.path[:255])
    )
    try:
        record(Action.SIGN_OUT, user=user, summary=summary)
    finally:
        context.reset(token)
    session[TIMED_OUT] = {"user": str(user.pk), "at": now(), "why": why}


class SessionLimitsMiddleware:
    """Ends a session past its idle or absolute limit; renews one in use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            end, why = ends_at(session)
            if now() >= end:
                _end(request, session, why)
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.session_key is None or not session.get(SESSION_KEY):
            return response  # nobody signed in: no session to keep alive, none to create
        renewed_at = now()
        if renewed_at - session.get(KEY, 0) >= RENEW_AFTER:
            session[KEY] = renewed_at  # marks it modified: SessionMiddleware saves it, new expiry
        return response
