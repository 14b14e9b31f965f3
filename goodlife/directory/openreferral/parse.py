"""Reading one Open Referral UK service record (version 3, or version 2) into plain data.

A record we cannot trust (no id, no name or one too long, a broken web or email address, an
unknown status, objects nested deeper than any ORUK record) raises MalformedRecord with the
reason; anything else is cleaned and kept.
"""

import datetime
import decimal
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, replace

from goodlife.directory.models import OFFERINGS, Status
from goodlife.directory.openreferral.extension import read_extension
from goodlife.directory.openreferral.values import (
    RAW_TEXT_LIMIT,
    URL_LIMIT,
    amount_in,
    days_in,
    dicts_in,
    identifier_in,
    is_email_address,
    is_present,
    is_web_address,
    number_in,
    plain_text,
    quoted,
    time_in,
    whole_number_in,
)

NO_ID = "(no id)"
NAME_LIMIT = 300  # Service.name
# An ORUK service is nested about six levels deep (service, locations, address ...).
DEPTH_LIMIT = 20

ID_LIMIT = 200  # FeedRecord.feed_id
SOURCE_LIMIT = 200  # FeedRecord.source

STATUSES = {value for value, _ in Status.choices}

# Words in a name, description or taxonomy term that suggest one of the five ways to
# wellbeing. A guess from the feed's words: staff correct it on the entry.
OFFERING_WORDS = {
    "connect": r"social\w*|clubs?|groups?|friendships?|caf[eé]s?|coffee|meet(?:s|ing|ings|ups?)?",
    "be_active": r"walk\w*|exercis\w*|sports?|sporting|gyms?|swim\w*|danc\w*|yoga|active",
    "learn": r"learn\w*|courses?|class(?:es)?|librar(?:y|ies)|skills?|training|educat\w*",
    "give": r"volunteer\w*|time ?banks?|giv(?:e|es|ing)|help(?:ing)? others",
    "take_notice": r"garden\w*|nature|mindful\w*|arts?|artists?|museums?|astronom\w*|music\w*",
}
OFFERING_PATTERNS = {
    key: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for key, words in OFFERING_WORDS.items()
}

FREE_WORDS = re.compile(r"\bfree\b|\bno charge\b", re.IGNORECASE)


class MalformedRecord(Exception):
    """A feed record that cannot be imported, with the reason in plain words."""

    def __init__(self, reason: str, record_id: str = NO_ID):
        super().__init__(reason)
        self.reason = reason
        self.record_id = record_id


def without_nul(value, depth: int = 0):
    """A record as read, with NUL characters taken out of every string (PostgreSQL cannot
    store them and they mean nothing in a directory); MalformedRecord when it is nested
    deeper than DEPTH_LIMIT."""
    if depth > DEPTH_LIMIT:
        raise MalformedRecord(f"nested more than {DEPTH_LIMIT} levels deep")
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(k, depth + 1): without_nul(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(item, depth + 1) for item in value]
    return value


@dataclass(frozen=True)
class ParsedOrganization:
    feed_id: str
    name: str
    description: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class ParsedLocation:
    feed_id: str
    name: str = ""
    description: str = ""
    address: str = ""
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    accessibility: str = ""


@dataclass(frozen=True)
class ParsedTerm:
    feed_id: str
    name: str
    taxonomy: str = ""


@dataclass(frozen=True)
class ParsedSchedule:
    feed_id: str = ""
    byday: str = ""
    opens_at: datetime.time | None = None
    closes_at: datetime.time | None = None
    freq: str = ""
    description: str = ""


@dataclass(frozen=True)
class ParsedCostOption:
    feed_id: str = ""
    option: str = ""
    amount: decimal.Decimal | None = None
    amount_description: str = ""


