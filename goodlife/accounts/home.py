"""Where each role lands after signing in, chosen by the apps that serve it.

An app registers a home page for a role with a priority; the highest wins. This keeps
accounts free of any knowledge of the apps above it.
"""

_homes: dict[str, tuple[int, str]] = {}


def register(role: str, url_name: str, *, priority: int) -> None:
    current = _homes.get(role)
    if current is None or priority > current[0]:
        _homes[role] = (priority, url_name)


def url_name_for(role: str) -> str | None:
    chosen = _homes.get(role)
    return chosen[1] if chosen else None
