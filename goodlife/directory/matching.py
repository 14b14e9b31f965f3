"""Suggesting community resources for a person, each with the reason in plain words.

Interests come from the person's aspirations (their tags and words), strengths of the
"interests" kind and what they can offer (which suggests places to give). Related words
come from the council's synonym table (astronaut → space, astronomy …).
"""

import re
import uuid
from dataclasses import dataclass

from django.db.models import F, IntegerField, Q, TextField, Value
from django.db.models.functions import Lower

from goodlife.directory import geo, search
from goodlife.directory.models import DAYS, Service, Status, Synonym
from goodlife.strengths.models import Aspiration

DAY_NAMES = dict(DAYS)
# Words in what people say that are not interests in themselves.
STOP_WORDS = {
    "i",
    "want",
    "to",
    "be",
    "an",
    "a",
    "the",
    "and",
    "of",
    "like",
    "would",
    "me",
    "my",
    "in",
    "on",
    "for",
    "with",
    "who",
    "are",
    "into",
    "get",
    "more",
    "some",
    "way",
    "maybe",
    "again",
    "every",
    "without",
    "about",
    "people",
    "meet",
    "see",
    "go",
    "do",
    "make",
    "find",
    "try",
    "keep",
    "back",
    "out",
    "could",
    "can",
    "will",
    "job",
    "things",
}


@dataclass(frozen=True)
class Interest:
    word: str  # what the person said or was tagged with
    source: str  # "aspiration", "strength", "offer"


@dataclass
class Suggestion:
    service: Service
    interest: str
    score: float
    miles: float | None
    reason: str


# Suggestions follow the interests the person named first; a long history does not make
# the page slower (at most 12 interests, searched together).
MAX_INTERESTS = 12
CANDIDATES_PER_INTEREST = 40


def interests_for(person) -> list[Interest]:
    # "Tom would like to…": the person's own names are never an interest.
    names = set(search.words_of(f"{person.preferred_name} {person.legal_name}".lower()))
    found: dict[str, Interest] = {}
    # The person's current aspirations, interests and offers in one query, oldest first
    # within each; then the aspirations' tags in a second.
    current = {"retired_at__isnull": True}
    rows = sorted(
        _entries(person.aspirations.filter(**current), 0, "text").union(
            _entries(person.strengths.filter(**current, kind="interests"), 1, "description"),
            _entries(person.offers.filter(**current), 2, None),
            all=True,
        ),
        key=lambda row: (row[0], row[3], row[1]),
    )
    aspirations = [(pk, words) for source, pk, words, _ in rows if source == 0]
    tags: dict = {}
    links = Aspiration.interests.through.objects.filter(
        aspiration__in=[pk for pk, _ in aspirations]
    )
    for aspiration_id, name in links.order_by("id").values_list("aspiration_id", "interest__name"):
        tags.setdefault(aspiration_id, []).append(name.lower())
    for pk, text in aspirations:
        # Tags in the order the worker typed them: the first is what the person named first.
        for word in tags.get(pk, []):
            found.setdefault(word, Interest(word, "aspiration"))
        for word in _content_words(text):
            found.setdefault(word, Interest(word, "aspiration"))
    for source, _, description, _ in rows:
        if source == 1:
            for word in _content_words(description):
                found.setdefault(word, Interest(word, "strength"))
    if any(source == 2 for source, *_ in rows):
        found.setdefault("volunteer", Interest("volunteer", "offer"))
    return [i for i in found.values() if i.word not in names][:MAX_INTERESTS]


def _entries(queryset, source: int, text_field: str | None):
    """Rows of (source, id, text, recorded at) for interests_for's one query."""
    text = F(text_field) if text_field else Value("", output_field=TextField())
    return (
        queryset.order_by()
        .annotate(source=Value(source, output_field=IntegerField()), words=text)
        .values_list("source", "pk", "words", "recorded_at")
    )


def _content_words(text: str) -> list[str]:
    return [w for w in search.words_of(text) if len(w) > 2 and w not in STOP_WORDS][:8]


def related_words(word: str, synonyms: list[tuple[str, str]] | None = None) -> list[str]:
    """The word, then what the synonym table relates it to (in the table's order).
    ``synonyms`` (lower-cased pairs in id order) saves a query per word when given."""
    if synonyms is None:
        synonyms = synonym_pairs([word])
    word = word.lower()
    related = [word]
    others = [r for w, r in synonyms if w == word] + [w for w, r in synonyms if r == word]
    for other in others:
        if other not in related:
            related.append(other)
    return related


def synonym_pairs(words) -> list[tuple[str, str]]:
    """The synonym table's rows that mention any of the words, lower-cased, in id order:
    one query for all of a person's interests."""
    words = [w.lower() for w in words]
    rows = (
        Synonym.objects.annotate(w=Lower("word"), r=Lower("related"))
        .filter(Q(w__in=words) | Q(r__in=words))
        .order_by("id")
        .values_list("w", "r")
    )
    return list(rows)


