"""Where the current request came from, for audit rows written deep inside services."""

from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None
    path: str
    method: str = ""
    # The signed-in member of staff (lazily loaded), for rows written by signals that are
    # not handed a user: a change to an account made in the administration pages.
    user: object = None
    # Rows that must outlive the request's transaction (refusals), written by the
    # middleware once the view's transaction has committed or rolled back.
    pending: list = field(default_factory=list)


_current: ContextVar[RequestContext | None] = ContextVar("goodlife_audit_request", default=None)


def current() -> RequestContext | None:
    return _current.get()


def set_current(value: RequestContext | None):
    return _current.set(value)


def reset(token) -> None:
    _current.reset(token)


def acting_user():
    """The signed-in member of staff of the current request, or None (a command)."""
    where = current()
    user = where.user if where else None
    return user if user is not None and getattr(user, "is_authenticated", False) else None
