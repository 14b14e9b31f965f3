"""The demo borough: Eastbrook, its two community teams, its staff and the seeds' people.

Everything here is fictional. NHS numbers are in the 999 range, which the NHS never
issues, and phone numbers are Ofcom's drama numbers (01632 960xxx).
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from goodlife.accounts.models import Role

DEMO_NAMESPACE = uuid.UUID("6f1c4d3e-2b7a-4c59-9a51-0d6c1e7b8a90")

TEAMS = [
    ("Northside Community Team", "Adult social care for the north of Eastbrook"),
    ("Riverside Community Team", "Adult social care for the river wards of Eastbrook"),
]
NORTHSIDE, RIVERSIDE = (t[0] for t in TEAMS)

# (email, full name, job title, role, teams)
STAFF = [
    ("practitioner@example.org", "Priya Shah", "Social worker", Role.PRACTITIONER, [NORTHSIDE]),
    (
        "practitioner2@example.org",
        "Daniel Okafor",
        "Occupational therapist",
        Role.PRACTITIONER,
        [RIVERSIDE],
    ),
    ("manager@example.org", "Grace Whitfield", "Team manager", Role.TEAM_MANAGER, [NORTHSIDE]),
    ("quality@example.org", "Sam Patel", "Principal social worker", Role.QUALITY_LEAD, []),
    ("directory@example.org", "Ellen Marsh", "Community connector", Role.DIRECTORY_EDITOR, []),
    (
        "commissioner@example.org",
        "Martin Hughes",
        "Commissioning manager",
        Role.COMMISSIONER,
        [],
    ),
    (
        "provider@example.org",
        "Lena Novak",
        "Service manager, Brightpath Support",
        Role.PROVIDER,
        [],
    ),
    ("admin@example.org", "Ade Williams", "Systems administrator", Role.ADMINISTRATOR, []),
    (
        "governance@example.org",
        "Hannah Reid",
        "Information governance officer",
        Role.INFORMATION_GOVERNANCE,
        [],
    ),
]

PEOPLE = [
    {
        "key": "tom",
        "legal_name": "Thomas Baxter",
        "preferred_name": "Tom",
        "pronouns": "he/him",
        "date_of_birth": datetime.date(1981, 6, 2),
        "nhs_number": "9990000018",
        "address": "14 Orchard Row\nEastbrook",
        "postcode": "EB1 4QT",
        "phone": "01632 960 014",
        "email": "tom.baxter@example.com",
        "communication_needs": (
            "Written information and a clear plan before we meet. Phone calls are hard: "
            "text or email first. Somewhere quiet, and time to think before answering."
        ),
        "what_matters": (
            "I want to be an astronaut. I know a lot about space: I can name every Apollo "
            "crew and I follow every launch. I want a job that I can keep, doing something "
            "I care about. I like knowing what is going to happen and when."
        ),
        "team": NORTHSIDE,
        "worker": "practitioner@example.org",
    },
    {
        "key": "nancy",
        "legal_name": "Nancy Quinn",
        "preferred_name": "",
        "pronouns": "she/her",
        "date_of_birth": datetime.date(1964, 9, 17),
        "nhs_number": "9990001383",
        "address": "3 Chapel Lane\nEastbrook",
        "postcode": "EB2 7HN",
        "phone": "01632 960 217",
        "email": "",
        "communication_needs": (
            "Face to face at home, in the morning. Wears a hearing aid in her left ear: "
            "sit facing her and speak clearly."
        ),
        "what_matters": (
            "My faith and my church. Being useful to people. Going to confession was where "
            "it turned round for me, and then I trained as a teacher. I still love helping "
            "people learn to read."
        ),
        "team": NORTHSIDE,
        "worker": "practitioner@example.org",
    },
    {
        "key": "mohammed",
        "legal_name": "Mohammed Rahman",
        "preferred_name": "",
        "pronouns": "he/him",
        "date_of_birth": datetime.date(1953, 2, 11),
        "nhs_number": "9990002754",
        "address": "27 Linden Court\nEastbrook",
        "postcode": "EB1 9DS",
        "phone": "01632 960 331",
        "email": "",
        "communication_needs": "Speaks Bengali and English; his son Rafiq often joins calls.",
        "what_matters": (
            "My allotment, and cooking for my grandchildren on Sundays. Since my wife died "
            "I want to keep my home the way she liked it."
        ),
        "team": NORTHSIDE,
        "worker": "practitioner@example.org",
    },
    {
        "key": "kezia",
        "legal_name": "Kezia Walters",
        "preferred_name": "Kez",
        "pronouns": "they/them",
        "date_of_birth": datetime.date(1992, 11, 30),
        "nhs_number": "9990004129",
        "address": "Flat 6, Harbour House\nEastbrook",
        "postcode": "EB3 2LP",
        "phone": "01632 960 402",
        "email": "kez.walters@example.com",
        "communication_needs": "Email is best. Prefers short meetings.",
        "what_matters": "Getting back to my music. Living on my own terms.",
        "team": NORTHSIDE,
        "worker": None,
    },
    {
        "key": "derek",
        "legal_name": "Derek Simmons",
        "preferred_name": "",
        "pronouns": "he/him",
        "date_of_birth": datetime.date(1962, 4, 5),
        "nhs_number": "9990005494",
        "address": "88 Station Road\nEastbrook",
        "postcode": "EB2 1AA",
        "phone": "01632 960 588",
        "email": "",
        "communication_needs": "",
        "what_matters": (
            "Walking my dog every morning. The walking group got me out again, and I don't "
            "need the council now."
        ),
        "team": NORTHSIDE,
        "worker": "practitioner@example.org",
        "status": "closed",
    },
    {
        "key": "joan",
        "legal_name": "Joan Fletcher",
        "preferred_name": "",
        "pronouns": "she/her",
        "date_of_birth": datetime.date(1940, 8, 23),
        "nhs_number": "9990006865",
        "address": "5 Mill Street\nEastbrook",
        "postcode": "EB4 6RW",
        "phone": "01632 960 655",
        "email": "",
        "communication_needs": "Large print. Her daughter Carol helps with letters.",
        "what_matters": (
            "Staying in the house I have lived in for sixty years, and my Thursday lunch "
            "club friends."
        ),
        "team": RIVERSIDE,
        "worker": "practitioner2@example.org",
    },
    {
        "key": "aisha",
        "legal_name": "Aisha Bello",
        "preferred_name": "",
        "pronouns": "she/her",
        "date_of_birth": datetime.date(1997, 1, 14),
        "nhs_number": "9990009600",
        "address": "12 Weaver's Yard\nEastbrook",
        "postcode": "EB4 3TF",
        "phone": "01632 960 712",
        "email": "aisha.bello@example.com",
        "communication_needs": "Uses a wheelchair; meet somewhere step-free.",
        "what_matters": (
            "Finishing my accountancy course and getting to wheelchair basketball on Saturdays."
        ),
        "team": RIVERSIDE,
        "worker": "practitioner2@example.org",
    },
]


def person_id(key: str) -> uuid.UUID:
    """Demo people keep the same id on every machine, so a rerun finds them again."""
    return uuid.uuid5(DEMO_NAMESPACE, key)


@dataclass(frozen=True)
class DemoBorough:
    """What `goodlife demo` has made, handed to the steps other apps add."""

    teams: dict
    staff: dict
    people: dict  # key ("tom", "nancy" …) -> Person


# Apps that build on people add their part of the demo story here, from AppConfig.ready().
# Each step must be idempotent: a second run keeps what users typed.
def backdate(queryset, field: str, when: datetime.datetime) -> None:
    """Date demo rows back in the story, a second apart so their order stays as told
    (equal timestamps would leave the order to the database)."""
    pks = list(queryset.order_by(field, "pk").values_list("pk", flat=True))
    for n, pk in enumerate(pks):
        queryset.model.objects.filter(pk=pk).update(**{field: when + datetime.timedelta(seconds=n)})


_steps: list[tuple[str, Callable[[DemoBorough], str | None]]] = []
_after: dict[str, tuple[str, ...]] = {}


def register_step(
    name: str, step: Callable[[DemoBorough], str | None], *, after: tuple[str, ...] = ()
) -> None:
    """``after``: the steps whose rows this one reads (a plan agreed in the story keeps the
    WELL12 recorded before it), run first whatever order the apps are installed in."""
    if name not in {n for n, _ in _steps}:
        _steps.append((name, step))
        _after[name] = tuple(after)


def steps() -> list[tuple[str, Callable[[DemoBorough], str | None]]]:
    """The steps in the order they were registered, each after the steps it names."""
    known = {name: step for name, step in _steps}
    ordered: list[tuple[str, Callable[[DemoBorough], str | None]]] = []

    def place(name, seen=()):
        if name in seen or any(n == name for n, _ in ordered):
            return
        for first in _after.get(name, ()):
            if first in known:
                place(first, (*seen, name))
        ordered.append((name, known[name]))

    for name, _ in _steps:
        place(name)
    return ordered
