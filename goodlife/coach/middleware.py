"""Who is asking, and on which page: the coach needs both to remember a kept wording."""

from contextvars import ContextVar

_request: ContextVar = ContextVar("goodlife_coach_request", default=None)


def current_request():
    return _request.get()


class CoachRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
