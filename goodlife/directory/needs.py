"""Unmet needs as commissioners see them: needs, never people.

A worker's description is checked for identifiers before it is saved
(``UnmetNeedForm`` with ``anonymity``); what commissioners are shown is worked out here,
so that a need logged before those checks still names nobody.
"""

import re
from collections import Counter

from django.db.models.functions import Upper

from goodlife.directory import anonymity
from goodlife.directory.models import Place, UnmetNeed
from goodlife.strengths.models import MemberKind, NetworkMember

RECENT = 20


def names_on_record(person) -> dict[str, str]:
    """The names that would identify this person: theirs, and the people in their network."""
    if person is None:
        return {}
    people_kinds = (
        MemberKind.FAMILY,
        MemberKind.FRIEND,
        MemberKind.NEIGHBOUR,
        MemberKind.PROFESSIONAL,
    )
    names = {
        name: "the name of someone in their network"
        for name in NetworkMember.objects.filter(person=person, kind__in=people_kinds).values_list(
            "name", flat=True
        )
    }
    names.update({n: "the person's name" for n in (person.legal_name, person.preferred_name) if n})
    return names


def neighbourhoods_named(typed: str) -> list[str]:
    """The named places (in the Place table, not postcodes) called what was typed."""
    named = Place.objects.annotate(upper=Upper("name")).filter(
        upper=" ".join(typed.split()).upper()
    )
    return [name for name in named.values_list("name", flat=True) if not re.search(r"\d", name)]


def area_shown(area: str) -> str:
    """An area as commissioners see it: a district or a neighbourhood. One logged before
    areas were checked is cut to its postcode district, or not shown."""
    try:
        return anonymity.area_of(area, neighbourhoods=neighbourhoods_named(area))
    except ValueError:
        district = area.split()[0].upper() if area.split() else ""
        return district if anonymity.is_district(district) else "Area not given"


def as_shown(need: UnmetNeed, areas: dict) -> dict:
    """A need as a commissioner sees it. A description logged before descriptions were
    checked that could identify someone is withheld."""
    found = anonymity.identifiers_in(need.what, names=names_on_record(need.person))
    return {
        "what": "" if found else need.what,
        "area": areas.get(need.area) or area_shown(need.area),
        "logged_at": need.logged_at,
        "withheld": bool(found),
    }


def for_commissioners(themes: dict) -> dict:
    """The gaps counted by theme and area, and the newest needs, as commissioners see them."""
    logged = list(UnmetNeed.objects.all().values("theme", "area"))
    areas = {area: area_shown(area) for area in {n["area"] for n in logged}}
    by_theme = Counter(themes.get(n["theme"], n["theme"]) for n in logged)
    by_area = Counter(areas[n["area"]] for n in logged)
    grouped = Counter((themes.get(n["theme"], n["theme"]), areas[n["area"]]) for n in logged)
    recent = [as_shown(n, areas) for n in UnmetNeed.objects.select_related("person")[:RECENT]]
    return {
        "count": len(logged),
        "by_theme": by_theme.most_common(),
        "by_area": by_area.most_common(),
        "grouped": sorted(grouped.items(), key=lambda kv: (-kv[1], kv[0])),
        "recent": recent,
    }