@dataclass(frozen=True)
class ParsedContact:
    feed_id: str = ""
    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ParsedService:
    feed_id: str
    name: str
    description: str = ""
    url: str = ""
    email: str = ""
    phone: str = ""
    status: str = Status.ACTIVE.value
    fees: str = ""
    is_free: bool = False
    eligibility: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    languages: str = ""
    offers: tuple[str, ...] = ()
    organization: ParsedOrganization | None = None
    locations: tuple[ParsedLocation, ...] = ()
    terms: tuple[ParsedTerm, ...] = ()
    schedules: tuple[ParsedSchedule, ...] = ()
    cost_options: tuple[ParsedCostOption, ...] = ()
    contacts: tuple[ParsedContact, ...] = ()
    last_checked_on: datetime.date | None = None
    last_checked_by: str = ""  # an email address, matched to a user when it is saved
    feed_hash: str = field(default="", compare=False)


def _problems(record: dict, name: str) -> list[str]:
    """Reasons a record cannot be imported, in plain words (empty when it can)."""
    problems = []
    raw = record.get("name")
    if len(name) > NAME_LIMIT or (not name and isinstance(raw, str) and len(raw) > NAME_LIMIT):
        length = len(name) if name else len(raw)
        problems.append(f"name is longer than {NAME_LIMIT} characters (it has {length:,})")
    elif not name:
        problems.append("name is missing")
    url = record.get("url")
    if isinstance(url, str) and len(url.strip()) > URL_LIMIT:
        problems.append(f"url is longer than {URL_LIMIT} characters")
    elif is_present(url) and not is_web_address(url.strip() if isinstance(url, str) else url):
        problems.append(f"url {quoted(url)} is not a web address (http or https)")
    email = record.get("email")
    if is_present(email) and not is_email_address(
        email.strip() if isinstance(email, str) else email
    ):
        problems.append(f"email {quoted(email)} is not an email address")
    status = record.get("status")
    if is_present(status) and (
        not isinstance(status, str) or status.strip().lower() not in STATUSES
    ):
        problems.append(
            f"status {quoted(status)} is not one of active, inactive, defunct, temporarily closed"
        )
    return problems


def parse_service(record: dict) -> ParsedService:
    """One ORUK service (version 3 or 2) as plain data, or MalformedRecord with the reason."""
    if not isinstance(record, dict):
        raise MalformedRecord("not a service object")
    feed_id = identifier_in(record.get("id"))
    if not feed_id:
        raise MalformedRecord("id is missing")
    if len(feed_id) > ID_LIMIT:
        raise MalformedRecord(f"id is longer than {ID_LIMIT} characters", feed_id[:40] + "…")
    # Read in full, so that a name too long is reported rather than cut short.
    name = plain_text(record.get("name"), RAW_TEXT_LIMIT)
    problems = _problems(record, name)
    if problems:
        raise MalformedRecord("; ".join(problems), feed_id)

    description = plain_text(record.get("description"))
    fees = plain_text(record.get("fees"))
    terms = _terms(record)
    cost_options = _cost_options(record)
    status = record.get("status")
    # Goodlife's own fields, where a feed has them, replace what is otherwise guessed.
    goodlife = read_extension(record)
    offers = goodlife.offers
    if offers is None:
        offers = offerings_in(name, description, *(term.name for term in terms))
    is_free = goodlife.is_free
    if is_free is None:
        is_free = _is_free(fees, cost_options)
    parsed = ParsedService(
        feed_id=feed_id,
        name=name,
        description=description,
        url=record["url"].strip() if is_present(record.get("url")) else "",
        email=record["email"].strip() if is_present(record.get("email")) else "",
        phone=_phone(record),
        status=status.strip().lower() if is_present(status) else Status.ACTIVE.value,
        fees=fees,
        is_free=is_free,
        eligibility=plain_text(record.get("eligibility_description") or record.get("eligibility")),
        minimum_age=whole_number_in(record.get("minimum_age")),
        maximum_age=whole_number_in(record.get("maximum_age")),
        languages=_languages(record.get("languages")),
        offers=offers,
        organization=_organization(record),
        locations=_locations(record, feed_id),
        terms=terms,
        schedules=_schedules(record),
        cost_options=cost_options,
        contacts=_contacts(record),
        last_checked_on=goodlife.last_checked_on,
        last_checked_by=goodlife.last_checked_by,
    )
    return replace(parsed, feed_hash=fingerprint(parsed))


