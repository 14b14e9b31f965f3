"""Where the current request came from, for audit rows written deep inside services."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None
    path: str


_current: ContextVar[RequestContext | None] = ContextVar("goodlife_audit_request", default=None)


def current() -> RequestContext | None:
    return _current.get()


def set_current(value: RequestContext | None):
    return _current.set(value)


def reset(token) -> None:
    _current.reset(token)
