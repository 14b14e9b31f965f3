"""Suggesting community resources for a person, each with the reason in plain words.

Interests come from the person's aspirations (their tags and words), strengths of the
"interests" kind and what they can offer (which suggests places to give). Related words
come from the council's synonym table (astronaut → space, astronomy …).
"""

import re
from dataclasses import dataclass

from goodlife.directory import geo, search
from goodlife.directory.models import DAYS, Service, Status, Synonym

DAY_NAMES = dict(DAYS)
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


def interests_for(person) -> list[Interest]:
    found: dict[str, Interest] = {}
    for aspiration in person.aspirations.filter(retired_at__isnull=True).prefetch_related(
        "interests"
    ):
        for tag in aspiration.interests.all():
            found.setdefault(tag.name.lower(), Interest(tag.name.lower(), "aspiration"))
        for word in _content_words(aspiration.text):
            found.setdefault(word, Interest(word, "aspiration"))
    for strength in person.strengths.filter(retired_at__isnull=True, kind="interests"):
        for word in _content_words(strength.description):
            found.setdefault(word, Interest(word, "strength"))
    if person.offers.filter(retired_at__isnull=True).exists():
        found.setdefault("volunteer", Interest("volunteer", "offer"))
    return list(found.values())


def _content_words(text: str) -> list[str]:
    return [w for w in search.words_of(text) if len(w) > 2 and w not in STOP_WORDS][:8]


def related_words(word: str) -> list[str]:
    """The word and what the synonym table relates it to, in both directions."""
    related = {word}
    related.update(Synonym.objects.filter(word__iexact=word).values_list("related", flat=True))
    related.update(Synonym.objects.filter(related__iexact=word).values_list("word", flat=True))
    return sorted(w.lower() for w in related)


def schedule_phrase(service) -> str:
    days = []
    for schedule in service.schedules.all():
        for code in re.findall(r"[A-Z]{2}", schedule.byday.upper()):
            if code in DAY_NAMES and DAY_NAMES[code] not in days:
                days.append(DAY_NAMES[code])
    if not days:
        return ""
    plural = [f"{d}s" for d in days]
    joined = plural[0] if len(plural) == 1 else ", ".join(plural[:-1]) + " and " + plural[-1]
    return f"meets on {joined}"


def reason_for(person, service, interest: str, miles: float | None) -> str:
    """For example: "Tom is interested in space: the astronomy society meets on Tuesdays,
    0.8 miles away, free"."""
    parts = [p for p in (schedule_phrase(service),) if p]
    if miles is not None:
        parts.append(f"{miles:g} mile{'s' if miles != 1 else ''} away")
    if service.is_free:
        parts.append("free")
    lead = f"{person.display_name} is interested in {interest}"
    detail = (
        f"{service.name} {parts[0]}" if parts and parts[0].startswith("meets") else service.name
    )
    rest = parts[1:] if parts and parts[0].startswith("meets") else parts
    return f"{lead}: {detail}" + (", " + ", ".join(rest) if rest else "")


def suggest(person, limit: int = 10) -> list[Suggestion]:
    """Services that fit the person's interests, best first. A service matched by several
    interests is explained by the one the person named first."""
    origin = geo.locate(person.postcode)
    found: dict[str, Suggestion] = {}
    for interest in interests_for(person):
        ranks = search.matching_any(related_words(interest.word))
        if not ranks:
            continue
        services = Service.objects.filter(pk__in=list(ranks), status=Status.ACTIVE)
        for service in services.prefetch_related("schedules", "locations"):
            key = str(service.pk)
            score = ranks[key] + (1.0 if interest.source == "aspiration" else 0.5)
            if key in found:
                found[key].score = max(found[key].score, score)
                continue
            miles = search.nearest_miles(service, origin)
            found[key] = Suggestion(service, interest.word, score, miles, "")
    for suggestion in found.values():
        suggestion.score += (0.5 if suggestion.service.is_free else 0.0) - min(
            suggestion.miles or 0, 10
        ) * 0.05
        suggestion.reason = reason_for(
            person, suggestion.service, suggestion.interest, suggestion.miles
        )
    return sorted(found.values(), key=lambda s: -s.score)[:limit]