def fingerprint(parsed: ParsedService) -> str:
    """A sha256 of the parsed record: the same data always gives the same fingerprint."""
    data = asdict(parsed)
    data.pop("feed_hash")
    # A record without contacts, or without a Goodlife check, keeps the fingerprint it had
    # before those were read, so the first import after that change does not rewrite every
    # such service.
    for key in ("contacts", "last_checked_on", "last_checked_by"):
        if not data[key]:
            del data[key]
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def offerings_in(*texts: str) -> tuple[str, ...]:
    """Which of the five ways to wellbeing these words suggest, in OFFERINGS order."""
    text = "\n".join(texts)
    return tuple(key for key, _ in OFFERINGS if OFFERING_PATTERNS[key].search(text))


def _is_free(fees: str, cost_options: tuple[ParsedCostOption, ...]) -> bool:
    """Free only when the feed says so: the fees say free, or every cost is zero."""
    if FREE_WORDS.search(fees):
        return True
    return bool(cost_options) and all(
        option.amount is not None and option.amount == 0 for option in cost_options
    )


def _phone(record: dict) -> str:
    phones = dicts_in(record.get("phones"))
    for contact in dicts_in(record.get("contacts")):
        phones += dicts_in(contact.get("phones"))
    return _first_number(phones)


def _first_number(phones: list[dict]) -> str:
    """The first phone number that fits in the directory, its spacing tidied."""
    for phone in phones:
        number = " ".join(identifier_in(phone.get("number")).split())
        if number and len(number) <= 40:
            return number
    return ""


def _contacts(record: dict) -> tuple[ParsedContact, ...]:
    """Named contacts (version 3 and 2 alike): a broken email address is dropped, not the
    contact, and never the service."""
    contacts = []
    for entry in dicts_in(record.get("contacts")):
        email = entry.get("email")
        email = email.strip() if isinstance(email, str) else ""
        contact = ParsedContact(
            feed_id=identifier_in(entry.get("id"))[:ID_LIMIT],
            name=plain_text(entry.get("name"), 200),
            title=plain_text(entry.get("title"), 200),
            email=email if is_email_address(email) else "",
            phone=_first_number(dicts_in(entry.get("phones"))),
        )
        if contact.name or contact.title or contact.email or contact.phone:
            contacts.append(contact)
    return tuple(contacts)


def _languages(value) -> str:
    names: list[str] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            item = item.get("name") or item.get("language") or item.get("code")
        name = plain_text(item, 60)
        if name and name not in names:
            names.append(name)
    joined = ", ".join(names)
    return joined if len(joined) <= 300 else joined[:300].rsplit(",", 1)[0]


def _organization(record: dict) -> ParsedOrganization | None:
    data = record.get("organization")
    if not isinstance(data, dict):
        return None
    name = plain_text(data.get("name"), 300)
    if not name:
        return None
    email = data.get("email")
    email = email.strip() if isinstance(email, str) else ""
    websites = [w.strip() for w in (data.get("website"), data.get("url")) if isinstance(w, str)]
    website = next((w for w in websites if w), "")  # "url" in version 2
    return ParsedOrganization(
        feed_id=identifier_in(data.get("id") or record.get("organization_id"))[:ID_LIMIT],
        name=name,
        description=plain_text(data.get("description")),
        email=email if is_email_address(email) else "",
        website=website if is_web_address(website) else "",
    )


def _terms(record: dict) -> tuple[ParsedTerm, ...]:
    """Taxonomy terms from version 3 ``attributes`` and version 2 ``service_taxonomys``."""
    found = [item.get("taxonomy_term") for item in dicts_in(record.get("attributes"))]
    found += [item.get("taxonomy") for item in dicts_in(record.get("service_taxonomys"))]
    terms: dict[tuple[str, str], ParsedTerm] = {}
    for term in found:
        if not isinstance(term, dict):
            continue
        name = plain_text(term.get("name") or term.get("term"), 300)
        if not name:
            continue
        taxonomy = term.get("taxonomy") or term.get("vocabulary")
        if isinstance(taxonomy, dict):
            taxonomy = taxonomy.get("name")
        feed_id = identifier_in(term.get("id"))[:ID_LIMIT]
        terms.setdefault(
            (feed_id, name.lower()), ParsedTerm(feed_id, name, plain_text(taxonomy, 200))
        )
    return tuple(terms.values())


