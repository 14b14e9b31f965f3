"""One chronological timeline of everything recorded about a person.

Each app that records something about people registers a ``TimelineSource`` in its
``AppConfig.ready()``: a key and label for the filter, and *feeds* — for each of its
models, the timeline entries one row of it makes. This app never learns what they are.

Entries are written to one table (``TimelineItem``) whenever a row is saved, and read
back with one indexed query per page, keyset-paginated on (time, id): a timeline page
costs the same however long the person's history is and however many apps take part.
Saving a model instance updates its entries through ``post_save``; code that changes rows
with ``QuerySet.update()`` (optimistic locking, demo back-dating) calls ``refresh(obj)``
afterwards. ``rebuild()`` rewrites the whole table from the feeds (after an upgrade that
changes wording or addresses, or after a bulk load) and ``goodlife timeline-rebuild`` runs
it.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from goodlife.people.models import Person, TimelineItem


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.datetime
    kind: str  # the source's key, for filtering
    title: str
    summary: str = ""
    url: str = ""
    actor: str = ""
    tags: tuple[str, ...] = field(default=())

    # Formatted once here rather than by two template filters per entry (the timeline is
    # on every overview).
    @property
    def when_iso(self) -> str:
        return timezone.localtime(self.when).isoformat()

    @property
    def when_text(self) -> str:
        return f"{timezone.localtime(self.when):%-d %B %Y, %H:%M}"


@dataclass(frozen=True)
class Feed:
    """The entries one row of ``model`` makes, and how to find that row's person."""

    model: type
    entries: Callable[[object], Iterable[TimelineEntry]]
    person: str = "person_id"  # attribute path from the row to its person's id
    related: tuple[str, ...] = ()  # select_related for reading rows in bulk
    prefetch: tuple[str, ...] = ()

    def person_id(self, row):
        return attrgetter(self.person)(row)


@dataclass(frozen=True)
class TimelineSource:
    key: str
    label: str  # plural, for the filter: "Conversations"
    feeds: tuple[Feed, ...]
    order: int = 100


_sources: dict[str, TimelineSource] = {}
_feeds: dict[type, Feed] = {}


def register(source: TimelineSource) -> None:
    _sources[source.key] = source
    for feed in source.feeds:
        _feeds[feed.model] = feed
        uid = f"goodlife-timeline-{feed.model._meta.label}"
        post_save.connect(_saved, sender=feed.model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=feed.model, dispatch_uid=uid)


def sources() -> list[TimelineSource]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.label))


def _subject(row) -> str:
    return f"{row._meta.label_lower}:{row.pk}"


def feed_for(model) -> Feed | None:
    return _feeds.get(model)


def items_of(feed: Feed, row) -> list:
    """The ``TimelineItem`` rows one record makes (unsaved)."""
    person_id, subject = feed.person_id(row), _subject(row)
    return [
        TimelineItem(
            person_id=person_id,
            at=e.when,
            kind=e.kind,
            subject=subject,
            title=e.title,
            summary=e.summary,
            url=e.url,
            actor=e.actor,
            tags=list(e.tags),
        )
        for e in feed.entries(row)
    ]


def _rows(feed: Feed):
    """The feed's model, read with what its entries need."""
    return feed.model.objects.select_related(*feed.related).prefetch_related(*feed.prefetch)


def _write(feed: Feed, row) -> None:
    with transaction.atomic(savepoint=False):
        TimelineItem.objects.filter(subject=_subject(row)).delete()
        TimelineItem.objects.bulk_create(items_of(feed, row))


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _write(_feeds[sender], instance)


def _deleted(sender, instance, **kwargs):
    TimelineItem.objects.filter(subject=_subject(instance)).delete()


def refresh(*rows) -> None:
    """Rewrite the entries of rows changed without ``save()`` (for example by
    ``QuerySet.update()``), read afresh from the database."""
    for row in rows:
        feed = _feeds.get(type(row))
        if feed is None:  # a kind of row that makes no entries
            continue
        fresh = _rows(feed).filter(pk=row.pk).first()
        if fresh is None:
            _deleted(type(row), row)
        else:
            _write(feed, fresh)


