"""The name finder behind "People mentioned in Tom's record" on the network map."""

import pytest

from goodlife.strengths.mentions import (
    Place,
    find,
    kind_of,
    quote,
    relation,
    same_person,
    suggest,
)
from goodlife.strengths.models import MemberKind

TOM = ["Thomas Baxter", "Tom"]


def found(text, own_names=TOM):
    return [(m.name, m.relationship) for m in find(text, own_names=own_names)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The shapes the issue names
        ("I talk to my sister Jane every Sunday.", [("Jane", "sister")]),
        ("Jane (sister) rings on Sundays.", [("Jane", "sister")]),
        ("Jane, Tom's sister, rings on Sundays.", [("Jane", "sister")]),
        ("His neighbour Mr Patel takes in parcels.", [("Mr Patel", "neighbour")]),
        ("Goes to the pub quiz with friend Ravi on Fridays.", [("Ravi", "friend")]),
        # From the demo's own records
        ("His sister Jane, who he talks to every Sunday.", [("Jane", "sister")]),
        (
            "Sister Jane (phones every Sunday). Few friends locally: would like more.",
            [("Jane", "sister")],
        ),
        ("Nancy, Pat (neighbour), Priya Shah", [("Pat", "neighbour")]),
        ("Her neighbour Pat has a key and pops in most days.", [("Pat", "neighbour")]),
        ("Speaks Bengali and English; his son Rafiq often joins calls.", [("Rafiq", "son")]),
        ("Large print. Her daughter Carol helps with letters.", [("Carol", "daughter")]),
        # Around the name
        ("Carol, her daughter, helps with letters.", [("Carol", "daughter")]),
        ("He rang Jane, his sister, yesterday.", [("Jane", "sister")]),
        ("Jane (his sister) came to the meeting.", [("Jane", "sister")]),
        ("Rafiq (son, lives nearby) does the shopping.", [("Rafiq", "son")]),
        ("Mr Okoye (next door) and Pat (next-door neighbour)", [("Pat", "next-door neighbour")]),
        ("Mr Patel, his neighbour, has a spare key.", [("Mr Patel", "neighbour")]),
        ("Her son, Michael, phones on Saturdays.", [("Michael", "son")]),
        ("Her son (Michael) phones on Saturdays.", [("Michael", "son")]),
        ("She has a friend called Maureen from church.", [("Maureen", "friend")]),
        ("Yesterday Jane (sister) rang.", [("Jane", "sister")]),
        ("Ravi, a friend from the astronomy club, lends him books.", [("Ravi", "friend")]),
        # Fuller names, titles and spellings
        ("My son Michael Quinn lives in Leeds.", [("Michael Quinn", "son")]),
        ("Her next door neighbour Mrs. Hill has a key.", [("Mrs Hill", "next-door neighbour")]),
        ("My mate Dave O'Brien drives me to the match.", [("Dave O'Brien", "mate")]),
        ("Zoë (granddaughter) visits at half term.", [("Zoë", "granddaughter")]),
        ("My friend Jane Hall comes on Tuesdays.", [("Jane Hall", "friend")]),
        ("His sister Jane’s house is on the way.", [("Jane", "sister")]),
        ("Uncle Bob takes him fishing.", [("Bob", "uncle")]),
        ("My Mum Sheila is 80 this year.", [("Sheila", "mum")]),
        ("Her daughter June visits in June.", [("June", "daughter")]),
        ("My son Will helps with the garden.", [("Will", "son")]),
        # How they are connected
        ("My best friend Ravi and his wife Asha", [("Ravi", "best friend"), ("Asha", "wife")]),
        ("His older sister Ann", [("Ann", "older sister")]),
        (
            "His brother-in-law Gary and step-son Dean",
            [("Gary", "brother-in-law"), ("Dean", "step-son")],
        ),
        ("My sister's husband Mark drives.", [("Mark", "sister's husband")]),
        ("Jane's husband Mark drives.", [("Mark", "Jane's husband")]),
        ("Tom's mum, Sheila, is 80.", [("Sheila", "mum")]),
        ("Her carer Mandy comes at eight.", [("Mandy", "carer")]),
        # Several at once
        ("Her sons Ali and Sami visit.", [("Ali", "son"), ("Sami", "son")]),
        (
            "My sisters Jane, Ann and Liz.",
            [("Jane", "sister"), ("Ann", "sister"), ("Liz", "sister")],
        ),
        (
            "Rafiq (son) and Amira (daughter) share the visits.",
            [("Rafiq", "son"), ("Amira", "daughter")],
        ),
        # A title in the middle of a sentence names someone, not family
        ("She sees Father Dominic after mass.", [("Father Dominic", "")]),
    ],
)
def test_names_beside_a_relationship_are_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Words that start a sentence, and days, months, holidays
        "Yesterday, his sister rang.",
        "Later, her son called round.",
        "Luckily, a neighbour from upstairs helped.",
        "Sadly, her husband died last year.",
        "Together, her son and I cleared the garden.",
        "Sunday (sister visits).",
        "Every Sunday, his sister rings.",
        "On Sunday his sister visits.",
        "In March, her son moved away.",
        "Since Christmas, his brother has not been in touch.",
        "My friend, May 2024 was a hard month.",
        "Her daughter, who lives in Leeds, phones weekly.",
        # Places
        "She moved to live in Leeds, her sister's town.",
        "We met in Leeds (sister lives there).",
        "They met at Eastbrook, his friend's village.",
        "He goes to the library with his friends at St Anne's.",
        "His friends at the Eastbrook Astronomy Society meet monthly.",
        "My friend Eastbrook Library staff know him well.",
        # Words that are not names
        "I (Tom's carer) visit daily.",
        "Dad isn't eating properly since Mum died.",
        "The library, where the staff know him and he feels at ease.",
        "Priya Shah (social worker)",
        "Few friends locally: would like more.",
        "Her grandchildren visit on Sundays.",
        "His sister lives in Bristol.",
        "My sister. Jane is someone else.",
        "MY SISTER JANE",
        "He is friends with Ravi.",
        "A friend of Jane's gave him a lift.",
        "His sister's Ford is in the drive.",
        "His GP Dr Amin rang.",
        "",
        "Knows every Apollo crew and how the ISS is resupplied.",
    ],
)
def test_nothing_that_is_not_a_named_person_is_found(text):
    assert found(text) == []


