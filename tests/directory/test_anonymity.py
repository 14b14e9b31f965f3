"""What in an unmet need's description could identify someone (directory/anonymity.py)."""

import pytest

from goodlife.directory.anonymity import advice, area_of, identifiers_in

TOM = {"Thomas Baxter": "the person's name", "Tom": "the person's name"}
NETWORK = {**TOM, "Jane Baxter": "the name of someone in their network", "Mr Okoye": "x"}


def kinds(text, names=None):
    return [(f.kind, f.found) for f in identifiers_in(text, names=names)]


@pytest.mark.parametrize(
    "text",
    [
        "No Punjabi-speaking befriending group within 3 miles",
        "No daytime astronomy group",
        "No evening group near enough to walk to",
        "A 10 minute drive is too far without a car",
        "Nothing within a 20 minute walk, and the 46 bus stops at 6pm",
        "No 24/7 support line in Polish",
        "Lunch club for over 65s meets 10.30-12.00 on Tuesdays only",
        "No carers' group that meets after 5; buses every 30 minutes",
        "Swimming sessions with a hoist: the nearest is 12 miles away",
        "No choir in EB4 for people with dementia",
        "Only 2 places left in the Thursday group, waiting list of 15 people",
        "No gardening group with raised beds in Victoria Park",
    ],
)
def test_ordinary_descriptions_pass(text):
    assert identifiers_in(text, names=NETWORK) == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Tom would like a group", [("name", "Tom")]),
        ("tom would like a group", [("name", "tom")]),
        ("Tom's sister wants a carers' group", [("name", "Tom")]),
        ("Mr Baxter needs transport", [("name", "Baxter")]),
        ("Thomas would like company", [("name", "Thomas")]),
        ("His sister Jane cannot drive him", [("name", "Jane")]),
        ("Okoye next door can't help any more", [("name", "Okoye")]),
    ],
)
def test_names_on_the_record_are_found(text, found):
    assert kinds(text, NETWORK) == found


def test_a_name_that_is_also_a_word_counts_only_with_a_capital():
    names = {"Will Smith": "the person's name"}
    assert kinds("Someone who will come at weekends", names) == []
    assert kinds("Will wants a weekend group", names) == [("name", "Will")]


def test_names_say_whose_they_are():
    (finding,) = identifiers_in("Jane needs a break", names=NETWORK)
    assert finding.what == "the name of someone in their network"


@pytest.mark.parametrize(
    "text, found",
    [
        ("NHS 943 476 5919 needs a group", "943 476 5919"),
        ("NHS number 9434765919", "9434765919"),
        ("ref 943-476-5919", "943-476-5919"),
    ],
)
def test_nhs_numbers_are_found_with_and_without_spaces(text, found):
    assert kinds(text) == [("nhs_number", found)]


@pytest.mark.parametrize(
    "text, found",
    [
        ("born 3/7/1958", "3/7/1958"),
        ("DOB 03-07-58", "03-07-58"),
        ("born 03.07.1958", "03.07.1958"),
        ("born 1958-07-03", "1958-07-03"),
        ("born on 3 July 1958", "3 July 1958"),
        ("born on the 3rd of July 1958", "3rd of July 1958"),
        ("born 3 Jul 58", "3 Jul 58"),
        ("born July 3rd, 1958", "July 3rd, 1958"),
    ],
)
def test_dates_that_could_be_a_date_of_birth_are_found(text, found):
    assert kinds(text) == [("date", found)]


@pytest.mark.parametrize(
    "text, found",
    [
        ("call 01632 960 111", "01632 960 111"),
        ("call 01632960111", "01632960111"),
        ("call 07700 900123", "07700 900123"),
        ("call 020 7946 0018", "020 7946 0018"),
        ("call +44 7700 900123", "+44 7700 900123"),
        ("call (01632) 960111", "(01632) 960111"),
    ],
)
def test_uk_phone_numbers_are_found(text, found):
    assert kinds(text) == [("phone", found)]


@pytest.mark.parametrize(
    "text, found",
    [
        ("lives at 12 Acacia Avenue", "12 Acacia Avenue"),
        ("lives at 12 acacia avenue", "12 acacia avenue"),
        ("at 4b Mill Lane", "4b Mill Lane"),
        ("at 7 St John's Road", "7 St John's Road"),
        ("near 30 High St.", "30 High St"),
        ("in Flat 3", "Flat 3"),
        ("in flat 3b above the shop", "flat 3b"),
    ],
)
def test_house_numbers_with_street_names_are_found(text, found):
    assert kinds(text) == [("address", found)]


@pytest.mark.parametrize("text, found", [("near EB1 4QT", "EB1 4QT"), ("eb14qt", "eb14qt")])
def test_full_postcodes_are_found_and_districts_are_not(text, found):
    assert kinds(text) == [("postcode", found)]
    assert kinds("nothing in EB1 or EB4") == []


def test_email_addresses_are_found():
    assert kinds("email tom.baxter@example.org") == [("email", "tom.baxter@example.org")]


def test_everything_found_is_named_in_one_message_in_the_order_written():
    found = identifiers_in("Tom, 943 476 5919, lives at 12 Acacia Avenue", names=TOM)
    assert advice(found) == (
        "Take out the person's name (Tom), the NHS number (943 476 5919) and the address "
        "(12 Acacia Avenue) — commissioners see this description"
    )


@pytest.mark.parametrize(
    "typed, area",
    [("EB4", "EB4"), ("eb4", "EB4"), (" SW1A ", "SW1A"), ("eastbrook", "Eastbrook")],
)
def test_an_area_is_a_district_or_a_known_neighbourhood(typed, area):
    assert area_of(typed, neighbourhoods=["Eastbrook"]) == area


@pytest.mark.parametrize(
    "typed, message",
    [
        ("EB1 4QT", "Enter only the postcode district (EB1), not the full postcode"),
        ("eb14qt", "Enter only the postcode district (EB1)"),
        ("12 Acacia Avenue", "Enter a postcode district, like EB4, or the name of a"),
        ("Somewhere", "Enter a postcode district"),
        ("", "Enter the area"),
    ],
)
def test_an_area_that_is_an_address_or_unknown_is_refused(typed, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        area_of(typed, neighbourhoods=["Eastbrook"])
