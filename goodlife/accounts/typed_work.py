"""Typed work is never lost to a session that timed out.

When a form is submitted after the worker's session reached its idle or absolute limit
(goodlife/accounts/sessions.py), the submission is kept in the session that remembers who
timed out, and the worker is asked to sign in again. Signing in keeps the session's data,
so when they land back on the page, the view gets what they typed (``take_typed_work``)
and shows it again for them to check and save. It is only given back to the member of
staff whose session timed out.

Nothing is kept for a form posted without such a session (a stranger, or a session
signed out by hand), and nothing over ``MAX_BYTES``: the worker is told it was too long
to keep, while their browser's Back button still has it.
"""

import json

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse, QueryDict
from django.utils import timezone

from goodlife.accounts.sessions import TIMED_OUT

SESSION_KEY = "goodlife_typed_work"
# Before sign-out cleared it, this cookie named who last signed in on a browser, for a
# week. Sign-out still deletes it from browsers that have one.
OWNER_COOKIE = "goodlife_last_user"
# A long narrative note is a few thousand characters; 64 KB is ten times that.
MAX_BYTES = 64 * 1024
_NOT_KEPT = {"csrfmiddlewaretoken", "password"}


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
    """Keeps a form submitted just after the worker's session timed out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

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
        timed_out = request.session.get(TIMED_OUT)
        if not timed_out:
            # Not a session that timed out: nothing is written, not even a session.
            return redirect_to_login(request.get_full_path())
        data = {k: v for k, v in request.POST.lists() if k not in _NOT_KEPT}
        if not data:  # a button with nothing typed ("Sign out"): nothing to keep or promise
            return redirect_to_login(request.get_full_path())
        if len(json.dumps(data)) <= MAX_BYTES:
            request.session[SESSION_KEY] = {
                "path": request.get_full_path(),
                "data": data,
                "owner": timed_out["user"],
                "at": timezone.now().isoformat(),
            }
            messages.info(
                request,
                "Your session had ended, so you need to sign in again. "
                "What you typed has been kept.",
            )
        else:
            request.session.pop(SESSION_KEY, None)
            messages.warning(
                request,
                "Your session had ended, so you need to sign in again. What you typed was "
                f"too long to keep (more than {MAX_BYTES // 1024} KB): go back in your browser "
                "to copy it before you sign in.",
            )
        return redirect_to_login(request.get_full_path())


def submitted(request) -> QueryDict | None:
    """What a form holds: this POST, or this worker's typed work kept over an expired
    session (on the GET after signing in), or nothing."""
    return request.POST if request.method == "POST" else take_typed_work(request)
