from django.conf import settings

from goodlife.audit import context


def client_ip(request) -> str | None:
    """The client's address; behind N trusted proxies, the Nth address from the right."""
    proxies = getattr(settings, "GOODLIFE_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = context.set_current(
            context.RequestContext(ip_address=client_ip(request), path=request.path[:255])
        )
        try:
            return self.get_response(request)
        finally:
            context.reset(token)
