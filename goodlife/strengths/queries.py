"""What the network page reads beyond its own rows: the people the record mentions."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from goodlife.people import mentions as record_text
from goodlife.strengths import mentions
from goodlife.strengths.models import MemberKind


@dataclass(frozen=True)
class Mentioned:
    """A person named in the record and not on the map, and the address of the add form
    with their name and relationship filled in."""

    name: str
    relationship: str
    places: list
    add_url: str


def _strength_passages(person, strengths, aspirations, offers):
    profile = reverse("strengths:profile", args=[person.pk])
    for s in strengths:
        yield s.description, "A strength", f"{profile}#strengths"
    for a in aspirations:
        yield a.text, "What they hope for", f"{profile}#aspirations"
    for o in offers:
        yield o.what, "What they can offer", f"{profile}#offers"


def people_mentioned(person, *, strengths, aspirations, offers, members) -> list[Mentioned]:
    """People named in the person's current strengths, hopes and offers (rows the page has
    already read), in their own details and in what other apps register with
    ``people.mentions``, who are neither the person nor on the map now."""
    passages = [
        *_strength_passages(person, strengths, aspirations, offers),
        *record_text.passages(person),
    ]
    found = mentions.suggest(
        passages,
        own_names=[person.legal_name, person.preferred_name],
        known_names=[m.name for m in members],
    )
    add = reverse("strengths:add-member", args=[person.pk])
    result = []
    for s in found:
        query = {"name": s.name, "relationship": s.relationship}
        if s.kind in MemberKind.values:
            query["kind"] = s.kind
        query = {k: v for k, v in query.items() if v}
        result.append(Mentioned(s.name, s.relationship, s.places, f"{add}?{urlencode(query)}"))
    return result
