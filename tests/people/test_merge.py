"""The three-way merge of a person's details, on its own: plain objects, no database."""

import datetime

from goodlife.people.merge import comparable, is_same, merge, shown, snapshot
from goodlife.people.models import Person

LABELS = {"phone": "Phone", "what_matters": "What matters", "date_of_birth": "Date of birth"}


def saved(**details):
    # As someone else saved it: the record the worker's edit was refused against.
    defaults = {
        "legal_name": "Thomas Reid",
        "preferred_name": "Tom",
        "phone": "01632 960 000",
        "what_matters": "The space centre",
        "date_of_birth": datetime.date(1950, 3, 1),
    }
    return Person(**(defaults | details))


def base_of(person, **before):
    return {**snapshot(person), **{k: comparable(v) for k, v in before.items()}}


def test_only_mine_keeps_what_i_typed_and_lists_nothing():
    current = saved()
    conflict, merged = merge(current, base_of(current), {"phone": "01632 960 500"}, LABELS)
    assert merged.phone == "01632 960 500"
    assert conflict["rows"] == [] and conflict["kept"] == []
    assert current.phone == "01632 960 000"  # the saved record itself is not touched


def test_only_theirs_keeps_what_they_saved_and_says_so():
    current = saved(what_matters="Visiting the space centre in the spring")
    base = base_of(current, what_matters="The space centre")
    conflict, merged = merge(current, base, {"what_matters": "The space centre"}, LABELS)
    assert merged.what_matters == "Visiting the space centre in the spring"
    assert conflict["kept"] == [
        {"label": "What matters", "theirs": "Visiting the space centre in the spring"}
    ]
    assert conflict["rows"] == []


def test_both_changed_differently_is_a_clash_with_both_values():
    current = saved(phone="01632 960 500")
    base = base_of(current, phone="01632 960 000")
    conflict, merged = merge(current, base, {"phone": "01632 960 600"}, LABELS)
    assert conflict["rows"] == [
        {"label": "Phone", "theirs": "01632 960 500", "yours": "01632 960 600"}
    ]
    assert merged.phone == "01632 960 600"  # the form shows mine, with theirs beside it


def test_both_changed_to_the_same_value_is_no_clash():
    current = saved(phone="01632 960 500")
    base = base_of(current, phone="01632 960 000")
    conflict, _ = merge(current, base, {"phone": "01632 960 500"}, LABELS)
    assert conflict["rows"] == [] and conflict["kept"] == []


def test_without_a_known_base_the_saved_record_stands_for_it():
    current = saved(phone="01632 960 500")
    conflict, merged = merge(current, None, {"phone": "01632 960 600"}, LABELS)
    assert merged.phone == "01632 960 600"
    assert conflict["rows"] == []  # nothing can be said to have been changed by them


def test_dates_compare_as_dates_and_show_in_words():
    current = saved(date_of_birth=datetime.date(1950, 3, 2))
    base = base_of(current, date_of_birth=datetime.date(1950, 3, 1))
    conflict, _ = merge(current, base, {"date_of_birth": datetime.date(1951, 1, 9)}, LABELS)
    assert conflict["rows"] == [
        {"label": "Date of birth", "theirs": "2 March 1950", "yours": "9 January 1951"}
    ]
    assert is_same(datetime.date(1950, 3, 1), "1950-03-01")
    assert shown(saved(phone=None), "phone") == ""


def test_an_unlabelled_detail_is_named_by_its_field():
    current = saved(email="tom@example.org")
    base = base_of(current, email="")
    conflict, _ = merge(current, base, {"email": "t.reid@example.org"}, LABELS)
    assert conflict["rows"][0]["label"] == "email"
