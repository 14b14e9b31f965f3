"""Sections of My work that other apps contribute (plans waiting for a manager's
sign-off, a manager's answers to the practitioner).

My work belongs to conversations (``practice``); an app beside it registers a section in
its ``plugins.py`` and neither imports the other. Sections render in ``order``, above the
practitioner's own episodes and drafts.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class WorkSection:
    key: str
    template_name: str
    # (request, visible people: a queryset) -> template context, or None to leave it out.
    get_context: Callable[[object, object], dict | None]
    order: int = 100


_sections: dict[str, WorkSection] = {}


def register(section: WorkSection) -> None:
    _sections[section.key] = section


def sections_for(request, visible_people) -> list[tuple[str, dict]]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        context = section.get_context(request, visible_people)
        if context is not None:
            rendered.append((section.template_name, context))
    return rendered
