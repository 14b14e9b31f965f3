"""The service navigation, assembled from what each app registers.

Apps add their items in ``AppConfig.ready()``; this module never learns about them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

from goodlife.accounts.two_factor import owes_code


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    shown_to: Callable[[object], bool]
    order: int = 100


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    if any(existing.url_name == item.url_name for existing in _items):
        return
    _items.append(item)
    _items.sort(key=lambda i: i.order)


@lru_cache(maxsize=256)
def _href(url_name: str, prefix: str, urlconf) -> str:
    return reverse(url_name, urlconf=urlconf)


def href(url_name: str) -> str:
    """A menu item's address: the same on every page, so worked out once per process
    (per mount point and URLconf), not on every page view."""
    return _href(url_name, get_script_prefix(), get_urlconf())


def items_for(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    if owes_code(user):
        return []  # nothing to go to before the sign-in code
    result = []
    for item in _items:
        if not item.shown_to(user):
            continue
        address = href(item.url_name)
        result.append({"label": item.label, "href": address, "current": request.path == address})
    return result