def _locations(record: dict, service_id: str) -> tuple[ParsedLocation, ...]:
    locations = []
    for number, link in enumerate(dicts_in(record.get("service_at_locations"))):
        data = link.get("location")
        if not isinstance(data, dict):
            continue
        feed_id = identifier_in(data.get("id") or link.get("location_id"))
        address, postcode = _address(data)
        latitude, longitude = number_in(data.get("latitude")), number_in(data.get("longitude"))
        if latitude is None or longitude is None or abs(latitude) > 90 or abs(longitude) > 180:
            latitude = longitude = None
        location = ParsedLocation(
            feed_id=(feed_id or f"{service_id}#location-{number}")[:ID_LIMIT],
            name=plain_text(data.get("name"), 300),
            description=plain_text(data.get("description")),
            address=address,
            postcode=postcode,
            latitude=latitude,
            longitude=longitude,
            accessibility=_accessibility(data),
        )
        if location.name or location.address or location.postcode or latitude is not None:
            locations.append(location)
    return tuple(locations)


def _address(location: dict) -> tuple[str, str]:
    """The first address as lines of text, and its postcode if it looks like one."""
    addresses = dicts_in(location.get("addresses")) or dicts_in(location.get("physical_addresses"))
    addresses = addresses or dicts_in(location.get("postal_addresses"))
    if not addresses:
        return "", ""
    data = addresses[0]
    keys = ("address_1", "address_2", "address_3", "address_4", "city", "region")
    lines: list[str] = []
    for key in (*keys, "state_province"):
        line = plain_text(data.get(key), 200)
        if line and line.lower() not in (existing.lower() for existing in lines):
            lines.append(line)
    postcode = " ".join(plain_text(data.get("postal_code"), 40).split()).upper()
    if len(postcode) > 10:
        lines.append(postcode)
        postcode = ""
    return "\n".join(lines), postcode


def _accessibility(location: dict) -> str:
    entries = dicts_in(location.get("accessibility"))
    entries += dicts_in(location.get("accessibility_for_disabilities"))
    texts: list[str] = []
    for entry in entries:
        text = plain_text(entry.get("description") or entry.get("accessibility"), 2000)
        if text and text not in texts:
            texts.append(text)
    return "\n".join(texts)


def _schedules(record: dict) -> tuple[ParsedSchedule, ...]:
    """Opening times from version 3 ``schedules`` or version 2 ``regular_schedules``."""
    entries = dicts_in(record.get("schedules")) or dicts_in(record.get("regular_schedules"))
    schedules = []
    for entry in entries:
        freq = entry.get("freq")
        schedule = ParsedSchedule(
            feed_id=identifier_in(entry.get("id"))[:ID_LIMIT],
            byday=days_in(entry.get("byday") or entry.get("weekday")),
            opens_at=time_in(entry.get("opens_at")),
            closes_at=time_in(entry.get("closes_at")),
            freq=freq.strip().upper()[:10] if isinstance(freq, str) else "",
            description=plain_text(entry.get("description"), 2000),
        )
        if schedule.byday or schedule.opens_at or schedule.description:
            schedules.append(schedule)
    return tuple(schedules)


def _cost_options(record: dict) -> tuple[ParsedCostOption, ...]:
    options = []
    for entry in dicts_in(record.get("cost_options")):
        option = ParsedCostOption(
            feed_id=identifier_in(entry.get("id"))[:ID_LIMIT],
            option=plain_text(entry.get("option"), 300),
            amount=amount_in(entry.get("amount")),
            amount_description=plain_text(entry.get("amount_description"), 300),
        )
        if option.option or option.amount is not None or option.amount_description:
            options.append(option)
    return tuple(options)
