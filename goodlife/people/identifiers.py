"""NHS numbers, UK postcodes and phone numbers: checking and tidying what people type.

Plain Python, no Django: each function returns the normalised value or raises ValueError
with a message a person understands.
"""

import re

_NHS_WEIGHTS = range(10, 1, -1)


def nhs_number_check_digit(first_nine: str) -> int | None:
    """The modulus 11 check digit for nine digits, or None when no valid digit exists."""
    total = sum(int(d) * w for d, w in zip(first_nine, _NHS_WEIGHTS, strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def normalise_nhs_number(typed: str) -> str:
    """Return the ten digits of a valid NHS number; spaces and dashes are allowed."""
    digits = re.sub(r"[\s-]", "", typed or "")
    if not digits.isdigit():
        raise ValueError("NHS number must contain only numbers")
    if len(digits) != 10:
        raise ValueError("NHS number must be 10 digits")
    if nhs_number_check_digit(digits[:9]) != int(digits[9]):
        raise ValueError("NHS number is not valid: check the digits and try again")
    return digits


def format_nhs_number(digits: str) -> str:
    """Show an NHS number the way the NHS writes it: 3 3 4."""
    if len(digits) != 10:
        return digits
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


# The UK postcode format (outward code, space, inward code), including GIR 0AA.
_POSTCODE = re.compile(
    r"^(GIR0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]"
    r"|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def normalise_postcode(typed: str) -> str:
    """Return a UK postcode in capitals with one space before the inward code."""
    compact = re.sub(r"\s+", "", typed or "").upper()
    if not _POSTCODE.match(compact):
        raise ValueError("Enter a real UK postcode, like SW1A 1AA")
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_phone(typed: str) -> str:
    """Return a UK phone number with single spaces, keeping a leading +44."""
    cleaned = re.sub(r"[\s()-]", "", typed or "")
    if not re.fullmatch(r"\+?[0-9]+", cleaned):
        raise ValueError("Phone number must contain only numbers, spaces and a leading +")
    national = "0" + cleaned[3:] if cleaned.startswith("+44") else cleaned
    if national.startswith("+"):
        if not 8 <= len(cleaned) <= 16:
            raise ValueError("Enter an international phone number with its country code")
        return cleaned
    if not (national.startswith("0") and len(national) in (10, 11)):
        raise ValueError("Enter a UK phone number of 10 or 11 digits, like 01632 960 001")
    return " ".join(re.sub(r"\s+", " ", typed.strip()).split())
