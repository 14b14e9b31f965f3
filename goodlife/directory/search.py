"""Searching the directory: words, strengths, cost, day and time, distance and access.

Full-text search runs on PostgreSQL (tsvector with a GIN index) and SQLite (FTS5) behind
this one interface; everything else is ordinary filtering.
"""

import re
import uuid
from dataclasses import dataclass, field
from html import escape

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, FloatField, Prefetch, Q
from django.db.models.expressions import RawSQL

from goodlife.directory import geo
from goodlife.directory.models import Service, Status

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WORDS = 8
# Joining words people type that no entry needs to contain ("tea and cake").
IGNORED = {"and", "or", "not", "the", "a", "an", "of", "for", "in", "on", "near"}

ACCESS_NEEDS = {
    "step_free": (
        "Step-free access",
        ("step-free", "step free", "wheelchair", "level access", "ramp"),
    ),
    "hearing_loop": ("Hearing loop", ("hearing loop", "induction loop")),
    "accessible_toilet": ("Accessible toilet", ("accessible toilet", "disabled toilet")),
}


def words_of(text: str) -> list[str]:
    words = [w.lower() for w in WORD.findall(text or "")]
    return [w for w in words if w not in IGNORED][:MAX_WORDS]


def index_text(service) -> str:
    parts = [
        service.name,
        service.organization.name if service.organization_id else "",
        service.description,
        service.eligibility,
        service.fees,
    ]
    parts += [t.name for t in service.terms.all()]
    parts += [f"{loc.name} {loc.address} {loc.postcode}" for loc in service.locations.all()]
    return "\n".join(p for p in parts if p)


def refresh_index(service_ids) -> None:
    """Recompute what search looks in for these services (and the SQLite FTS5 table)."""
    services = Service.objects.filter(pk__in=list(service_ids)).select_related("organization")
    for service in services.prefetch_related("terms", "locations"):
        text = index_text(service)
        Service.objects.filter(pk=service.pk).update(search_text=text)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(
                    "DELETE FROM directory_service_fts WHERE service_id = %s", [service.pk.hex]
                )
                cursor.execute(
                    "INSERT INTO directory_service_fts (service_id, body) VALUES (%s, %s)",
                    [service.pk.hex, text],
                )


def _terms(words: list[str]) -> list[list[str]]:
    """Each word or phrase as its tokens: "night sky" is two tokens that must both match."""
    terms = []
    for word in words:
        tokens = [t.lower() for t in WORD.findall(word)]
        if tokens:
            terms.append(tokens)
    return terms


def _tsquery(terms: list[list[str]], any_word: bool = False) -> str:
    """PostgreSQL's query for the terms: every token a prefix, all of a term's tokens."""
    parts = ["(" + " & ".join(f"{t}:*" for t in tokens) + ")" for tokens in terms]
    return (" | " if any_word else " & ").join(parts)


def _scores(sql: str, query: str, best, *, tiebreak: str, key) -> dict[str, float]:
    """Run a full-text ``sql`` returning (service id, score); with ``best``, only the best."""
    if best is not None:
        sql += f" ORDER BY 2 DESC, {tiebreak} LIMIT {int(best)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [query])
        return {key(row[0]): float(row[1]) for row in cursor.fetchall()}


def _text_matches(
    words: list[str], any_word: bool = False, best: int | None = None
) -> dict[str, float]:
    """Service ids matching the words (all of them, or any), with a relevance rank; only
    the ``best`` ranked (ties by id) when given."""
    terms = _terms(words)
    if not terms:
        return {}
    if connection.vendor == "postgresql":
        query = _tsquery(terms, any_word)
        # search_vector is a stored, generated column (migration 0004): ranking reads it
        # rather than parsing every matching service's text again.
        sql = (
            "SELECT id, ts_rank(search_vector, q) "
            "FROM directory_service, to_tsquery('english', %s) q WHERE search_vector @@ q"
        )
        return _scores(sql, query, best, tiebreak="id", key=str)
    if connection.vendor == "sqlite":
        parts = ["(" + " AND ".join(f'"{t}"*' for t in tokens) + ")" for tokens in terms]
        query = (" OR " if any_word else " AND ").join(parts)
        sql = (
            "SELECT service_id, -bm25(directory_service_fts) FROM directory_service_fts "
            "WHERE directory_service_fts MATCH %s"
        )
        return _scores(sql, query, best, tiebreak="service_id", key=lambda v: str(uuid.UUID(v)))
    # Any other database: plain substring matching, unranked.
    condition = Q()
    for tokens in terms:
        term = Q()
        for t in tokens:
            term &= Q(search_text__icontains=t)
        condition = (condition | term) if any_word else (condition & term)
    return {str(pk): 1.0 for pk in Service.objects.filter(condition).values_list("pk", flat=True)}


