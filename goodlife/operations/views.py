"""Probes for a load balancer: is this app server alive, and can it reach the database?

Both are public (a load balancer does not sign in), write no session or cookie and leave
no audit row: a probe every few seconds would bury the trail. They answer over plain
HTTP as well as HTTPS (SECURE_REDIRECT_EXEMPT), as load balancers probe app servers
directly.
"""

from django.db import DatabaseError, InterfaceError, connections, transaction
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from goodlife.accounts.access import PUBLIC, access
from goodlife.operations import deadline
from goodlife.operations.errors import RETRY_AFTER_SECONDS

# A probe asks for a quick answer: a database this slow to say "1" is not ready.
READY_SECONDS = 2


def _plain(text: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(text + "\n", content_type="text/plain; charset=utf-8", status=status)
    response.headers["Cache-Control"] = "no-store"
    return response


@access(PUBLIC)
@require_safe
@transaction.non_atomic_requests  # a request in a transaction connects to the database
def live(request):
    """The process answers; the database is not asked."""
    return _plain("live")


@access(PUBLIC)
@require_safe
@transaction.non_atomic_requests
def ready(request):
    """200 when every database answers within READY_SECONDS, 503 otherwise."""
    try:
        for connection in connections.all():
            with deadline.limited(connection, READY_SECONDS), connection.cursor() as cursor:
                cursor.execute("SELECT 1")
    except (DatabaseError, InterfaceError):
        response = _plain("database unavailable", status=503)
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _plain("ready")
