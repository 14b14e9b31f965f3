"""Sessions that stay alive while someone works, without a database write on every page.

A session ends after ``SESSION_COOKIE_AGE`` without use. Django can renew it on every
request (``SESSION_SAVE_EVERY_REQUEST``), but that is a write and a commit on every page
view, which is most of the cost of a cheap page under load. This middleware renews the
session only when its last renewal is more than ``RENEW_AFTER`` seconds old, so an idle
session ends at most a minute earlier than the setting says.
"""

import time

RENEW_AFTER = 60
KEY = "_renewed_at"


def now() -> int:
    return int(time.time())


class RenewSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.session_key is None or session.is_empty():
            return response  # nobody signed in: no session to keep alive, none to create
        renewed_at = now()
        if renewed_at - session.get(KEY, 0) >= RENEW_AFTER:
            session[KEY] = renewed_at  # marks it modified: SessionMiddleware saves it, new expiry
        return response
