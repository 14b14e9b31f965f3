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
# url_name -> (user -> (how many, what they are)): a count shown beside a menu item, such as
# the plans waiting for a manager's sign-off beside My work. Registered by the app that
# knows what is waiting, not by the app that owns the item.
_counts: dict[str, Callable[[object], tuple[int, str]]] = {}


def register_count(url_name: str, count: Callable[[object], tuple[int, str]]) -> None:
    _counts[url_name] = count


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
        entry = {"label": item.label, "href": address, "current": request.path == address}
        if item.url_name in _counts:
            entry["count"], entry["count_of"] = _counts[item.url_name](user)
        result.append(entry)
    return result
