"""Sessions put in the states the pages would leave them in, for tests and benchmarks
(the pages that get them there are tested in tests/accounts)."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django_otp import DEVICE_ID_SESSION_KEY

from goodlife.accounts.models import AuthenticatorApp
from goodlife.accounts.sessions import KEY, SIGNED_IN_AT, SessionStore, idle_seconds, now
from goodlife.accounts.two_factor import APP


def mark_code_given(client, user) -> None:
    """A test client's session as if the user had set up an app and given its code."""
    device = AuthenticatorApp.objects.filter(user=user, confirmed=True).first() or (
        AuthenticatorApp.objects.create(user=user, name=APP, confirmed=True)
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def time_out_sessions() -> None:
    """Every signed-in session as if left unused past the idle limit (its next request
    finds it timed out, as a worker back from a long call would)."""
    long_ago = now() - idle_seconds() - 1
    for key in Session.objects.values_list("session_key", flat=True):
        session = SessionStore(key)
        if session.get(SESSION_KEY):
            session[KEY] = long_ago
            session[SIGNED_IN_AT] = min(session.get(SIGNED_IN_AT, long_ago), long_ago)
            session.save()
