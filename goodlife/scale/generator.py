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
from goodlife.directory.models import (
    Location,
    NotedSuggestion,
    Organization,
    Place,
    Schedule,
    Service,
    UnmetNeed,
)
from goodlife.people import timeline
from goodlife.people.models import Person, TimelineItem
from goodlife.planning.models import (
    Idea,
    Outcome,
    PlanItem,
    Review,
    ReviewDecision,
    SupportPlan,
    Task,
)
from goodlife.practice.models import (
    ConversationRecord,
    ConversationStage,
    Episode,
    HoldingSupport,
)
from goodlife.strengths.models import (
    Aspiration,
    Interest,
    NetworkChange,
    NetworkMember,
    Offer,
    Strength,
)
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
TOPICS = [
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
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Postcode districts of the synthetic borough, with their centres (about 2 miles apart).
DISTRICTS = {f"BB{n}": (52.60 + 0.03 * (n % 3), -1.20 + 0.04 * (n // 3)) for n in range(1, 10)}
THEMES = ["social", "active", "learning", "interests", "transport"]
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
            ("holding support", self.holding),
            ("WELL12s", self.well12s),
            ("strengths and networks", self.strengths),
            ("plans and outcomes", self.plans),
            ("suggestions and unmet needs", self.suggestions),
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
        for name, (lat, lon) in DISTRICTS.items():
            Place.objects.get_or_create(name=name, defaults={"latitude": lat, "longitude": lon})
        organizations = [
            Organization(id=self.uuid(), name=f"{self.rng.choice(LAST)} Community Trust {i + 1}")
            for i in range(max(1, self.scale.services // 5))
        ]
        self.bulk(Organization, organizations)
        rows, locations, links, schedules = [], [], [], []
        for i in range(self.scale.services):
            topic = self.rng.choice(TOPICS)
            service = Service(
                id=self.uuid(),
                organization=self.rng.choice(organizations),
                name=f"{self.rng.choice(LAST)} {topic} group {i + 1}",
                description=f"A friendly {topic} group. Everyone welcome; tea afterwards.",
                is_free=self.rng.random() < 0.6,
                offers_connect=True,
                offers_be_active=topic in ("walking", "swimming", "football", "dancing"),
                offers_learn=topic in ("computers", "history", "reading", "astronomy"),
            )
            rows.append(service)
            district, (lat, lon) = self.rng.choice(list(DISTRICTS.items()))
            location = Location(
                id=self.uuid(),
                name=f"{self.rng.choice(LAST)} Hall",
                address=f"{1 + self.rng.randrange(200)} High Street",
                postcode=f"{district} {self.rng.randrange(1, 10)}AB",
                latitude=lat + self.rng.uniform(-0.015, 0.015),
                longitude=lon + self.rng.uniform(-0.02, 0.02),
                accessibility="Step-free entrance" if self.rng.random() < 0.5 else "",
            )
            locations.append(location)
            links.append(Service.locations.through(service_id=service.pk, location_id=location.pk))
            opens = datetime.time(9 + self.rng.randrange(11))
            schedules.append(
                Schedule(
                    service=service,
                    byday=self.rng.choice(DAY_CODES),
                    opens_at=opens,
                    closes_at=datetime.time(opens.hour + 2),
                    freq="WEEKLY",
                )
            )
        self.bulk(Service, rows)
        self.bulk(Location, locations)
        self.bulk(Service.locations.through, links)
        self.bulk(Schedule, schedules)
        search.refresh_index([s.pk for s in rows])
        self.services_made = rows
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
                    address=f"{1 + self.rng.randrange(300)} {self.rng.choice(LAST)} Road",
                    postcode=f"{self.rng.choice(list(DISTRICTS))} {self.rng.randrange(1, 10)}QT",
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
        strengths, aspirations, members, changes, offers, tagged = [], [], [], [], [], []
        interests = [Interest.objects.get_or_create(name=topic)[0] for topic in TOPICS]
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
                member = NetworkMember(
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
                members.append(member)
                changes.append(
                    NetworkChange(
                        member=member,
                        person=person,
                        change=NetworkChange.Change.JOINED,
                        at=at,
                        by=worker,
                        ring_after=member.ring,
                    )
                )
            chosen = self.rng.sample(interests, 2)
            aspiration = Aspiration(
                id=self.uuid(),
                person=person,
                recorded_by=worker,
                recorded_at=self.when(self.rng.randrange(365)),
                text=f"{person.preferred_name} would like to get back to {chosen[0].name}.",
                term="short",
            )
            aspirations.append(aspiration)
            tagged += [
                Aspiration.interests.through(aspiration_id=aspiration.pk, interest_id=i.pk)
                for i in chosen
            ]
            if self.rng.random() < 1 / 8:
                at = self.when(self.rng.randrange(365 * YEARS))
                offers.append(
                    Offer(
                        id=self.uuid(),
                        person=person,
                        recorded_by=worker,
                        recorded_at=at,
                        what=f"Could show others some {self.rng.choice(TOPICS)}",
                        when="Weekday mornings",
                        share_with_community=self.rng.random() < 0.7,
                    )
                )
        self.bulk(Strength, strengths)
        self.bulk(Aspiration, aspirations)
        self.bulk(Aspiration.interests.through, tagged)
        self.bulk(Offer, offers)
        self.bulk(NetworkMember, members)
        self.bulk(NetworkChange, changes)
        self.aspiration_of = {a.person_id: a for a in aspirations}
        return len(strengths) + len(aspirations) + len(offers) + len(members)

    def plans(self) -> int:
        plans, outcomes, tasks, items, links = [], [], [], [], []
        ideas, reviews, decisions = [], [], []
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
            ideas += [
                Idea(
                    id=self.uuid(),
                    person=person,
                    aspiration=self.aspiration_of[person.pk],
                    text=text,
                    tier=tier,
                    status="wanted",
                    recorded_by=worker,
                    recorded_at=agreed - datetime.timedelta(days=14),
                )
                for text, tier in (
                    ("Ask the neighbour to walk there together", "family_friends"),
                    ("Try the group's open morning", "community"),
                )
            ]
            plan_items = []
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
                plan_items.append(item)
                links.append(PlanItem.outcomes.through(planitem_id=item.pk, outcome_id=outcome.pk))
            reviewed = agreed + datetime.timedelta(weeks=8)
            if reviewed < self.now and self.rng.random() < 0.6:
                review = Review(
                    id=self.uuid(),
                    plan=plan,
                    reviewed_on=reviewed.date(),
                    notes="Going to the group most weeks; wants to carry on.",
                    reviewed_by=worker,
                    recorded_at=reviewed,
                )
                made = [
                    ReviewDecision(
                        review=review,
                        item=item,
                        decision="stop" if self.rng.random() < 0.1 else "continue",
                    )
                    for item in plan_items
                ]
                # The review's timeline entry counts what it stopped: give it its
                # decisions before they are written.
                review._prefetched_objects_cache = {"decisions": made}
                reviews.append(review)
                decisions += made
        for model, rows in (
            (SupportPlan, plans),
            (Outcome, outcomes),
            (Task, tasks),
            (PlanItem, items),
            (PlanItem.outcomes.through, links),
            (Idea, ideas),
            (Review, reviews),
            (ReviewDecision, decisions),
        ):
            self.bulk(model, rows)
        return len(plans) + len(outcomes) + len(ideas) + len(reviews)

    def holding(self) -> int:
        """Short-term holding support for about one person in 25; most of it has ended."""
        rows = []
        for person in self.persons[1::25]:
            worker = person.allocated_worker
            at = self.when(self.rng.randrange(365 * YEARS))
            support = HoldingSupport(
                id=self.uuid(),
                person=person,
                what="Daily phone calls while the family is away",
                starts_on=at.date(),
                planned_end_on=(at + datetime.timedelta(weeks=4)).date(),
                recorded_by=worker,
                recorded_at=at,
            )
            ended = at + datetime.timedelta(weeks=4)
            if ended < self.now and self.rng.random() < 0.9:
                support.ended_on = ended.date()
                support.reviewed_at = ended
                support.closed_by = worker
                support.outcome_note = "The family is back; no more calls needed."
            rows.append(support)
        self.bulk(HoldingSupport, rows)
        return len(rows)

    def suggestions(self) -> int:
        """Services noted for about one person in ten; unmet needs for one in fifty."""
        noted, needs = [], []
        for i, person in enumerate(self.persons):
            worker = person.allocated_worker
            if self.rng.random() < 1 / 10:
                service = self.rng.choice(self.services_made)
                noted.append(
                    NotedSuggestion(
                        person=person,
                        service=service,
                        reason=f"{person.preferred_name} is interested in this",
                        noted_by=worker,
                        noted_at=self.when(self.rng.randrange(365 * YEARS)),
                    )
                )
            if i % 50 == 1:
                needs.append(
                    UnmetNeed(
                        person=person,
                        what="No evening group near enough to walk to",
                        theme=self.rng.choice(THEMES),
                        area=person.postcode.split()[0],
                        logged_by=worker,
                        logged_at=self.when(self.rng.randrange(365 * YEARS)),
                    )
                )
        self.bulk(NotedSuggestion, noted)
        self.bulk(UnmetNeed, needs)
        return len(noted) + len(needs)


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
