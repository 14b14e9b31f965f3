"""Who is asking, and on which page: the coach needs both.

A coached form's "Keep my wording" button is the coach's own request, made through the
form: it is remembered here, before the view runs (and before the view's transaction), for
a signed-in member of staff whom the page's access rule lets in and who uses the coach.
The view then shows the form again as it was; validating the form writes nothing.
"""

from contextvars import ContextVar

from goodlife.accounts.access import USE_COACH, rule_of
from goodlife.coach import queries, services

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

    def process_view(self, request, view, args, kwargs):
        if request.method != "POST" or queries.KEEP not in request.POST:
            return None
        rule = rule_of(view)
        user = request.user
        if rule is not None and rule.allows(user) and USE_COACH.allows(user):
            services.keep_asked(
                user, path=request.path, value=request.POST[queries.KEEP], sent=request.POST
            )
        return None
