"""Free text in a person's record, gathered so the network map can offer the people it
names (strengths/mentions.py finds them).

The people app gives its own: what matters to the person and how they like to
communicate. An app beside strengths (conversations) that holds more registers a source
in its ``plugins.register_all()`` so that strengths reads that text without importing it:
``register(source)``, where ``source(person)`` yields ``(text, where, url)`` for each
passage: the text, a few words saying where it was written ("Conversation record, 3 March
2026") and the address of that page. A source makes at most one query, however long the
person's history.
"""

from collections.abc import Callable, Iterable

from django.urls import reverse

Passage = tuple[str, str, str]
Source = Callable[[object], Iterable[Passage]]

_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    """Add a source of passages; registering the same function again replaces it."""
    _sources[f"{source.__module__}.{source.__qualname__}"] = source


def own_words(person) -> Iterable[Passage]:
    url = reverse("people:overview", args=[person.pk])
    yield person.what_matters, "What matters to me", url
    yield person.communication_needs, "How I like to communicate", url


def passages(person) -> list[Passage]:
    """Every registered passage about ``person`` that has text, the person's own first."""
    found = list(own_words(person))
    for source in _sources.values():
        found.extend(source(person))
    return [p for p in found if p[0] and p[0].strip()]
