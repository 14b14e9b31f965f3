"""Strengths in the demo story: Tom's knowledge of space and his persistence, his
astronaut aspiration and a small network; Nancy's richer network around her church."""

import datetime

from django.utils import timezone

from goodlife.people.demo import backdate
from goodlife.strengths import services
from goodlife.strengths.models import Aspiration, NetworkChange, NetworkMember, Offer, Strength

TOM = {
    "days_ago": 113,
    "strengths": [
        (
            "I know a great deal about space: every Apollo crew, how the ISS is resupplied.",
            "knowledge",
            "person",
        ),
        ("Tom keeps going: he has applied for jobs again and again.", "motivation", "worker"),
        ("He is reliable and punctual; he likes a clear routine.", "values", "family"),
        ("His sister Jane, who he talks to every Sunday.", "relationships", "person"),
        ("The library, where the staff know him and he feels at ease.", "community", "person"),
    ],
    "aspirations": [
        ("I want to be an astronaut.", "long", ["space", "astronomy", "science", "astronaut"]),
        (
            "I'd like to meet people who are into space like me.",
            "short",
            ["astronomy", "space", "clubs"],
        ),
    ],
    "offers": [("I could show people the planets through a telescope.", "Clear evenings", True)],
    "network": [
        (
            "Jane Baxter",
            "family",
            "sister",
            1,
            "weekly",
            "Talks things through on Sundays",
            "Tom helps with her computer",
            "yes",
        ),
        ("Mr Okoye", "neighbour", "next door", 2, "weekly", "Takes in parcels", "", "not_asked"),
        (
            "Eastbrook Library",
            "service",
            "",
            2,
            "weekly",
            "A quiet place, books on space",
            "",
            "not_asked",
        ),
        ("Dr Amin", "professional", "GP", 3, "rarely", "", "", "yes"),
    ],
}

NANCY = {
    "days_ago": 110,  # conversation 3: what a good life looks like
    "strengths": [
        (
            "Twenty years as a teacher: I'm patient and I love helping people learn.",
            "skills",
            "person",
        ),
        ("My faith keeps me going.", "values", "person"),
        ("St Anne's church and its people.", "community", "person"),
        ("Her own home, which she knows every inch of.", "housing", "worker"),
    ],
    "aspirations": [
        (
            "To teach again in some way, maybe helping adults learn to read.",
            "long",
            ["teaching", "reading", "volunteering"],
        ),
        (
            "To get to church every Sunday without worrying about the hill.",
            "short",
            ["church", "transport"],
        ),
    ],
    "offers": [("Helping adults learn to read.", "Weekday mornings", True)],
    "network": [
        (
            "St Anne's Church",
            "faith",
            "her parish",
            1,
            "weekly",
            "Belonging, friendship",
            "Nancy runs the tea rota",
            "yes",
        ),
        (
            "Pat Doyle",
            "neighbour",
            "next door",
            1,
            "daily",
            "Pops in most days, has a key",
            "Nancy listens when Pat is low",
            "yes",
        ),
        (
            "Michael Quinn",
            "family",
            "son, lives in Leeds",
            2,
            "weekly",
            "Phones on Saturdays",
            "",
            "yes",
        ),
        ("Father Dominic", "faith", "parish priest", 2, "weekly", "Confession, advice", "", "yes"),
        (
            "Thursday reading group",
            "group",
            "",
            2,
            "weekly",
            "Company, books to talk about",
            "Nancy chooses the books this term",
            "not_asked",
        ),
        ("Church lift-share", "group", "", 3, "weekly", "A lift on Sundays", "", "not_asked"),
        ("Falls prevention team", "service", "", 3, "rarely", "Exercise advice", "", "not_asked"),
        ("Dr Amin", "professional", "GP", 3, "rarely", "", "", "yes"),
    ],
}


def _tell(person, worker, story):
    day = timezone.localdate() - datetime.timedelta(days=story.get("days_ago", 14))
    for description, kind, who in story["strengths"]:
        services.add_strength(
            person,
            by=worker,
            description=description,
            kind=kind,
            identified_by=who,
            identified_on=day,
        )
    for text, term, interests in story["aspirations"]:
        services.add_aspiration(person, by=worker, text=text, term=term, interests=interests)
    for what, when, share in story["offers"]:
        services.add_offer(person, by=worker, what=what, when=when, share_with_community=share)
    for name, kind, relationship, ring, frequency, gives, receives, trusted in story["network"]:
        services.add_member(
            person,
            by=worker,
            name=name,
            kind=kind,
            relationship=relationship,
            ring=ring,
            frequency=frequency,
            gives=gives,
            receives=receives,
            trusted=trusted,
        )
    # Dated back to the conversation.
    when = timezone.now() - datetime.timedelta(days=story.get("days_ago", 0))
    for model in (Strength, Aspiration, Offer, NetworkMember):
        backdate(model.objects.filter(person=person), "recorded_at", when)
    NetworkChange.objects.filter(person=person).update(at=when)


def tell_story(borough) -> str | None:
    told = []
    for key, story in (("tom", TOM), ("nancy", NANCY)):
        person = borough.people[key]
        if Strength.objects.filter(person=person).exists():
            continue
        _tell(person, borough.staff["practitioner@example.org"], story)
        told.append(key)
    return f"Strengths and networks added for {', '.join(told)}." if told else None
