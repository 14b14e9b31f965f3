import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodlife.people.identifiers import (
    format_nhs_number,
    nhs_number_check_digit,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("9434765919", "9434765919"),  # the NHS's own published example
        ("943 476 5919", "9434765919"),
        ("943-476-5919", "9434765919"),
        (" 9990000018 ", "9990000018"),
    ],
)
def test_it_accepts_valid_nhs_numbers(typed, expected):
    assert normalise_nhs_number(typed) == expected


@pytest.mark.parametrize(
    "typed, message",
    [
        ("9434765918", "not valid"),  # wrong check digit
        ("943476591", "10 digits"),
        ("94347659190", "10 digits"),
        ("94347659I9", "only numbers"),
        ("", "only numbers"),
    ],
)
def test_it_rejects_invalid_nhs_numbers_with_a_reason(typed, message):
    with pytest.raises(ValueError, match=message):
        normalise_nhs_number(typed)


def test_it_rejects_numbers_whose_check_digit_would_be_ten():
    # 100000004 weights to a remainder of 1: no valid check digit exists.
    nine = next(
        f"{n:09d}"
        for n in range(100_000_000, 100_001_000)
        if nhs_number_check_digit(f"{n:09d}") is None
    )
    for last in "0123456789":
        with pytest.raises(ValueError):
            normalise_nhs_number(nine + last)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_exactly_one_check_digit_is_accepted_for_any_nine_digits(n):
    nine = f"{n:09d}"
    accepted = []
    for last in "0123456789":
        try:
            normalise_nhs_number(nine + last)
            accepted.append(last)
        except ValueError:
            pass
    assert len(accepted) == (0 if nhs_number_check_digit(nine) is None else 1)


def test_it_formats_nhs_numbers_in_threes_and_fours():
    assert format_nhs_number("9434765919") == "943 476 5919"


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("  m1   1ae ", "M1 1AE"),
        ("B338TH", "B33 8TH"),
        ("cr2 6xh", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 1HQ", "W1A 1HQ"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("GIR 0AA", "GIR 0AA"),
    ],
)
def test_it_normalises_uk_postcodes(typed, expected):
    assert normalise_postcode(typed) == expected


@pytest.mark.parametrize("typed", ["", "12345", "SW1A", "QA1 1AA", "SW1A 1AAA", "SW1A 1CA", "ZZ"])
def test_it_rejects_what_is_not_a_uk_postcode(typed):
    with pytest.raises(ValueError, match="real UK postcode"):
        normalise_postcode(typed)


@pytest.mark.parametrize(
    "typed", ["01632 960 014", "07700900123", "+44 7700 900123", "(01632) 960001"]
)
def test_it_accepts_uk_phone_numbers(typed):
    assert normalise_phone(typed)


@pytest.mark.parametrize("typed", ["123", "01632 960 01a", "0163296001499"])
def test_it_rejects_phone_numbers_with_a_reason(typed):
    with pytest.raises(ValueError):
        normalise_phone(typed)
