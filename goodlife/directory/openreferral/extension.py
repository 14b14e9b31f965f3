"""Goodlife's own fields on an Open Referral UK service, under the key "goodlife": what
Open Referral has no field for (docs/directory.md).

    "goodlife": {
        "offers": ["connect", "learn"],      the five ways to wellbeing it offers
        "is_free": true,                     free to the person
        "last_checked_on": "2026-12-01",     when a Goodlife directory editor checked it
        "last_checked_by": "ellen@..."       who checked it: read, never published
    }

A feed without the key is read as before: the ways to wellbeing guessed from its words,
free when its fees or costs say so, and never checked here. ORUK's own ``assured_date`` is
not read as a check: a publisher's assurance is not a directory editor's check.
"""

import datetime
from dataclasses import dataclass

from goodlife.directory.models import OFFERINGS, Service
from goodlife.directory.openreferral.values import date_in, is_email_address

EXTENSION = "goodlife"


@dataclass(frozen=True)
class GoodlifeFields:
    """What a record's extension says, where it says it well; None where it is silent."""

    offers: tuple[str, ...] | None = None
    is_free: bool | None = None
    last_checked_on: datetime.date | None = None
    last_checked_by: str = ""


def read_extension(record: dict) -> GoodlifeFields:
    """The well-formed parts of a record's Goodlife extension: a way to wellbeing we do not
    know, a date that is not one or an address that is not an email address is left out."""
    data = record.get(EXTENSION)
    if not isinstance(data, dict):
        return GoodlifeFields()
    offers = data.get("offers")
    if isinstance(offers, list):
        offers = tuple(key for key, _ in OFFERINGS if key in offers)
    is_free = data.get("is_free")
    checked_on = date_in(data.get("last_checked_on"))
    checked_by = data.get("last_checked_by")
    checked_by = checked_by.strip().lower() if isinstance(checked_by, str) else ""
    return GoodlifeFields(
        offers=offers if isinstance(offers, tuple) else None,
        is_free=is_free if isinstance(is_free, bool) else None,
        last_checked_on=checked_on,
        last_checked_by=checked_by if checked_on and is_email_address(checked_by) else "",
    )


def extension_of(service: Service) -> dict:
    """A service's Goodlife extension as published: who checked it stays out of an open
    feed, which holds nothing about people."""
    data = {
        "offers": [key for key, _ in OFFERINGS if getattr(service, f"offers_{key}")],
        "is_free": service.is_free,
    }
    if service.last_checked_on:
        data["last_checked_on"] = service.last_checked_on.isoformat()
    return data
