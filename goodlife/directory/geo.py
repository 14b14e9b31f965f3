"""Distances for the directory: places to coordinates, and miles between them. Plain Python
apart from the place lookup."""

import math
import re

EARTH_RADIUS_MILES = 3958.8


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in miles between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def nearest_miles(origin, points) -> float | None:
    """Miles from the origin to the nearest of the points, to one decimal place; None when
    either is unknown."""
    points = list(points)
    if origin is None or not points:
        return None
    return round(min(miles_between(origin, p) for p in points), 1)


def nearest_by_key(origin, rows) -> dict:
    """From rows of (key, latitude, longitude) — a key once per place — the miles from the
    origin to each key's nearest place; keys with no coordinates are left out."""
    if origin is None:
        return {}
    points: dict = {}
    for key, lat, lon in rows:
        if lat is not None and lon is not None:
            points.setdefault(key, []).append((lat, lon))
    return {key: nearest_miles(origin, found) for key, found in points.items()}


def candidates(text: str) -> list[str]:
    """Names to look a place up by: the full postcode, its outward code, or the place name."""
    cleaned = " ".join(text.upper().split())
    compact = cleaned.replace(" ", "")
    names = [cleaned]
    if re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}", compact):
        names = [f"{compact[:-3]} {compact[-3:]}", compact[:-3]]
    return names


def locate(text: str) -> tuple[float, float] | None:
    from django.db.models.functions import Upper

    from goodlife.directory.models import Place

    if not text or not text.strip():
        return None
    names = candidates(text)
    # Every candidate in one query; the most precise one found wins.
    found = {
        name.upper(): (lat, lon)
        for name, lat, lon in Place.objects.annotate(upper=Upper("name"))
        .filter(upper__in=names)
        .order_by("-id")  # of two places with one name, the first recorded
        .values_list("name", "latitude", "longitude")
    }
    return next((found[name] for name in names if name in found), None)
