"""The answer when the database is unavailable: 503 with Retry-After, not a 500 or a hang.

Django turns an exception raised anywhere (a view, or a middleware reading the session)
into a response at the layer where it was raised, through ``handler500``; outer
middleware only ever sees that response. So the one place to tell "the database did not
answer" from a fault in Goodlife is here, from the exception being handled. The page is
rendered without the request's context: no ``request.user``, no context processor, nothing
that would ask the database again.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

from goodlife.ui import once
from goodlife.ui.middleware import CONTENT_SECURITY_POLICY

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# Sent back with the form, never shown: they are not what the person typed.
_NOT_SHOWN = {"csrfmiddlewaretoken", "version", "autosave", once.FIELD}
_NOT_KEPT = {"password"}


def database_unavailable(exc: BaseException | None) -> bool:
    return isinstance(exc, OperationalError | InterfaceError)


def server_error(request, template_name="500.html"):
    """Goodlife's handler500: 503 when the database is unavailable, Django's 500 otherwise."""
    if database_unavailable(sys.exc_info()[1]):
        return unavailable(request)
    return defaults.server_error(request, template_name=template_name)


def unavailable(request) -> HttpResponse:
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"database_unavailable": True}, status=503)
    else:
        response = HttpResponse(_page(request), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # What was typed may be on the page: it must not stay in any cache.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


def _typed(request) -> tuple[list[tuple[str, str]], bool]:
    """The fields of a form sent by POST, to send again; and whether files were left out."""
    if request.method != "POST":
        return [], False
    try:
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in _NOT_KEPT
            for value in values
        ]
        return fields, bool(request.FILES)
    except Exception:  # an unreadable body: there is nothing to give back
        return [], False


def _page(request) -> str:
    fields, files_left_out = _typed(request)
    context = {
        "council_name": settings.GOODLIFE_COUNCIL_NAME,
        "sent": request.method == "POST",
        "path": request.get_full_path(),
        "fields": fields,
        "shown": [
            (name.replace("_", " ").capitalize(), value)
            for name, value in fields
            if name not in _NOT_SHOWN and value.strip()
        ],
        "files_left_out": files_left_out,
    }
    try:
        return render_to_string("503.html", context)
    except Exception:  # the page must not fail as well: plain words instead
        logger.exception("The database unavailable page could not be rendered")
        return (
            "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
            "<title>Sorry, Goodlife cannot reach its records</title></head><body><main>"
            "<h1>Sorry, Goodlife cannot reach its records</h1><p>Goodlife's database did "
            "not answer, so nothing from your last action was saved. Try again in a "
            "minute.</p></main></body></html>"
        )
