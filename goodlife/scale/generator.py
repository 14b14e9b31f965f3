"""A council-sized synthetic dataset for benchmarks, reproducible from a seed.

Everything is written with bulk inserts in batches, bypassing the services (and so the
audit trail): it is synthetic data for measuring speed, never demo or real data. People
have years of history: episodes, conversation records, WELL12s, strengths, aspirations,
network maps, ideas, outcomes with steps, and support plans.

Sizes follow issue 9's table (small: 10,000 people; council: 200,000). "tiny" is for
tests of the generator itself.
"""

import datetime
import random
import uuid
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql

from goodlife.accounts.models import Role, Team, User
from goodlife.directory import search
from goodlife.directory.models import Service
from goodlife.people import timeline
from goodlife.people.models import Person, TimelineItem
from goodlife.planning.models import Outcome, PlanItem, SupportPlan, Task
from goodlife.practice.models import ConversationRecord, ConversationStage, Episode
from goodlife.strengths.models import Aspiration, NetworkMember, Strength
from goodlife.wellbeing import well12
from goodlife.wellbeing.models import Well12Response


@dataclass(frozen=True)
class Scale:
    people: int
    records: int
    well12s: int
    plans: int
    outcomes: int
    services: int
    staff: int


SCALES = {
    "tiny": Scale(
        people=60, records=1_200, well12s=120, plans=30, outcomes=150, services=20, staff=6
    ),
    "small": Scale(
        people=10_000,
        records=200_000,
        well12s=20_000,
        plans=5_000,
        outcomes=25_000,
        services=1_000,
        staff=100,
    ),
    "council": Scale(
        people=200_000,
        records=4_000_000,
        well12s=400_000,
        plans=100_000,
        outcomes=500_000,
        services=5_000,
        staff=1_000,
    ),
}

BATCH = 5_000
YEARS = 6
PASSWORD = "goodlife-bench"  # noqa: S105 - synthetic benchmark users only
FIRST = [
    "Amina",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Finn",
    "Grace",
    "Hassan",
    "Isla",
    "Jack",
    "Kiran",
    "Leah",
    "Mo",
    "Nia",
    "Owen",
    "Priya",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Zoe",
]
LAST = [
    "Ahmed",
    "Baxter",
    "Clarke",
    "Davies",
    "Evans",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Novak",
    "Okafor",
    "Patel",
    "Roberts",
    "Shah",
    "Taylor",
    "Walsh",
    "Young",
]
SKILLS = ["gardening", "cooking", "listening", "fixing things"]
SENTENCES = [
    "We met at the library café, which {n} chose because it is quiet.",
    "{n} told me about the garden and the tomatoes this year.",
    "{n} would like to get back to the choir on Thursdays.",
    "Her sister visits on Sundays and helps with shopping.",
    "{n} walks to the shop most days and knows everyone there.",
    "We talked about what a good week looks like.",
    "{n} said the stairs are harder since the winter.",
    "The neighbour takes in parcels and checks in most evenings.",
    "{n} wants to cook for the grandchildren again.",
    "We agreed to ring the walking group together next week.",
]
STEPS = ["gather", "ideas", "planning", "review"]
CLOSING_OUTCOMES = ["information_advice", "community", "short_term", "long_term", "no_services"]