def topic_for(service, words: list[str]) -> str | None:
    """The first of the words that the service's own text mentions."""
    text = service.search_text.lower()
    for word in words:
        if re.search(rf"\b{re.escape(word)}", text):
            return word
    return None


WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"]


def schedule_phrase(schedules) -> str:
    """When it happens, as people say it: "meets on Tuesdays", "is open every day"."""
    codes = []
    for schedule in schedules:
        for code in re.findall(r"[A-Z]{2}", schedule.byday.upper()):
            if code in DAY_NAMES and code not in codes:
                codes.append(code)
    if not codes:
        return ""
    if len(codes) == 7:
        return "is open every day"
    if sorted(codes, key=list(DAY_NAMES).index) == WEEKDAYS:
        return "is open Monday to Friday"
    plural = [f"{DAY_NAMES[c]}s" for c in codes]
    joined = plural[0] if len(plural) == 1 else ", ".join(plural[:-1]) + " and " + plural[-1]
    return f"meets on {joined}" if len(codes) <= 3 else f"is open on {joined}"


def reason_for(person, service, interest: Interest, topic: str, miles: float | None) -> str:
    """For example: "Tom is interested in space: Eastbrook Astronomical Society meets on
    Tuesdays, 0.8 miles away, free"."""
    if interest.source == "offer":
        lead = f"{person.display_name} has something to offer others"
    elif topic != interest.word:
        lead = f"{person.display_name} is interested in {topic} ({interest.word})"
    else:
        lead = f"{person.display_name} is interested in {topic}"
    when = schedule_phrase(service.times)
    extras = []
    if miles is not None:
        extras.append(f"{miles:g} mile{'s' if miles != 1 else ''} away")
    if service.is_free:
        extras.append("free")
    detail = f"{service.name} {when}" if when else service.name
    return f"{lead}: {detail}" + (", " + ", ".join(extras) if extras else "")


def suggest(person, limit: int = 10, interests: list[Interest] | None = None) -> list[Suggestion]:
    """Services that fit the person's interests, best first, each explained by the first
    interest (in the person's order) that it speaks to. Pass ``interests`` when they have
    already been worked out, to save reading them again."""
    origin = geo.locate(person.postcode)
    if interests is None:
        interests = interests_for(person)
    synonyms = synonym_pairs(i.word for i in interests)
    searched = []
    related = [related_words(interest.word, synonyms) for interest in interests]
    matched = search.best_matching_each(related, best=CANDIDATES_PER_INTEREST)
    for interest, words, ranks in zip(interests, related, matched, strict=True):
        # Only the best matches for each interest are weighed: a common word ("group")
        # can match most of a council's directory.
        best = sorted(ranks, key=lambda k: (-ranks[k], k))[:CANDIDATES_PER_INTEREST]
        searched.append((interest, words, ranks, best))
    # Weigh every candidate from its rank, cost and distance alone; load and explain only
    # the services that make the list.
    keys = {uuid.UUID(key) for *_, best in searched for key in best}
    # Name, cost and the coordinates of each place, in one query (a row per place).
    rows = Service.objects.filter(pk__in=keys, status=Status.ACTIVE).values_list(
        "pk", "name", "is_free", "locations__latitude", "locations__longitude"
    )
    facts = {str(pk): (name, is_free) for pk, name, is_free, _, _ in rows}
    miles_of = geo.nearest_by_key(origin, ((str(pk), lat, lon) for pk, _, _, lat, lon in rows))
    weighed: dict[str, list] = {}  # key -> [score, interest's place, interest, words]
    for rank, (interest, words, ranks, best) in enumerate(searched):
        for key in best:
            if key not in facts:
                continue
            score = ranks[key] + (1.0 if interest.source == "aspiration" else 0.5)
            if key in weighed:
                weighed[key][0] = max(weighed[key][0], score)
                continue
            weighed[key] = [score, rank, interest, words]
    for key, weight in weighed.items():
        miles = miles_of.get(key)
        weight[0] += (0.5 if facts[key][1] else 0.0) - min(miles or 0, 10) * 0.05
    # Ties go to what the person named first, then the nearer, then by name: the same
    # order on every database.
    chosen = sorted(
        weighed,
        key=lambda k: (
            -weighed[k][0],
            weighed[k][1],
            miles_of.get(k, float("inf")),  # only services with coordinates have miles
            facts[k][0],
        ),
    )[:limit]
    loaded = search.with_times(Service.objects).in_bulk([uuid.UUID(key) for key in chosen])
    suggestions = []
    for key in chosen:
        score, _, interest, words = weighed[key]
        service, miles = loaded[uuid.UUID(key)], miles_of.get(key)
        topic = topic_for(service, words) or interest.word
        reason = reason_for(person, service, interest, topic, miles)
        suggestions.append(Suggestion(service, topic, score, miles, reason))
    return suggestions
