"""Every create form is saved once, however often it is sent.

A create page's form carries a one-time token (``{% once_token %}``, signed, tied to the
signed-in member of staff, good for a day). The view, wrapped in ``once_only``, first
records the token in a table where it is unique, in the request's own transaction:

- sent twice, one after the other (a double click, a resend after a slow answer), the
  second finds the token taken and is sent where the first went, with a short message;
- sent twice at the same moment, on PostgreSQL the second insert waits for the first
  request to commit and then fails the unique constraint; on SQLite the IMMEDIATE
  transaction mode (settings.py) makes the second request wait for the first altogether;
- a submission that is not saved (the form comes back with errors) gives its token back,
  so the worker can correct it and send it again.

A form sent without a valid token (a page opened more than a day ago or before signing in
as someone else, or a program that left it out) saves nothing; the worker is shown that
nothing was saved and can send what they typed again, now with a fresh token.
"""

import datetime
import secrets
from functools import wraps

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from goodlife.ui.models import SentForm

FIELD = "goodlife_form_token"
LIFETIME = datetime.timedelta(days=1)
_SALT = "goodlife.ui.once"
# Never sent back on the "send it again" page: Django makes a new one, and so do we.
_NOT_RESENT = {"csrfmiddlewaretoken", FIELD, "password"}

ALREADY_SENT = "This had already been sent, so it was not saved a second time. Here it is."
NOT_CHECKED = (
    "This form could not be checked as sent only once: it may have been open for more than "
    "a day, or since someone else signed in on this computer."
)


def new_token(user_id) -> str:
    """A one-time token for a form shown to this member of staff."""
    return signing.TimestampSigner(salt=_SALT).sign(f"{user_id}:{secrets.token_urlsafe(18)}")


def _nonce(request) -> str | None:
    """The unique part of the request's token, if it is this user's and still good."""
    token = request.POST.get(FIELD, "")
    if not token or len(token) > 200:
        return None
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=LIFETIME)
    except signing.BadSignature:  # SignatureExpired too
        return None
    owner, _, nonce = value.rpartition(":")
    if owner != str(request.user.pk) or not nonce:
        return None
    return nonce


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _result_of(response) -> str | None:
    """Where a saved submission led, or None if nothing was saved (the form came back)."""
    result = getattr(response, "once_result", None)
    if result:
        return result
    if response.status_code in (301, 302, 303):
        return response["Location"]
    return None


def once_only(view):
    """Save a create form's submission once: see the module's docstring."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        nonce = _nonce(request)
        if nonce is None:
            return _not_checked(request)
        try:
            with transaction.atomic():
                sent = SentForm.objects.create(token=nonce, user_id=request.user.pk)
        except IntegrityError:
            return _already_sent(request, nonce)
        response = view(request, *args, **kwargs)
        result = _result_of(response)
        if result is None:
            sent.delete()
        else:
            SentForm.objects.filter(pk=sent.pk).update(result=result[:2000])
            SentForm.objects.filter(sent_at__lt=timezone.now() - LIFETIME).delete()
        return response

    # Copied up through the access decorators (functools.wraps), so tests can find it.
    wrapped.once_only = True
    return wrapped


def _already_sent(request, nonce: str):
    sent = SentForm.objects.filter(token=nonce).first()
    result = (sent.result if sent else "") or request.get_full_path()
    if _wants_json(request):
        return JsonResponse({"saved": False, "already_sent": True, "url": result}, status=409)
    messages.info(request, ALREADY_SENT)
    return redirect(result)


def _not_checked(request):
    if _wants_json(request):
        return JsonResponse({"saved": False, "errors": {"__all__": [NOT_CHECKED]}}, status=400)
    kept = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in _NOT_RESENT
        for value in values
    ]
    return TemplateResponse(
        request,
        "ui/form_not_sent.html",
        # As a form shown again with its errors: the page's title starts "Error:".
        {"action": request.get_full_path(), "kept": kept, "message": NOT_CHECKED, "errors": True},
    )
