"""Commissioners see needs, not people: what in a description could identify someone.

An unmet need is logged by a worker and read by commissioners, who may not see anyone's
record. ``identifiers_in`` finds what in its description would point to a person — the
names on their record, NHS numbers, dates that could be a date of birth, phone numbers,
house numbers with street names, full postcodes and email addresses — so the worker is
asked to reword it before it is saved. ``area_of`` accepts an area only as a postcode
district or a named neighbourhood.

Plain Python, no Django.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from goodlife.people.identifiers import nhs_number_check_digit, normalise_postcode


@dataclass(frozen=True)
class Finding:
    """Something in a description that could identify someone, and how to name it."""

    kind: str  # name, nhs_number, date, phone, address, postcode, email
    found: str
    what: str  # "the person's name", "a phone number"…

    @property
    def advice(self) -> str:
        return f"{self.what} ({self.found})"


# Words that are names and also ordinary words: matched only when written with a capital.
_ORDINARY_WORDS = {
    "amber", "april", "art", "bill", "carol", "chase", "daisy", "dawn", "dean", "drew",
    "faith", "frank", "gene", "glen", "grace", "grant", "guy", "hazel", "heather", "holly",
    "hope", "iris", "ivy", "jack", "jade", "joy", "june", "ken", "lily", "mark", "may",
    "miles", "olive", "pat", "pearl", "penny", "ray", "rich", "rob", "rose", "ruby", "sky",
    "sue", "summer", "victor", "violet", "will",
}  # fmt: skip
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "the", "and"}

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
# Runs of digits, possibly written in groups ("943 476 5919", "01632-960-111").
_DIGIT_RUN = re.compile(r"(?<![\w+])(\+?\(?\d[\d\s().-]{6,}\d)(?!\w)")
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATES = [
    # 3/7/1958, 03-07-58, 3.7.1958 (one separator throughout: 10.30-12.00 is a time)
    re.compile(r"\b(0?[1-9]|[12]\d|3[01])\s?([/.-])\s?(0?[1-9]|1[0-2])\s?\2\s?(\d{4}|\d{2})\b"),
    # 1958-07-03
    re.compile(r"\b(19|20)\d{2}-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])\b"),
    # 3 July 1958, 3rd of July 58
    re.compile(
        rf"\b(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\.?,?\s+(\d{{4}}|'?\d{{2}})\b",
        re.IGNORECASE,
    ),
    # July 3rd, 1958
    re.compile(
        rf"\b({_MONTHS})\.?\s+(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
        re.IGNORECASE,
    ),
]
_STREET_TYPES = (
    "street|st|road|rd|avenue|ave|lane|ln|close|cl|drive|dr|way|court|ct|crescent|cres"
    "|place|pl|terrace|gardens|gdns|grove|hill|park|row|square|sq|walk|mews|view|rise"
    "|parade|green|meadow|meadows|boulevard|vale|wharf|yard|wynd|gate|croft|end|fields"
)
_HOUSE = re.compile(
    rf"\b(\d{{1,4}}[a-z]?),?\s+((?:[a-z][\w'-]*\s+){{1,3}}?)({_STREET_TYPES})\b\.?",
    re.IGNORECASE,
)
# What may sit between a number and "walk", "drive", "way"… without it being an address.
_NOT_STREET_NAMES = {
    "mile", "miles", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "km",
    "kilometre", "kilometres", "metre", "metres", "meter", "meters", "yard", "yards", "day",
    "days", "week", "weeks", "month", "months", "year", "years", "bus", "buses", "train",
    "car", "taxi", "people", "person", "times", "steps", "stops", "short", "long", "each",
    "or", "and", "to", "a", "the", "of", "by", "on", "in", "at", "more", "less", "than",
}  # fmt: skip
_FLAT = re.compile(
    r"\b(flat|apartment|apt|unit|room|house|bungalow)\s+(no\.?\s*)?\d+[a-z]?\b", re.I
)


def _names(names: dict[str, str]) -> dict[str, str]:
    """Each word of each name, lower-cased, with whose it is; titles and initials left out."""
    words: dict[str, str] = {}
    for name, whose in names.items():
        for word in re.findall(r"[^\W\d_][\w'-]*", name or ""):
            key = word.lower().strip("'-")
            if len(key) >= 2 and key not in _TITLES:
                words.setdefault(key, whose)
    return words


def _name_findings(text: str, names: dict[str, str]) -> list[Finding]:
    words = _names(names)
    found = []
    for match in re.finditer(r"[^\W\d_][\w'-]*", text):
        word = match.group().strip("'-")
        key = word.lower()
        if key.endswith("'s"):
            key, word = key[:-2], word[:-2]
        whose = words.get(key)
        if whose is None or (key in _ORDINARY_WORDS and not word[:1].isupper()):
            continue
        found.append(Finding("name", word, whose))
    return found


def _digit_findings(text: str) -> list[Finding]:
    found = []
    for match in _DIGIT_RUN.finditer(text):
        written = match.group(1).strip()
        digits = re.sub(r"\D", "", written)
        national = "0" + digits[2:] if written.startswith("+44") else digits
        if len(digits) == 10 and nhs_number_check_digit(digits[:9]) == int(digits[9]):
            found.append(Finding("nhs_number", written, "the NHS number"))
        elif national.startswith("0") and len(national) in (10, 11):
            found.append(Finding("phone", written, "the phone number"))
        elif len(digits) == 10:
            found.append(Finding("nhs_number", written, "the number that looks like an NHS number"))
    return found


def _address_findings(text: str) -> list[Finding]:
    found = []
    for match in _HOUSE.finditer(text):
        between = match.group(2).split()
        if any(w.lower() in _NOT_STREET_NAMES for w in between):
            continue
        found.append(Finding("address", match.group().rstrip(".").strip(), "the address"))
    for match in _FLAT.finditer(text):
        found.append(Finding("address", match.group(), "the address"))
    return found


def _postcode_findings(text: str) -> list[Finding]:
    found = []
    for match in _POSTCODE.finditer(text):
        try:
            normalise_postcode(match.group())
        except ValueError:
            continue
        found.append(Finding("postcode", match.group(), "the full postcode"))
    return found


def identifiers_in(text: str, *, names: dict[str, str] | None = None) -> list[Finding]:
    """What in ``text`` could identify someone, in the order written; ``names`` maps each
    name on the record to whose it is ("the person's name")."""
    text = text or ""
    findings = [
        *(Finding("email", m.group(), "the email address") for m in _EMAIL.finditer(text)),
        *_digit_findings(_EMAIL.sub(" ", text)),
        *(
            Finding("date", m.group(), "the date")
            for pattern in _DATES
            for m in pattern.finditer(text)
        ),
        *_address_findings(text),
        *_postcode_findings(text),
        *_name_findings(_EMAIL.sub(" ", text), names or {}),
    ]
    unique: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        unique.setdefault((finding.kind, finding.found.lower()), finding)
    return sorted(unique.values(), key=lambda f: text.lower().find(f.found.lower()))


def advice(findings: Iterable[Finding]) -> str:
    """One message asking the worker to reword: "Take out the person's name (Tom) — …"."""
    parts = [f.advice for f in findings]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Take out {listed} — commissioners see this description"


_DISTRICT = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?")


def is_district(text: str) -> bool:
    """Whether ``text`` is a postcode district (outward code), like EB4 or SW1A."""
    return bool(_DISTRICT.fullmatch(text or ""))


def area_of(typed: str, *, neighbourhoods: Iterable[str] = ()) -> str:
    """The area as commissioners will see it: a postcode district ("EB4") or one of the
    named ``neighbourhoods``; raises ValueError with what to type instead."""
    cleaned = " ".join((typed or "").split())
    if not cleaned:
        raise ValueError("Enter the area")
    compact = cleaned.replace(" ", "").upper()
    try:
        full = normalise_postcode(compact)
    except ValueError:
        pass
    else:
        district = full.split()[0]
        raise ValueError(
            f"Enter only the postcode district ({district}), not the full postcode — "
            "commissioners see the area"
        )
    if is_district(compact):
        return compact
    known = {n.lower(): n for n in neighbourhoods}
    if cleaned.lower() in known:
        return known[cleaned.lower()]
    raise ValueError(
        "Enter a postcode district, like EB4, or the name of a neighbourhood, not an address"
    )
