"""The service navigation, assembled from what each app registers.

Apps add their items in ``AppConfig.ready()``; this module never learns about them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


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


def items_for(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    result = []
    for item in _items:
        if not item.shown_to(user):
            continue
        href = reverse(item.url_name)
        result.append({"label": item.label, "href": href, "current": request.path == href})
    return result
