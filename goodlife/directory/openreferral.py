"""Open Referral UK (HSDS 3, and the version 2 shape still served by many councils):
reading feeds into the directory and publishing the directory as a feed.

Real feeds are messy. A record we cannot trust (no id, no name or one too long, a broken
web or email address, an unknown status, an id seen earlier in the same feed, objects nested
deeper than any ORUK record) is reported and skipped; anything else is cleaned (HTML and NUL
characters stripped, numbers read from strings, unknown keys ignored) and kept. Every
record is saved in its own transaction, so one bad record loses only itself. A file, or a
page of a feed, larger than ``GOODLIFE_DIRECTORY_IMPORT_MAX_MB`` is not read at all.
"""

import datetime
import decimal
import hashlib
import json
import math
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone

from goodlife.audit.models import Action
from goodlife.audit.services import record as audit
from goodlife.directory.models import (
    LOCAL,
    OFFERINGS,
    Contact,
    CostOption,
    Location,
    Organization,
    Schedule,
    Service,
    Status,
    TaxonomyTerm,
)

NO_ID = "(no id)"
PROGRESS_EVERY = 500  # records between two progress lines of a large import
NAME_LIMIT = 300  # Service.name
# An ORUK service is nested about six levels deep (service, locations, address ...).
DEPTH_LIMIT = 20
DESCRIPTION_LIMIT = 20_000
RAW_TEXT_LIMIT = 2_000_000  # read no further into one field, whatever it holds
ID_LIMIT = 200  # FeedRecord.feed_id
SOURCE_LIMIT = 200  # FeedRecord.source
URL_LIMIT = 500
MAX_PAGES = 1000
TIMEOUT_SECONDS = 30
STATUSES = {value for value, _ in Status.choices}
DAY_NAMES = {  # as council feeds write them, to RFC 5545 codes
    **dict.fromkeys(("MONDAY", "MON"), "MO"),
    **dict.fromkeys(("TUESDAY", "TUE", "TUES"), "TU"),
    **dict.fromkeys(("WEDNESDAY", "WED"), "WE"),
    **dict.fromkeys(("THURSDAY", "THU", "THUR", "THURS"), "TH"),
    **dict.fromkeys(("FRIDAY", "FRI"), "FR"),
    **dict.fromkeys(("SATURDAY", "SAT"), "SA"),
    **dict.fromkeys(("SUNDAY", "SUN"), "SU"),
}
RRULE_DAY = re.compile(r"^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$")
EXPORTED_FREQUENCIES = {"WEEKLY", "MONTHLY"}

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
DATA_URI = re.compile(r"data:[\w.+/-]*;base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{200,}={0,2}")
BLOCK_TAGS = {"p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED_TAGS = {"script", "style", "head", "title"}
_web_address = URLValidator(schemes=["http", "https"])


class MalformedRecord(Exception):
    """A feed record that cannot be imported, with the reason in plain words."""

    def __init__(self, reason: str, record_id: str = NO_ID):
        super().__init__(reason)
        self.reason = reason
        self.record_id = record_id


class SourceUnreadable(Exception):
    """The feed itself could not be read: a missing file, not JSON, an HTTP error."""


def max_bytes() -> int:
    """The most a directory import reads from one file or one page of a feed."""
    return settings.GOODLIFE_DIRECTORY_IMPORT_MAX_MB * 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def _too_big(what: str) -> SourceUnreadable:
    return SourceUnreadable(
        f"{what} more than the {settings.GOODLIFE_DIRECTORY_IMPORT_MAX_MB:,} MB a directory "
        "import reads (the setting GOODLIFE_DIRECTORY_IMPORT_MAX_MB)"
    )


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


# --- Reading one record ---------------------------------------------------------------


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
    feed_hash: str = field(default="", compare=False)


class _TextOfHTML(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def plain_text(value, limit: int = DESCRIPTION_LIMIT) -> str:
    """Text of a feed value: HTML tags and inline images removed, entities unescaped,
    whitespace collapsed (one line per paragraph), at most ``limit`` characters."""
    if value is None or isinstance(value, bool | dict | list):
        return ""
    text = str(value)
    if "base64," in text:
        text = DATA_URI.sub(" ", text)
    text = BASE64_RUN.sub(" ", text[:RAW_TEXT_LIMIT])
    if "<" in text or "&" in text:
        parser = _TextOfHTML()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return _shorten("\n".join(line for line in lines if line), limit)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[-200:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def _identifier(value) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float | str):
        return str(value).strip()
    return ""


def _whole_number(value, lowest: int = 0, highest: int = 32767) -> int | None:
    number = _number(value)
    if number is None or number != int(number) or not lowest <= number <= highest:
        return None
    return int(number)


def _number(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).strip().lstrip("£").replace(",", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _amount(value) -> decimal.Decimal | None:
    number = _number(value)
    if number is None or abs(number) >= 10_000_000:
        return None
    return decimal.Decimal(str(number)).quantize(decimal.Decimal("0.01"))


def _time(value) -> datetime.time | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.time.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        return None


def _byday(value) -> str:
    if not isinstance(value, str):
        return ""
    codes: list[str] = []
    for token in re.split(r"[,;\s]+", value.upper()):
        code = DAY_NAMES.get(token, token)
        if RRULE_DAY.match(code) and code not in codes and len(",".join([*codes, code])) <= 40:
            codes.append(code)
    return ",".join(codes)


def is_web_address(value) -> bool:
    """True for an http(s) URL that fits in the directory."""
    if not isinstance(value, str) or len(value) > URL_LIMIT:
        return False
    try:
        _web_address(value)
    except ValidationError:
        return False
    return True


def is_email_address(value) -> bool:
    """True for an email address Django's EmailField accepts."""
    if not isinstance(value, str) or len(value) > 254:
        return False
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _present(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _dicts(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


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
    elif _present(url) and not is_web_address(url.strip() if isinstance(url, str) else url):
        problems.append(f"url {_quoted(url)} is not a web address (http or https)")
    email = record.get("email")
    if _present(email) and not is_email_address(email.strip() if isinstance(email, str) else email):
        problems.append(f"email {_quoted(email)} is not an email address")
    status = record.get("status")
    if _present(status) and (not isinstance(status, str) or status.strip().lower() not in STATUSES):
        problems.append(
            f"status {_quoted(status)} is not one of active, inactive, defunct, temporarily closed"
        )
    return problems


def _quoted(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"


def parse_service(record: dict) -> ParsedService:
    """One ORUK service (version 3 or 2) as plain data, or MalformedRecord with the reason."""
    if not isinstance(record, dict):
        raise MalformedRecord("not a service object")
    feed_id = _identifier(record.get("id"))
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
    parsed = ParsedService(
        feed_id=feed_id,
        name=name,
        description=description,
        url=record["url"].strip() if _present(record.get("url")) else "",
        email=record["email"].strip() if _present(record.get("email")) else "",
        phone=_phone(record),
        status=status.strip().lower() if _present(status) else Status.ACTIVE.value,
        fees=fees,
        is_free=_is_free(fees, cost_options),
        eligibility=plain_text(record.get("eligibility_description") or record.get("eligibility")),
        minimum_age=_whole_number(record.get("minimum_age")),
        maximum_age=_whole_number(record.get("maximum_age")),
        languages=_languages(record.get("languages")),
        offers=offerings_in(name, description, *(term.name for term in terms)),
        organization=_organization(record),
        locations=_locations(record, feed_id),
        terms=terms,
        schedules=_schedules(record),
        cost_options=cost_options,
        contacts=_contacts(record),
    )
    return replace(parsed, feed_hash=fingerprint(parsed))


def fingerprint(parsed: ParsedService) -> str:
    """A sha256 of the parsed record: the same data always gives the same fingerprint."""
    data = asdict(parsed)
    data.pop("feed_hash")
    # A record without contacts keeps the fingerprint it had before contacts were read, so
    # the first import after that change does not rewrite every such service.
    if not data["contacts"]:
        del data["contacts"]
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
    phones = _dicts(record.get("phones"))
    for contact in _dicts(record.get("contacts")):
        phones += _dicts(contact.get("phones"))
    return _first_number(phones)


def _first_number(phones: list[dict]) -> str:
    """The first phone number that fits in the directory, its spacing tidied."""
    for phone in phones:
        number = " ".join(_identifier(phone.get("number")).split())
        if number and len(number) <= 40:
            return number
    return ""


def _contacts(record: dict) -> tuple[ParsedContact, ...]:
    """Named contacts (version 3 and 2 alike): a broken email address is dropped, not the
    contact, and never the service."""
    contacts = []
    for entry in _dicts(record.get("contacts")):
        email = entry.get("email")
        email = email.strip() if isinstance(email, str) else ""
        contact = ParsedContact(
            feed_id=_identifier(entry.get("id"))[:ID_LIMIT],
            name=plain_text(entry.get("name"), 200),
            title=plain_text(entry.get("title"), 200),
            email=email if is_email_address(email) else "",
            phone=_first_number(_dicts(entry.get("phones"))),
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
        feed_id=_identifier(data.get("id") or record.get("organization_id"))[:ID_LIMIT],
        name=name,
        description=plain_text(data.get("description")),
        email=email if is_email_address(email) else "",
        website=website if is_web_address(website) else "",
    )


def _terms(record: dict) -> tuple[ParsedTerm, ...]:
    """Taxonomy terms from version 3 ``attributes`` and version 2 ``service_taxonomys``."""
    found = [item.get("taxonomy_term") for item in _dicts(record.get("attributes"))]
    found += [item.get("taxonomy") for item in _dicts(record.get("service_taxonomys"))]
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
        feed_id = _identifier(term.get("id"))[:ID_LIMIT]
        terms.setdefault(
            (feed_id, name.lower()), ParsedTerm(feed_id, name, plain_text(taxonomy, 200))
        )
    return tuple(terms.values())


def _locations(record: dict, service_id: str) -> tuple[ParsedLocation, ...]:
    locations = []
    for number, link in enumerate(_dicts(record.get("service_at_locations"))):
        data = link.get("location")
        if not isinstance(data, dict):
            continue
        feed_id = _identifier(data.get("id") or link.get("location_id"))
        address, postcode = _address(data)
        latitude, longitude = _number(data.get("latitude")), _number(data.get("longitude"))
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
    addresses = _dicts(location.get("addresses")) or _dicts(location.get("physical_addresses"))
    addresses = addresses or _dicts(location.get("postal_addresses"))
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
    entries = _dicts(location.get("accessibility"))
    entries += _dicts(location.get("accessibility_for_disabilities"))
    texts: list[str] = []
    for entry in entries:
        text = plain_text(entry.get("description") or entry.get("accessibility"), 2000)
        if text and text not in texts:
            texts.append(text)
    return "\n".join(texts)


def _schedules(record: dict) -> tuple[ParsedSchedule, ...]:
    """Opening times from version 3 ``schedules`` or version 2 ``regular_schedules``."""
    entries = _dicts(record.get("schedules")) or _dicts(record.get("regular_schedules"))
    schedules = []
    for entry in entries:
        freq = entry.get("freq")
        schedule = ParsedSchedule(
            feed_id=_identifier(entry.get("id"))[:ID_LIMIT],
            byday=_byday(entry.get("byday") or entry.get("weekday")),
            opens_at=_time(entry.get("opens_at")),
            closes_at=_time(entry.get("closes_at")),
            freq=freq.strip().upper()[:10] if isinstance(freq, str) else "",
            description=plain_text(entry.get("description"), 2000),
        )
        if schedule.byday or schedule.opens_at or schedule.description:
            schedules.append(schedule)
    return tuple(schedules)


def _cost_options(record: dict) -> tuple[ParsedCostOption, ...]:
    options = []
    for entry in _dicts(record.get("cost_options")):
        option = ParsedCostOption(
            feed_id=_identifier(entry.get("id"))[:ID_LIMIT],
            option=plain_text(entry.get("option"), 300),
            amount=_amount(entry.get("amount")),
            amount_description=plain_text(entry.get("amount_description"), 300),
        )
        if option.option or option.amount is not None or option.amount_description:
            options.append(option)
    return tuple(options)


# --- Importing a feed -----------------------------------------------------------------

IMPORTED_FIELDS = (
    "name",
    "description",
    "url",
    "email",
    "phone",
    "status",
    "fees",
    "is_free",
    "eligibility",
    "minimum_age",
    "maximum_age",
    "languages",
    "feed_hash",
)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """What the import did, then one line per skipped record with the reason."""
        lines = [
            f"Created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped)}"
        ]
        lines += [f"- {record_id}: {reason}" for record_id, reason in self.skipped]
        return "\n".join(lines)


def import_feed(
    source: str, records: Iterable[dict], *, by=None, progress=None, every: int | None = None
) -> ImportReport:
    """Create or update the directory from a feed's records, matched by (source, id).
    A record already imported with the same fingerprint is left untouched. ``progress``,
    when given, is called with the number of records read so far and the report after
    every ``every`` records (PROGRESS_EVERY unless told)."""
    every = every or PROGRESS_EVERY
    if not source or source == LOCAL or len(source) > SOURCE_LIMIT:
        raise ValueError(f"A feed's source must be 1 to {SOURCE_LIMIT} characters, not 'local'")
    report = ImportReport()
    seen: set[str] = set()
    for number, raw in enumerate(records, start=1):
        if progress is not None and number > 1 and (number - 1) % every == 0:
            progress(number - 1, report)
        record_id = _identifier(raw.get("id")).replace("\x00", "") if isinstance(raw, dict) else ""
        if record_id and record_id in seen:
            report.skipped.append((record_id, "duplicate id in this feed"))
            continue
        seen.add(record_id)
        try:
            record = without_nul(raw)
            parsed = parse_service(record)
            with transaction.atomic():
                outcome = _save_service(source, parsed)
        except MalformedRecord as problem:
            report.skipped.append(
                (
                    problem.record_id if problem.record_id != NO_ID else record_id[:40] or NO_ID,
                    problem.reason,
                )
            )
            continue
        except DatabaseError as error:
            report.skipped.append((record_id or NO_ID, f"could not be saved: {error}"))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
    if report.created or report.updated:
        audit(
            Action.CHANGE,
            user=by,
            summary=f"Imported a directory feed: {source}"[:255],
            detail={
                "source": source,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": len(report.skipped),
            },
        )
    return report


def _save_service(source: str, parsed: ParsedService) -> str:
    """Save one parsed record; returns "created", "updated" or "unchanged"."""
    service = Service.objects.filter(source=source, feed_id=parsed.feed_id).first()
    if service is not None and service.feed_hash == parsed.feed_hash:
        return "unchanged"
    outcome = "created" if service is None else "updated"
    stale: set = set()  # other services showing a shared record that changed
    organization = None
    if parsed.organization:
        organization = _upsert(
            Organization,
            source,
            parsed.organization.feed_id,
            stale,
            name=parsed.organization.name,
            description=parsed.organization.description,
            email=parsed.organization.email,
            website=parsed.organization.website,
        )
    if service is None:
        service = Service(source=source, feed_id=parsed.feed_id)
    else:
        service.version = F("version") + 1
    for name in IMPORTED_FIELDS:
        setattr(service, name, getattr(parsed, name))
    for key, _ in OFFERINGS:
        setattr(service, f"offers_{key}", key in parsed.offers)
    service.organization = organization
    service.last_modified = timezone.now()
    service.save()
    service.refresh_from_db(fields=["version"])
    service.terms.set(
        [
            _upsert(TaxonomyTerm, source, t.feed_id, stale, name=t.name, taxonomy=t.taxonomy)
            for t in parsed.terms
        ]
    )
    service.locations.set([_save_location(source, loc, stale) for loc in parsed.locations])
    service.schedules.all().delete()
    Schedule.objects.bulk_create(
        Schedule(service=service, **asdict(schedule)) for schedule in parsed.schedules
    )
    service.cost_options.all().delete()
    CostOption.objects.bulk_create(
        CostOption(service=service, **asdict(option)) for option in parsed.cost_options
    )
    service.contacts.all().delete()
    Contact.objects.bulk_create(
        Contact(service=service, **asdict(contact)) for contact in parsed.contacts
    )
    _refresh_search([service, *Service.objects.filter(pk__in=stale).exclude(pk=service.pk)])
    return outcome


def _save_location(source: str, location: ParsedLocation, stale: set) -> Location:
    # The directory keeps no description of a place: its name and address say where it is.
    fields = asdict(location)
    del fields["feed_id"], fields["description"]
    return _upsert(Location, source, location.feed_id, stale, **fields)


def _upsert(model, source: str, feed_id: str, stale: set, **fields):
    """The record with this feed id (or, without one, this name), created or brought up to
    date; the services already showing a changed record are added to ``stale``."""
    records = model.objects.filter(source=source, feed_id=feed_id)
    if not feed_id:
        records = records.filter(name=fields["name"])
    current = records.first()
    if current is None:
        return model.objects.create(source=source, feed_id=feed_id, **fields)
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if changed:
        for name in changed:
            setattr(current, name, fields[name])
        current.save(update_fields=changed)
        stale.update(current.services.values_list("pk", flat=True))
    return current


def _refresh_search(services: list[Service]) -> None:
    """Recompute what search looks in, through the search module when it is installed."""
    try:
        from goodlife.directory.search import refresh_index
    except ImportError:
        refresh_index = None
    if refresh_index is not None:
        refresh_index([service.pk for service in services])
        return
    for service in services:
        parts = [
            service.name,
            service.organization.name if service.organization else "",
            service.description,
        ]
        parts += [term.name for term in service.terms.all()]
        parts += [location.name for location in service.locations.all()]
        Service.objects.filter(pk=service.pk).update(
            search_text="\n".join(part for part in parts if part)
        )


# --- Reading a feed -------------------------------------------------------------------


def source_name(source: str) -> str:
    """What a feed is recorded as: its URL, or the full path of its file, at most 200
    characters (a longer one is shortened with a fingerprint to stay unique)."""
    name = source if _is_url(source) else str(Path(source).expanduser().resolve())
    if len(name) <= SOURCE_LIMIT:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    return f"…{name[-(SOURCE_LIMIT - 18) :]}#{digest}"


def read_source(source: str, *, per_page: int | None = None) -> Iterator[dict]:
    """The service records of a JSON file (one service, a list, or an ORUK page) or of a
    paginated ORUK ``/services`` URL. Raises SourceUnreadable when it cannot be read."""
    if _is_url(source):
        yield from _read_pages(source, per_page)
        return
    try:
        size = Path(source).stat().st_size
        if size > max_bytes():
            raise _too_big(f"{source} is {_megabytes(size)}:")
        data = json.loads(Path(source).read_bytes())
    except FileNotFoundError as error:
        raise SourceUnreadable(f"There is no file {source}") from error
    except RecursionError as error:
        raise SourceUnreadable(f"{source} is nested too deeply to be a feed") from error
    except (OSError, ValueError) as error:  # ValueError: not JSON, or not UTF-8
        raise SourceUnreadable(f"{source} is not a JSON file that can be read: {error}") from error
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        yield from data["contents"]
    elif isinstance(data, dict):
        yield data
    elif isinstance(data, list):
        yield from data
    else:
        raise SourceUnreadable(f"{source} holds neither a service, a list nor a page of them")


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _read_pages(url: str, per_page: int | None = None) -> Iterator[dict]:
    """Every record of a paginated endpoint, page by page, up to MAX_PAGES pages."""
    previous_ids, total_pages = None, None
    for number in range(1, MAX_PAGES + 1):
        data = _fetch_json(page_url(url, number, per_page))
        if isinstance(data, list):  # an endpoint without pages
            yield from data
            return
        if not isinstance(data, dict) or not isinstance(data.get("contents"), list):
            raise SourceUnreadable(f"{url} did not answer with a page of services")
        contents = data["contents"]
        ids = [item.get("id") if isinstance(item, dict) else None for item in contents]
        # An endpoint that ignores ?page= answers the same page again: stop there.
        if not contents or ids == previous_ids:
            return
        previous_ids = ids
        yield from contents
        # A page that leaves out total_pages keeps the count an earlier page gave.
        total_pages = _whole_number(data.get("total_pages"), highest=10**9) or total_pages
        if data.get("last_page") is True or (total_pages is not None and number >= total_pages):
            return


def page_url(url: str, page: int, per_page: int | None = None) -> str:
    """The URL with ?page= (and ?per_page=) set, keeping its other parameters."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k not in {"page"}]
    query.append(("page", str(page)))
    if per_page:
        query = [(k, v) for k, v in query if k != "per_page"] + [("per_page", str(per_page))]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _fetch_json(url: str):
    request = urllib.request.Request(  # noqa: S310 - only http(s) URLs reach here
        url, headers={"Accept": "application/json", "User-Agent": "Goodlife directory import"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            body = response.read(max_bytes() + 1)
    except urllib.error.HTTPError as error:
        raise SourceUnreadable(f"{url} answered HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise SourceUnreadable(f"Could not reach {url}: {error.reason}") from error
    except (TimeoutError, OSError) as error:
        raise SourceUnreadable(f"Could not read {url}: {error}") from error
    if len(body) > max_bytes():
        raise _too_big(f"{url} answered with")
    try:
        return json.loads(body)
    except RecursionError as error:
        raise SourceUnreadable(f"{url} answered with JSON nested too deeply") from error
    except ValueError as error:
        raise SourceUnreadable(f"{url} did not answer with JSON: {error}") from error


# --- Publishing the directory ---------------------------------------------------------


def _derived_id(owner, *parts) -> str:
    """A stable UUID for a part of a record that has no UUID of its own (a schedule, an
    address): the same part of the same record always gets the same id."""
    return str(uuid.uuid5(owner.pk, "/".join(str(part) for part in parts)))


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def _json_number(amount: decimal.Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ("", None)}


def _organization_to_oruk(organization: Organization) -> dict:
    return {
        "id": str(organization.pk),
        "name": organization.name,
        "description": organization.description,
        **_without_empty(
            {
                "email": organization.email if is_email_address(organization.email) else "",
                "website": organization.website if is_web_address(organization.website) else "",
            }
        ),
    }


def _service_fields(service: Service) -> dict:
    """The one-to-one fields of a service: the list form of ORUK."""
    data = {
        "id": str(service.pk),
        "name": service.name,
        "description": service.description,
        "status": service.status,
        "last_modified": _utc(service.last_modified),
        **_without_empty(
            {
                "organization_id": str(service.organization_id) if service.organization_id else "",
                "url": service.url if is_web_address(service.url) else "",
                "email": service.email if is_email_address(service.email) else "",
                "fees": service.fees,
                "eligibility_description": service.eligibility,
                "minimum_age": service.minimum_age,
                "maximum_age": service.maximum_age,
            }
        ),
    }
    if service.organization_id:
        data["organization"] = _organization_to_oruk(service.organization)
    return data


def _location_to_oruk(service: Service, location: Location) -> dict:
    data = {
        "id": str(location.pk),
        "location_type": "physical",
        **_without_empty(
            {
                "name": location.name,
                "latitude": location.latitude,
                "longitude": location.longitude,
            }
        ),
        "addresses": [],
        "accessibility": [],
    }
    if location.address or location.postcode:
        lines = location.address.split("\n")
        data["addresses"].append(
            {
                "id": _derived_id(location, "address"),
                "location_id": str(location.pk),
                "address_1": lines[0],
                **_without_empty({"address_2": ", ".join(lines[1:-1])}),
                "city": lines[-1] if len(lines) > 1 else "",
                "state_province": "",
                "postal_code": location.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        )
    if location.accessibility:
        data["accessibility"].append(
            {
                "id": _derived_id(location, "accessibility"),
                "location_id": str(location.pk),
                "description": location.accessibility,
            }
        )
    return {
        "id": _derived_id(service, "service_at_location", location.pk),
        "service_id": str(service.pk),
        "location_id": str(location.pk),
        "location": data,
    }


def _schedule_to_oruk(service: Service, schedule: Schedule) -> dict:
    return {
        "id": _derived_id(service, "schedule", schedule.pk),
        "service_id": str(service.pk),
        **_without_empty(
            {
                "freq": schedule.freq if schedule.freq in EXPORTED_FREQUENCIES else "",
                "byday": schedule.byday,
                "opens_at": schedule.opens_at.isoformat() if schedule.opens_at else "",
                "closes_at": schedule.closes_at.isoformat() if schedule.closes_at else "",
                "description": schedule.description,
            }
        ),
    }


def _cost_option_to_oruk(service: Service, option: CostOption) -> dict:
    return {
        "id": _derived_id(service, "cost_option", option.pk),
        "service_id": str(service.pk),
        **_without_empty(
            {
                "option": option.option,
                "amount": _json_number(option.amount) if option.amount is not None else None,
                "amount_description": option.amount_description,
            }
        ),
    }


def _contact_to_oruk(service: Service, contact: Contact) -> dict:
    contact_id = _derived_id(service, "contact", contact.pk)
    return {
        "id": contact_id,
        "service_id": str(service.pk),
        **_without_empty(
            {
                "name": contact.name,
                "title": contact.title,
                "email": contact.email if is_email_address(contact.email) else "",
            }
        ),
        "phones": (
            [
                {
                    "id": _derived_id(service, "contact", contact.pk, "phone"),
                    "contact_id": contact_id,
                    "number": contact.phone,
                }
            ]
            if contact.phone
            else []
        ),
    }


def _term_to_oruk(service: Service, term: TaxonomyTerm) -> dict:
    return {
        "id": _derived_id(service, "attribute", term.pk),
        "link_id": str(service.pk),
        "taxonomy_term_id": str(term.pk),
        "taxonomy_term": {
            "id": str(term.pk),
            "name": term.name,
            "description": "",
            **_without_empty({"taxonomy": term.taxonomy}),
        },
    }


def service_to_oruk(service: Service, *, full: bool = True) -> dict:
    """A service as an Open Referral UK (version 3) service object: the full form with its
    schedules, costs, places, terms and contacts, or (``full=False``) the list form."""
    data = _service_fields(service)
    if not full:
        return data
    languages = [name.strip() for name in service.languages.split(",") if name.strip()]
    data.update(
        schedules=[_schedule_to_oruk(service, s) for s in service.schedules.all()],
        cost_options=[_cost_option_to_oruk(service, c) for c in service.cost_options.all()],
        service_at_locations=[_location_to_oruk(service, loc) for loc in service.locations.all()],
        attributes=[_term_to_oruk(service, term) for term in service.terms.all()],
        languages=[
            {
                "id": _derived_id(service, "language", name),
                "service_id": str(service.pk),
                "name": name,
            }
            for name in languages
        ],
        phones=(
            [
                {
                    "id": _derived_id(service, "phone"),
                    "service_id": str(service.pk),
                    "number": service.phone,
                }
            ]
            if service.phone
            else []
        ),
        contacts=[_contact_to_oruk(service, c) for c in service.contacts.all()],
        service_areas=[],
        funding=[],
    )
    return data


def page_of_services(queryset, page: int, per_page: int) -> dict:
    """One page of services in ORUK's paginated envelope, each in the list form."""
    per_page = max(int(per_page), 1)
    page = max(int(page), 1)
    total = queryset.count()
    start = (page - 1) * per_page
    # A page past the last is empty, without asking the database for an offset it cannot
    # hold (SQLite refuses one past 2**63).
    services = (
        list(queryset.select_related("organization")[start : start + per_page])
        if start < total
        else []
    )
    total_pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(services),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not services,
        "contents": [service_to_oruk(service, full=False) for service in services],
    }
