"""Sections of the person's overview page that other apps contribute.

An app that builds on people registers a panel in its ``AppConfig.ready()``; this app is
never edited to know about it. Panels render in ``order``, after who the person is.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonPanel:
    key: str
    template_name: str
    # (request, person) -> template context, or None to leave the panel out.
    get_context: Callable[[object, object], dict | None]
    order: int = 100


_panels: dict[str, PersonPanel] = {}


def register(panel: PersonPanel) -> None:
    _panels[panel.key] = panel


def panels_for(request, person) -> list[tuple[str, dict]]:
    rendered = []
    for panel in sorted(_panels.values(), key=lambda p: p.order):
        context = panel.get_context(request, person)
        if context is not None:
            rendered.append((panel.template_name, context))
    return rendered
