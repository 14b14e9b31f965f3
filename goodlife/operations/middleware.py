"""The load balancer's probes are answered first, before any other middleware.

So a probe never reads or writes a session, sets no cookie and waits for nothing but what
it checks, even if it arrives with a browser's cookies. The Host header is still checked
against ALLOWED_HOSTS.
"""

from django.contrib.auth.models import AnonymousUser

from goodlife.operations import views

PROBES = {"/health/live": views.live, "/health/ready": views.ready}


class ProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        request.get_host()  # DisallowedHost (400) for a host not in ALLOWED_HOSTS
        request.user = AnonymousUser()  # a probe never signs in
        response = probe(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response
