"""Typed work is never lost to an expired session.

When a form is submitted after the worker's session has ended, the submission is kept
in the new (anonymous) session and the worker is asked to sign in again. Signing in
keeps the session's data, so when they land back on the page, the view gets what they
typed (``take_typed_work``) and shows it again for them to check and save. It is only
given back to the same member of staff: a signed cookie remembers who last signed in on
this browser.
"""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import JsonResponse, QueryDict
from django.utils import timezone

SESSION_KEY = "goodlife_typed_work"
OWNER_COOKIE = "goodlife_last_user"
OWNER_SALT = "goodlife.typed_work.owner"
# Enough for a long narrative note; anything larger is not kept in the session.
MAX_BYTES = 512 * 1024
KEEP_FOR_SECONDS = 7 * 24 * 60 * 60
_NOT_KEPT = {"csrfmiddlewaretoken", "password"}


def _owner_of(request) -> str | None:
    try:
        return request.get_signed_cookie(OWNER_COOKIE, salt=OWNER_SALT, max_age=KEEP_FOR_SECONDS)
    except (KeyError, signing.BadSignature):
        return None


def take_typed_work(request) -> QueryDict | None:
    """What this worker typed on this page before their session ended, once, or None."""
    kept = request.session.get(SESSION_KEY)
    if not kept or kept.get("path") != request.get_full_path():
        return None
    del request.session[SESSION_KEY]
    if kept.get("owner") != str(request.user.pk):
        return None
    data = QueryDict(mutable=True)
    for name, values in kept["data"].items():
        data.setlist(name, values)
    messages.info(
        request,
        "You were signed out before this was saved. What you typed is below: check it, then save.",
    )
    return data


class KeepTypedWorkMiddleware:
    """Keeps a form submitted with an expired session, and remembers who signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _owner_of(request) != str(user.pk):
            response.set_signed_cookie(
                OWNER_COOKIE,
                str(user.pk),
                salt=OWNER_SALT,
                max_age=KEEP_FOR_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method != "POST"
            or request.user.is_authenticated
            or not getattr(view_func, "login_required", True)
        ):
            return None
        if "application/json" in request.headers.get("Accept", ""):
            # A script saving in the background: it keeps the typing on the page and tells
            # the worker; the page's own submit will be kept when they press save.
            return JsonResponse({"signed_out": True}, status=401)
        data = {k: v for k, v in request.POST.lists() if k not in _NOT_KEPT}
        if len(json.dumps(data)) <= MAX_BYTES:
            request.session[SESSION_KEY] = {
                "path": request.get_full_path(),
                "data": data,
                "owner": _owner_of(request),
                "at": timezone.now().isoformat(),
            }
            messages.info(
                request,
                "Your session had ended, so you need to sign in again. "
                "What you typed has been kept.",
            )
        return redirect_to_login(request.get_full_path())


def submitted(request) -> QueryDict | None:
    """What a form holds: this POST, or this worker's typed work kept over an expired
    session (on the GET after signing in), or nothing."""
    return request.POST if request.method == "POST" else take_typed_work(request)