def matching_any(words: list[str], best: int | None = None) -> dict[str, float]:
    return _text_matches(words, any_word=True, best=best)


def best_matching_each(word_lists: list[list[str]], best: int) -> list[dict[str, float]]:
    """For each list of words, the ``best`` services matching any of them, by id with
    their rank (as ``matching_any``). On PostgreSQL all the lists are one query."""
    if connection.vendor != "postgresql":
        return [matching_any(words, best=best) for words in word_lists]
    queries = [(n, _tsquery(_terms(words), any_word=True)) for n, words in enumerate(word_lists)]
    queries = [(n, q) for n, q in queries if q]
    found: list[dict[str, float]] = [{} for _ in word_lists]
    if not queries:
        return found
    # One round trip: each list's best matches in a LATERAL subquery over its own query.
    values = ", ".join("(%s::int, %s::text)" for _ in queries)
    sql = (
        f"SELECT q.n, m.id, m.rank FROM (VALUES {values}) AS q(n, query) "  # noqa: S608 - placeholders only
        "CROSS JOIN LATERAL (SELECT id, ts_rank(search_vector, t) AS rank "
        "FROM directory_service, to_tsquery('english', q.query) t WHERE search_vector @@ t "
        f"ORDER BY 2 DESC, id LIMIT {int(best)}) m"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [part for pair in queries for part in pair])
        for n, pk, rank in cursor.fetchall():
            found[n][str(pk)] = float(rank)
    return found


@dataclass
class Filters:
    text: str = ""
    free: bool = False
    day: str = ""  # "MO" … "SU"
    time: object = None  # datetime.time
    offering: str = ""
    near: tuple[float, float] | None = None
    within_miles: float | None = None
    access: list[str] = field(default_factory=list)


@dataclass
class Hit:
    service: Service
    rank: float
    miles: float | None
    name_html: str
    snippet_html: str


def highlight(text: str, words: list[str]) -> str:
    """Escaped text with the searched-for words (and words they begin) in <mark>."""
    if not words:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def snippet(text: str, words: list[str], length: int = 240) -> str:
    text = " ".join(text.split())
    start = 0
    lowered = text.lower()
    positions = [lowered.find(w) for w in words if lowered.find(w) >= 0]
    if positions:
        start = max(min(positions) - 60, 0)
    piece = text[start : start + length]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if start + length < len(text):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return piece


def miles_from(origin, service_ids) -> dict:
    """Miles from the origin to the nearest place of each service that has coordinates,
    by service id, read from the coordinates alone (no services loaded)."""
    if origin is None or not service_ids:
        return {}
    rows = Service.locations.through.objects.filter(
        service_id__in=list(service_ids),
        location__latitude__isnull=False,
        location__longitude__isnull=False,
    ).values_list("service_id", "location__latitude", "location__longitude")
    return geo.nearest_by_key(origin, rows)


MAX_CANDIDATES = 20_000


