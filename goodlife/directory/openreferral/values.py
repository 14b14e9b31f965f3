"""Cleaning the values of a feed record: text without HTML, numbers read from strings,
times and days, web and email addresses checked. Plain Python apart from Django's
validators."""

import datetime
import decimal
import json
import math
import re
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

DESCRIPTION_LIMIT = 20_000
RAW_TEXT_LIMIT = 2_000_000  # read no further into one field, whatever it holds
URL_LIMIT = 500
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

DATA_URI = re.compile(r"data:[\w.+/-]*;base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{200,}={0,2}")
BLOCK_TAGS = {"p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED_TAGS = {"script", "style", "head", "title"}
_web_address = URLValidator(schemes=["http", "https"])


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


def identifier_in(value) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float | str):
        return str(value).strip()
    return ""


def whole_number_in(value, lowest: int = 0, highest: int = 32767) -> int | None:
    number = number_in(value)
    if number is None or number != int(number) or not lowest <= number <= highest:
        return None
    return int(number)


def number_in(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).strip().lstrip("£").replace(",", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def amount_in(value) -> decimal.Decimal | None:
    number = number_in(value)
    if number is None or abs(number) >= 10_000_000:
        return None
    return decimal.Decimal(str(number)).quantize(decimal.Decimal("0.01"))


def date_in(value) -> datetime.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return None


def time_in(value) -> datetime.time | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.time.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        return None


def days_in(value) -> str:
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


def is_present(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def dicts_in(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def quoted(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"
