"""Values read from an address or a form by hand, outside a Django form: each returns None
for anything it cannot use, so a mangled or hostile value is never an exception (a 500)."""

import uuid

# No page number Goodlife shows comes close; beyond it a number is not a page.
LAST_PAGE = 1_000_000


def as_uuid(text) -> uuid.UUID | None:
    """A record's id as found in a query string or a hidden field, or None."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def as_whole_number(text, *, lowest: int = 1, highest: int = LAST_PAGE) -> int | None:
    """A whole number from ``lowest`` to ``highest`` written in ASCII digits, or None."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(highest)):
        return None
    number = int(text)
    return number if lowest <= number <= highest else None


def without_nul(text: str) -> str:
    """Text with NUL characters taken out: PostgreSQL cannot store them in text."""
    return text.replace("\x00", "")