def _candidates(filters: Filters) -> tuple[list[str], dict, list[tuple], dict]:
    """Every matching service as (id, name), best first, with what ordered them: the
    words searched for, text ranks and distances in miles. Nothing else is loaded."""
    words = words_of(filters.text)
    services = Service.objects.filter(status=Status.ACTIVE)
    ranks: dict[str, float] = {}
    terms = _terms(words)
    ranked_here = bool(terms) and connection.vendor == "postgresql"
    if ranked_here:
        # Matched and ranked in the query that applies the other filters: no list of
        # hundreds of ids sent back to the database.
        query = _tsquery(terms)
        services = services.filter(
            RawSQL(
                "search_vector @@ to_tsquery('english', %s)", [query], output_field=BooleanField()
            )
        ).annotate(
            rank=RawSQL(
                "ts_rank(search_vector, to_tsquery('english', %s))",
                [query],
                output_field=FloatField(),
            )
        )
    elif words:
        ranks = _text_matches(words)
        services = services.filter(pk__in=list(ranks))
    if filters.free:
        services = services.filter(is_free=True)
    if filters.offering:
        services = services.filter(**{f"offers_{filters.offering}": True})
    if filters.day:
        day = Q(schedules__byday__icontains=filters.day)
        if filters.time is not None:
            day &= Q(schedules__opens_at__lte=filters.time, schedules__closes_at__gt=filters.time)
        services = services.filter(day)
    for need in filters.access:
        _, phrases = ACCESS_NEEDS[need]
        condition = Q()
        for phrase in phrases:
            condition |= Q(locations__accessibility__icontains=phrase)
        services = services.filter(condition)
    # Choose the page from ids, ranks and coordinates alone, then load and explain only
    # the services shown: a common word can match thousands of a council's services.
    if filters.day or filters.access:
        services = services.distinct()  # joined to times or places: one row per service
    if ranked_here:
        rows = list(services.values_list("pk", "name", "rank")[:MAX_CANDIDATES])
        candidates = [(pk, name) for pk, name, _ in rows]
        ranks = {str(pk): rank for pk, _, rank in rows}
    else:
        candidates = list(services.values_list("pk", "name")[:MAX_CANDIDATES])
    miles_of = miles_from(filters.near, [pk for pk, _ in candidates])
    if filters.within_miles is not None:
        candidates = [
            (pk, name)
            for pk, name in candidates
            if pk in miles_of and miles_of[pk] <= filters.within_miles
        ]
    candidates.sort(key=lambda c: (-ranks.get(str(c[0]), 0.0), miles_of.get(c[0], 9e9), c[1]))
    return words, ranks, candidates, miles_of


def with_times(services):
    """The services with their weekly times as a plain list, ``service.times``: a list
    rather than ``service.schedules.all()`` spares building a query set per service,
    which cost more than the query itself on a page of twenty."""
    return services.prefetch_related(Prefetch("schedules", to_attr="times"))


def _hits(chosen: list, words: list[str], ranks: dict, miles_of: dict) -> list[Hit]:
    loaded = with_times(Service.objects.select_related("organization")).in_bulk(chosen)
    return [
        Hit(
            service=loaded[pk],
            rank=ranks.get(str(pk), 0.0),
            miles=miles_of.get(pk),
            name_html=highlight(loaded[pk].name, words),
            snippet_html=highlight(snippet(loaded[pk].description, words), words),
        )
        for pk in chosen
    ]


PER_PAGE = 20


@dataclass
class ResultPage:
    hits: list[Hit]
    page: Page  # of (id, name) pairs: the count, the page number and its neighbours


def search_page(filters: Filters, number, per_page: int = PER_PAGE) -> ResultPage:
    """One page of matches, best first. ``number`` is as typed in the address: anything
    that is not a page number shows the first page, a number past the end the last."""
    words, ranks, candidates, miles_of = _candidates(filters)
    page = Paginator(candidates, per_page).get_page(number)
    return ResultPage(_hits([pk for pk, _ in page], words, ranks, miles_of), page)


def search(filters: Filters, limit: int = 50) -> list[Hit]:
    """The best ``limit`` matches."""
    return search_page(filters, 1, per_page=limit).hits


def community_offers(text: str, limit: int = 10):
    """Skills and time that people on the caseload chose to share, matching the words.
    Shown without naming anyone; only offers with the person's consent."""
    from goodlife.strengths.models import Offer

    words = [w for w in words_of(text) if len(w) > 2][:5]
    if not words:
        return []
    condition = Q()
    for w in words:
        condition |= Q(what__icontains=w)
    # Newest first. On PostgreSQL a trigram index finds the matches (strengths 0002); the
    # newest are chosen before their people and teams are joined, not after.
    newest = ("-recorded_at", "-id")
    offers = Offer.objects.filter(condition, share_with_community=True, retired_at__isnull=True)
    chosen = offers.order_by(*newest).values("pk")[:limit]
    return list(
        Offer.objects.filter(pk__in=chosen).select_related("person__team").order_by(*newest)
    )
