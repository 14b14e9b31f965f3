import uuid

from django.conf import settings

from goodlife.audit import context
from goodlife.audit.models import Action
from goodlife.audit.services import unsaved, write_pending


def client_ip(request) -> str | None:
    """The client's address; behind N trusted proxies, the Nth address from the right."""
    proxies = getattr(settings, "GOODLIFE_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


# What an answer that is not a success says about the request, for its audit row.
def _outcome(status: int) -> tuple[Action, str] | None:
    if status == 404:
        return Action.NOT_FOUND, "Not found"
    if status in (400, 403, 405):
        return Action.ACCESS_REFUSED, "Refused"
    if status >= 500 and status != 503:
        # 503: the database is unavailable, so there is nowhere to write the row.
        return Action.FAILED, "Failed"
    return None


def _person_id(request):
    match = getattr(request, "resolver_match", None)
    value = match.kwargs.get("person_id") if match else None
    if isinstance(value, uuid.UUID):
        return value
    return None


class AuditContextMiddleware:
    """Notes where a request came from, and makes sure the trail keeps what it refused.

    The view runs in its own transaction (ATOMIC_REQUESTS), inside this middleware. A row
    written there rolls back with a failed or refused request: so refusals are kept aside
    and written here afterwards, and a signed-in request that ends in not found, refused
    or failed with no row of its own gets one here. Unsigned 4xx answers (a public feed's
    bad page number, say) are not recorded: anyone could fill the trail with them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = context.RequestContext(
            ip_address=client_ip(request),
            path=request.path[:255],
            method=request.method,
            user=getattr(request, "user", None),
        )
        token = context.set_current(where)
        try:
            response = self.get_response(request)
            self._finish(request, where, response.status_code)
            return response
        finally:
            context.reset(token)

    def _finish(self, request, where, status: int) -> None:
        events = list(where.pending)
        outcome = _outcome(status)
        user = context.acting_user()
        if outcome and not events and (user is not None or status >= 500):
            action, word = outcome
            events.append(
                unsaved(
                    action,
                    user=user,
                    person_id=_person_id(request),
                    summary=f"{word}: {request.method} {request.path}",
                    detail={"status": status, "method": request.method},
                    where=where,
                )
            )
        write_pending(events)
