"""What a page showed, on the audit trail: one decorator for every list and count page.

A page that lists people (a caseload, a team, search results, reviews due) records whom
it showed; a page of figures records what it showed. The row is written after the view,
from what it put in its template's context, and only when the page was shown (a GET
answered 200): a refused or failed request has its own rows, and a redirect shows nothing.
"""

from functools import wraps

from goodlife.audit.models import Action
from goodlife.audit.services import record


def people_ids(rows) -> list[str]:
    """The people behind rows of a page: people themselves, or rows with a ``person``."""
    return [str(getattr(row, "person_id", None) or row.pk) for row in rows]


def audit_shown(summary: str, detail, *, action: Action = Action.VIEW):
    """Audit a page with ``summary`` and ``detail(context)`` (a dict; None records nothing)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            context = getattr(response, "context_data", None)
            if request.method in ("GET", "HEAD") and response.status_code == 200 and context:
                shown = detail(context)
                if shown is not None:
                    record(action, user=request.user, summary=summary, detail=shown)
            return response

        return wrapped

    return decorator
