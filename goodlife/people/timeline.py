"""One chronological timeline of everything recorded about a person.

Each app that records something about people registers a ``TimelineSource`` in its
``AppConfig.ready()``; this app merges them and never learns what they are. A source
returns its newest entries first, before a point in time, so the timeline pages by time
(keyset) and costs the same however long a person's history is.
"""

import datetime
import heapq
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.datetime
    kind: str  # the source's key, for filtering
    title: str
    summary: str = ""
    url: str = ""
    actor: str = ""
    tags: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class TimelineSource:
    key: str
    label: str  # plural, for the filter: "Conversations"
    # (person, before, limit) -> entries, newest first, all strictly before ``before``
    entries: Callable[[object, datetime.datetime | None, int], Iterable[TimelineEntry]]
    order: int = 100


_sources: dict[str, TimelineSource] = {}


def register(source: TimelineSource) -> None:
    _sources[source.key] = source


def sources() -> list[TimelineSource]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.label))


def entries_for(
    person, *, kinds: Iterable[str] | None = None, before=None, limit: int = 30
) -> list[TimelineEntry]:
    """The newest ``limit`` entries before ``before`` from the chosen kinds, newest first."""
    chosen = [s for s in sources() if kinds is None or s.key in set(kinds)]
    streams = [list(s.entries(person, before, limit)) for s in chosen]
    merged = heapq.merge(*streams, key=lambda e: e.when, reverse=True)
    return list(itertools.islice(merged, limit))