def rebuild(*, batch: int = 5_000, say: Callable[[str], None] | None = None) -> int:
    """Rewrite every entry from the feeds, a batch at a time; returns how many."""
    total = 0
    with transaction.atomic():
        TimelineItem.objects.all().delete()
        for feed in _feeds.values():
            pending = []
            for row in _rows(feed).order_by("pk").iterator(chunk_size=batch):
                pending.extend(items_of(feed, row))
                if len(pending) >= batch:
                    total += len(TimelineItem.objects.bulk_create(pending))
                    pending.clear()
            total += len(TimelineItem.objects.bulk_create(pending))
            if say:
                say(f"timeline: {feed.model._meta.label} done ({total:,} entries so far)")
    return total


def fill_if_empty() -> None:
    """After migrating a database that has people but no timeline yet (the upgrade that
    brought the table), write it from the feeds."""
    if not TimelineItem.objects.exists() and Person.objects.exists():
        rebuild()


@dataclass(frozen=True)
class Page:
    entries: list
    older: str | None  # the cursor of the next, older page, or None on the last page


def cursor_of(item) -> str:
    return f"{item.at.isoformat()}~{item.pk}"


def parse_cursor(text: str | None):
    """(time, id) from a cursor, or None for a missing or mangled one (the first page)."""
    if not text:
        return None
    at, _, pk = text.rpartition("~")
    if not (pk.isascii() and pk.isdigit() and len(pk) < 19):  # an id the database can hold
        return None
    try:
        when = datetime.datetime.fromisoformat(at)
        # Cursors carry their offset; one without is not ours. Far dates cannot be compared.
        if when.tzinfo is None or not 1900 <= when.astimezone(datetime.UTC).year <= 2100:
            return None
    except (ValueError, OverflowError):
        return None
    return when, int(pk)


def page(person, *, kinds: Iterable[str] | None = None, before=None, limit: int = 30) -> Page:
    """The newest ``limit`` entries older than the cursor ``before``, newest first."""
    items = TimelineItem.objects.filter(person=person)
    if kinds:
        items = items.filter(kind__in=list(kinds))
    position = parse_cursor(before)
    if position is not None:
        at, pk = position
        items = items.filter(Q(at__lt=at) | Q(at=at, pk__lt=pk))
    rows = list(items.order_by("-at", "-pk")[: limit + 1])
    older = cursor_of(rows[limit - 1]) if len(rows) > limit else None
    return Page([r.entry for r in rows[:limit]], older)


def entries_for(person, *, kinds: Iterable[str] | None = None, limit: int = 30) -> list:
    """The newest ``limit`` entries from the chosen kinds, newest first."""
    return page(person, kinds=kinds, limit=limit).entries


def _rows_for(feed: Feed, person_ids):
    return _rows(feed).filter(**{feed.person.replace(".", "__") + "__in": list(person_ids)})


def rebuild_people(person_ids) -> None:
    """Rewrite the timelines of a few people (the demo dates its story back this way)."""
    with transaction.atomic():
        TimelineItem.objects.filter(person_id__in=list(person_ids)).delete()
        items = [
            i
            for feed in _feeds.values()
            for row in _rows_for(feed, person_ids)
            for i in items_of(feed, row)
        ]
        TimelineItem.objects.bulk_create(items)


def computed_for(person_id) -> list[TimelineEntry]:
    """Every entry of a person worked out afresh from the feeds, newest first: what the
    table should hold (tests compare the two)."""
    entries = [
        e
        for feed in _feeds.values()
        for row in _rows_for(feed, [person_id])
        for e in feed.entries(row)
    ]
    return sorted(entries, key=lambda e: (e.when, e.kind, e.title, e.summary), reverse=True)