class Generator:
    def __init__(self, scale: Scale, seed: int, say=print):
        self.scale, self.rng, self.say = scale, random.Random(seed), say  # noqa: S311
        self.now = timezone.now().replace(microsecond=0)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def when(self, days_back: int) -> datetime.datetime:
        return self.now - datetime.timedelta(days=days_back, seconds=self.rng.randrange(86_400))

    def bulk(self, model, rows) -> None:
        """Insert rows and the timeline entries they make: COPY on PostgreSQL (several
        times faster than INSERT), batched INSERTs elsewhere."""
        feed = timeline.feed_for(model)
        items = [i for row in rows for i in timeline.items_of(feed, row)] if feed else []
        if connection.vendor == "postgresql":
            copy_rows(model, rows)
            copy_rows(TimelineItem, items)
        else:
            model.objects.bulk_create(rows, batch_size=BATCH)
            TimelineItem.objects.bulk_create(items, batch_size=BATCH)

    def run(self) -> dict:
        counts = {}
        with transaction.atomic():
            counts["staff"] = self.staff()
            counts["services"] = self.services()
            counts["people"] = self.people()
        for name, make in (
            ("conversation records", self.records),
            ("WELL12s", self.well12s),
            ("strengths and networks", self.strengths),
            ("plans and outcomes", self.plans),
        ):
            with transaction.atomic():
                counts[name] = make()
            self.say(f"{name}: {counts[name]:,}")
        counts["timeline entries"] = TimelineItem.objects.count()
        return counts

    def staff(self) -> int:
        teams = [Team(name=f"Bench team {i + 1}") for i in range(max(1, self.scale.staff // 10))]
        self.bulk(Team, teams)
        self.teams = list(Team.objects.filter(name__startswith="Bench team "))
        password = make_password(PASSWORD)
        users = []
        for i in range(self.scale.staff):
            role = Role.TEAM_MANAGER if i % 10 == 0 else Role.PRACTITIONER
            users.append(
                User(
                    id=self.uuid(),
                    email=f"bench{i + 1}@example.org",
                    full_name=f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}",
                    role=role,
                    password=password,
                )
            )
        self.bulk(User, users)
        links = [
            User.teams.through(user_id=u.pk, team_id=self.teams[i // 10 % len(self.teams)].pk)
            for i, u in enumerate(users)
        ]
        self.bulk(User.teams.through, links)
        self.workers = [u for u in users if u.role == Role.PRACTITIONER]
        self.team_of = {link.user_id: link.team_id for link in links}
        return len(users)

    def services(self) -> int:
        topics = [
            "walking",
            "choir",
            "gardening",
            "astronomy",
            "knitting",
            "cooking",
            "chess",
            "swimming",
            "reading",
            "football",
            "art",
            "computers",
            "dancing",
            "history",
        ]
        rows = [
            Service(
                id=self.uuid(),
                name=f"{self.rng.choice(LAST)} {topic} group {i + 1}",
                description=f"A friendly {topic} group. Everyone welcome; tea afterwards.",
                is_free=self.rng.random() < 0.6,
            )
            for i, topic in enumerate(self.rng.choice(topics) for _ in range(self.scale.services))
        ]
        self.bulk(Service, rows)
        search.refresh_index([s.pk for s in rows])
        return len(rows)

    def people(self) -> int:
        rows = []
        for _ in range(self.scale.people):
            worker = self.rng.choice(self.workers)
            first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
            rows.append(
                Person(
                    id=self.uuid(),
                    legal_name=f"{first} {last}",
                    preferred_name=first,
                    date_of_birth=datetime.date(
                        1930 + self.rng.randrange(75),
                        1 + self.rng.randrange(12),
                        1 + self.rng.randrange(28),
                    ),
                    what_matters=f"{first} wants to stay at home and keep up with friends.",
                    team_id=self.team_of[worker.pk],
                    allocated_worker=worker,
                    status="open" if self.rng.random() < 0.7 else "closed",
                )
            )
        self.bulk(Person, rows)
        self.persons = rows
        return len(rows)

    def records(self) -> int:
        episodes, stages, records = [], [], []
        per_person = self.scale.records // self.scale.people
        for person in self.persons:
            worker = person.allocated_worker
            # Episodes over the years, each with its share of the person's records.
            count = max(1, self.rng.randrange(1, 4))
            for e in range(count):
                days_back = int(365 * YEARS * (count - e) / count) - self.rng.randrange(30)
                episode = Episode(
                    id=self.uuid(),
                    person=person,
                    contact_on=(self.now - datetime.timedelta(days=days_back)).date(),
                    contact_method="self",
                    raised_by=person.preferred_name,
                    reason="Wants to stay well at home.",
                    worker=worker,
                    opened_by=worker,
                    opened_at=self.when(days_back),
                    conversation=1 + e % 3,
                )
                episodes.append(episode)
                stages.append(
                    ConversationStage(
                        episode=episode,
                        conversation=1,
                        started_at=episode.opened_at,
                        started_by=worker,
                    )
                )
                share = per_person // count + (1 if e < per_person % count else 0)
                # Earlier episodes ended; the latest is still open for about one
                # person in six (a worker's open list stays a real caseload's length).
                if e < count - 1 or self.rng.random() < 5 / 6:
                    ended = min(
                        self.now, episode.opened_at + datetime.timedelta(days=7 * share + 14)
                    )
                    episode.closed_at = ended
                    episode.closed_on = ended.date()
                    episode.closed_by = worker
                    episode.outcome = self.rng.choice(CLOSING_OUTCOMES)
                    episode.end_reason = "goals_met"
                    episode.closing_note = (
                        "What matters is in place; the person knows how to reach us."
                    )
                for r in range(share):
                    at = self.when(max(0, days_back - r * 7))
                    text = " ".join(
                        s.format(n=person.preferred_name) for s in self.rng.sample(SENTENCES, 4)
                    )
                    records.append(
                        ConversationRecord(
                            id=self.uuid(),
                            episode=episode,
                            person=person,
                            conversation=episode.conversation,
                            step=self.rng.choice(STEPS),
                            happened_on=at.date(),
                            narrative=text,
                            status="finished",
                            author=worker,
                            created_at=at,
                            updated_at=at,
                            finalised_at=at,
                            original={"narrative": text},
                        )
                    )
            if len(records) >= BATCH * 4:
                self._flush(episodes, stages, records)
        self._flush(episodes, stages, records)
        return ConversationRecord.objects.filter(
            person__team__name__startswith="Bench team "
        ).count()

    def _flush(self, episodes, stages, records) -> None:
        self.bulk(Episode, episodes)
        self.bulk(ConversationStage, stages)
        self.bulk(ConversationRecord, records)
        episodes.clear(), stages.clear(), records.clear()

    def well12s(self) -> int:
        rows = []
        for i in range(self.scale.well12s):
            person = self.persons[i % len(self.persons)]
            answers = {f"item_{k}": self.rng.randrange(5) for k in range(1, 13)}
            scored = well12.score([answers[f"item_{k}"] for k in range(1, 13)])
            at = self.when(self.rng.randrange(365 * YEARS))
            rows.append(
                Well12Response(
                    id=self.uuid(),
                    person=person,
                    completed_on=at.date(),
                    completed_by=person.preferred_name,
                    how="together",
                    recorded_by=person.allocated_worker,
                    recorded_at=at,
                    total=scored.total,
                    answered=scored.answered,
                    **answers,
                )
            )
        self.bulk(Well12Response, rows)
        return len(rows)

    def strengths(self) -> int:
        strengths, aspirations, members = [], [], []
        for person in self.persons:
            worker = person.allocated_worker
            for k in range(3):
                at = self.when(self.rng.randrange(365 * YEARS))
                strengths.append(
                    Strength(
                        id=self.uuid(),
                        person=person,
                        recorded_by=worker,
                        recorded_at=at,
                        description=f"Good at {self.rng.choice(SKILLS)}.",
                        kind="skills",
                        identified_by="person",
                        identified_on=at.date(),
                    )
                )
                members.append(
                    NetworkMember(
                        id=self.uuid(),
                        person=person,
                        recorded_by=worker,
                        recorded_at=at,
                        name=f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} {k}",
                        kind="friend",
                        relationship="friend",
                        ring=1 + k,
                        frequency="weekly",
                        trusted="yes",
                    )
                )
            aspirations.append(
                Aspiration(
                    id=self.uuid(),
                    person=person,
                    recorded_by=worker,
                    recorded_at=self.when(self.rng.randrange(365)),
                    text=f"{person.preferred_name} would like to join a group again.",
                    term="short",
                )
            )
        self.bulk(Strength, strengths)
        self.bulk(Aspiration, aspirations)
        self.bulk(NetworkMember, members)
        self.aspiration_of = {a.person_id: a for a in aspirations}
        return len(strengths) + len(aspirations) + len(members)

    def plans(self) -> int:
        plans, outcomes, tasks, items, links = [], [], [], [], []
        per_plan = max(1, self.scale.outcomes // self.scale.plans)
        for person in self.rng.sample(self.persons, min(self.scale.plans, len(self.persons))):
            worker = person.allocated_worker
            agreed = self.when(self.rng.randrange(30, 365 * YEARS))
            plan = SupportPlan(
                id=self.uuid(),
                person=person,
                number=1,
                status="agreed",
                created_by=worker,
                created_at=agreed,
                agreed_on=agreed.date(),
                agreed_how="in_person",
                review_by=(agreed + datetime.timedelta(weeks=8)).date(),
                contingency="Ring the daughter, then the duty desk.",
                disengagement="Step back after the review.",
            )
            plans.append(plan)
            for o in range(per_plan):
                outcome = Outcome(
                    id=self.uuid(),
                    person=person,
                    aspiration=self.aspiration_of[person.pk],
                    text=f"{person.preferred_name} goes to the group every week ({o + 1})",
                    how_we_will_know="They tell us at the review",
                    by_when=agreed.date(),
                    short_term=o == 0,
                    domains=["participation"],
                    recorded_by=worker,
                    recorded_at=agreed,
                )
                outcomes.append(outcome)
                tasks.append(
                    Task(
                        id=self.uuid(),
                        outcome=outcome,
                        what="Ring the group",
                        who="person",
                        recorded_by=worker,
                        recorded_at=agreed,
                    )
                )
                item = PlanItem(
                    id=self.uuid(),
                    plan=plan,
                    description=f"Community group {o + 1}",
                    tier="community",
                )
                items.append(item)
                links.append(PlanItem.outcomes.through(planitem_id=item.pk, outcome_id=outcome.pk))
        for model, rows in (
            (SupportPlan, plans),
            (Outcome, outcomes),
            (Task, tasks),
            (PlanItem, items),
            (PlanItem.outcomes.through, links),
        ):
            self.bulk(model, rows)
        return len(plans) + len(outcomes)


def copy_rows(model, rows) -> None:
    """Write model instances with PostgreSQL's COPY, as bulk_create would: field defaults
    and auto_now values applied, auto-incremented keys left to the database."""
    if not rows:
        return
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and getattr(rows[0], f.attname) is None)
    ]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(f.column) for f in fields),
    )
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([f.get_db_prep_save(f.pre_save(row, True), connection) for f in fields])


def seed(scale: str, *, seed: int = 1, say=print) -> dict:
    if Team.objects.filter(name__startswith="Bench team ").exists():
        raise ValueError("This database already has benchmark data: use a fresh database")
    return Generator(SCALES[scale], seed, say).run()