def test_where_the_name_is():
    text = "What works well: his sister Jane who he talks to every Sunday."
    (mention,) = find(text)
    assert text[mention.start : mention.end] == "Jane"
    assert mention.kind == "family"


def test_a_long_record_is_read_in_full():
    filler = "He follows every launch online and reads about space every day. " * 400
    text = filler + "His friend Ravi comes too. " + filler + "Pat (neighbour) has a key."
    assert found(text) == [("Ravi", "friend"), ("Pat", "neighbour")]


def test_text_that_lower_case_makes_longer_is_still_read():
    assert found("İstanbul trip. His sister Jane came.") == [("Jane", "sister")]


def test_relationship_words():
    assert relation("sisters-in-law") == ("sister-in-law", True)
    assert relation("Grandchildren") == ("grandchild", True)
    assert relation("ex-wife") == ("ex-wife", False)
    assert relation("neighbours") == ("neighbour", True)
    assert relation("friend-in-law") is None
    assert relation("sonnet") is None
    assert relation("person") is None


@pytest.mark.parametrize(
    ("relationship", "kind"),
    [
        ("sister", "family"),
        ("older sister", "family"),
        ("step-son", "family"),
        ("brother-in-law", "family"),
        ("sister's husband", "family"),
        ("Jane's husband", ""),
        ("sister's friend", ""),
        ("best friend", "friend"),
        ("mate", "friend"),
        ("next-door neighbour", "neighbour"),
        ("colleague", "work"),
        ("carer", ""),
        ("", ""),
    ],
)
def test_the_kind_of_member_a_relationship_makes(relationship, kind):
    assert kind_of(relationship) == kind


