"""Eastbrook's community directory for the demo: 60+ fictional resources with places and
coordinates, the synonyms matching starts from, and postcodes for distances.

The resources are an Open Referral UK feed (feeds/demo_directory.json), read and saved
by the same importer as a council's feed, so every demo exercises it. What ORUK has no
field for (the five ways to wellbeing, free or not, when it was last checked and by whom)
is in each service's "goodlife" extension (docs/directory.md).
"""

import datetime
from pathlib import Path

from django.utils import timezone

from goodlife.directory.models import LOCAL, Place, Service, Synonym
from goodlife.directory.openreferral import import_feed, read_source

FIXTURE = Path(__file__).parent / "feeds" / "demo_directory.json"
SOURCE = "demo"  # what the demo's entries are recorded as coming from
# The day the fixture's check dates count from: the demo moves them by the days since, so
# an entry checked "today" in the fixture is checked on the day the demo is prepared, and
# the few last checked 400 days before are stale whenever it runs.
FIXTURE_TODAY = datetime.date(2026, 12, 1)

# Eastbrook's postcodes and districts (fictional), for distances.
PLACES = {
    "Eastbrook": (52.6369, -1.1340),
    "EB1": (52.6400, -1.1300),
    "EB2": (52.6300, -1.1450),
    "EB3": (52.6450, -1.1150),
    "EB4": (52.6250, -1.1200),
    "EB1 4QT": (52.6350, -1.1300),
    "EB2 7HN": (52.6290, -1.1470),
    "EB1 9DS": (52.6420, -1.1330),
    "EB3 2LP": (52.6460, -1.1160),
    "EB2 1AA": (52.6310, -1.1420),
    "EB4 6RW": (52.6240, -1.1190),
    "EB4 3TF": (52.6260, -1.1230),
}

SYNONYMS = {
    "astronaut": ["space", "astronomy", "science", "planetarium", "rocket", "stars"],
    "space": ["astronomy", "planetarium", "stars", "telescope", "science"],
    "astronomy": ["stars", "telescope", "planetarium", "night sky"],
    "walking": ["walk", "ramble", "outdoors"],
    "teaching": ["reading", "literacy", "tutor", "volunteer"],
    "reading": ["books", "library", "literacy"],
    "church": ["faith", "worship", "parish"],
    "music": ["choir", "singing", "band"],
    "gardening": ["garden", "allotment", "plants"],
    "cooking": ["food", "lunch", "kitchen"],
    "volunteering": ["volunteer", "time bank", "help"],
    "computers": ["digital", "internet", "online", "tablet"],
    "friends": ["social", "company", "club", "café"],
}


def load(borough) -> str | None:
    """Places, synonyms and the directory; only what is missing is added."""
    for name, (lat, lon) in PLACES.items():
        Place.objects.get_or_create(name=name, defaults={"latitude": lat, "longitude": lon})
    for word, related in SYNONYMS.items():
        for other in related:
            Synonym.objects.get_or_create(word=word, related=other)
    records = _missing(list(read_source(str(FIXTURE))))
    if not records:
        return None
    report = import_feed(
        SOURCE,
        [_checked_as_of_today(record) for record in records],
        by=borough.staff["directory@example.org"],
    )
    if report.skipped:
        raise ValueError(f"The demo directory does not import cleanly:\n{report.summary()}")
    return f"Directory entries added: {report.created}." if report.created else None


def _missing(records: list[dict]) -> list[dict]:
    """The fixture's services not in the directory yet: a second run keeps what people have
    changed. A demo prepared before the directory was a feed made them as local entries,
    found by name."""
    imported = set(Service.objects.filter(source=SOURCE).values_list("feed_id", flat=True))
    local = set(Service.objects.filter(source=LOCAL).values_list("name", flat=True))
    return [r for r in records if r["id"] not in imported and r["name"] not in local]


def _checked_as_of_today(record: dict) -> dict:
    """The record with its check moved from the fixture's day to today."""
    goodlife = dict(record["goodlife"])
    checked_on = datetime.date.fromisoformat(goodlife["last_checked_on"])
    goodlife["last_checked_on"] = (checked_on + (timezone.localdate() - FIXTURE_TODAY)).isoformat()
    return {**record, "goodlife": goodlife}