def test_every_kind_is_one_the_network_map_has():
    kinds = {kind_of(word) for word in ("sister", "friend", "neighbour", "colleague")}
    assert kinds <= set(MemberKind.values)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Jane", "Jane Baxter", True),
        ("jane baxter", "Jane Baxter", True),
        ("JANE", "jane", True),
        ("Jane Smith", "Jane Baxter", False),
        ("Margaret", "Aunt Margaret", True),
        ("Dominic", "Father Dominic", True),
        ("Mr Okoye", "Mr Okoye", True),
        ("Mr Okoye", "Dave Okoye", True),
        ("Mr Okoye", "Mrs Okoye", False),
        ("Mr Patel", "Mr Okoye", False),
        ("Sam", "Sam at number 12", True),
        ("Ravi", "Jane", False),
        ("Tom", "Thomas Baxter", False),
        ("", "Jane", False),
    ],
)
def test_which_names_may_be_the_same_person(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_suggestions_leave_out_the_person_and_their_map():
    passages = [
        ("His sister Jane, who he talks to every Sunday.", "A strength", "/s"),
        ("His friend Ravi comes to the club. His neighbour Mr Okoye waves.", "Notes", "/n"),
        ("Tom (Jane's brother) and Thomas, her brother, and his brother Tom", "Notes", "/n"),
        ("His cousin Mr Baxter", "Notes", "/n"),
    ]
    suggestions = suggest(passages, own_names=TOM, known_names=["JANE BAXTER", "Mr Okoye"])
    assert [(s.name, s.relationship, s.kind) for s in suggestions] == [("Ravi", "friend", "friend")]
    assert suggestions[0].places == [Place("Notes", "His friend Ravi comes to the club.", "/n")]


def test_a_name_on_the_map_is_matched_on_first_name_or_full_name():
    passages = [
        ("My sister Jane visits. Her neighbour Jane Smith too. Friend Sam Hughes.", "N", ""),
    ]
    names = [s.name for s in suggest(passages, known_names=["Jane Baxter", "Sam"])]
    assert names == ["Jane Smith"]


def test_someone_on_the_map_by_what_they_are_to_the_person_is_not_offered():
    passages = [("My mum Sheila and my sister Jane visit. Our nan Edna too.", "N", "")]
    names = [s.name for s in suggest(passages, known_names=["Mum", "Nan"])]
    assert names == ["Jane"]


def test_a_person_named_twice_is_one_suggestion_under_the_fuller_name():
    passages = [
        ("His sister Jane rings on Sundays.", "A strength", "/strengths"),
        ("Jane Baxter (sister) came to the meeting.", "Conversation record", "/records/1"),
        ("His sister Jane rings on Sundays.", "A strength", "/strengths"),
        ("Her neighbour Jane waves.", "Notes", "/notes"),
    ]
    suggestions = suggest(passages, own_names=TOM)
    assert [(s.name, s.relationship) for s in suggestions] == [
        ("Jane Baxter", "sister"),
        ("Jane", "neighbour"),
    ]
    assert [p.where for p in suggestions[0].places] == ["A strength", "Conversation record"]


def test_suggestions_are_kept_to_a_few_each_and_a_page_in_all():
    text = " ".join(f"His friend {name} came." for name in ["Ann", "Bea", "Cal", "Dee", "Eve"])
    passages = [(text, f"Record {n}", "") for n in range(5)]
    suggestions = suggest(passages, most=3, places_each=2)
    assert [s.name for s in suggestions] == ["Ann", "Bea", "Cal"]
    assert [p.where for p in suggestions[0].places] == ["Record 0", "Record 1"]


def test_a_quote_is_the_sentence_around_the_name():
    text = "We met at the café. His sister Jane,\nwho he talks to, rang! Then we left."
    start = text.index("Jane")
    assert quote(text, start, start + 4) == "His sister Jane,"
    text = (
        "We met. " + "Space is his thing and he talks about it a lot " * 5 + "with his friend Ravi."
    )
    start = text.index("Ravi")
    cut = quote(text, start, start + 4, width=60)
    assert cut.startswith("…") and cut.endswith("friend Ravi.")
    assert len(cut) <= 62
    text = "His friend Ravi " + "talks about the planets and the moons of Jupiter " * 5
    cut = quote(text, 11, 15, width=60)
    assert cut.startswith("His friend Ravi") and cut.endswith("…")
