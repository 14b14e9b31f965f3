"""The synthetic borough: its teams and staff, and the directory's services."""

import datetime

from django.contrib.auth.hashers import make_password

from bench.scale.scales import PASSWORD
from bench.scale.words import DAY_CODES, DISTRICTS, FIRST, LAST, TOPICS
from bench.scale.writing import Writer
from goodlife.accounts.models import Role, Team, User
from goodlife.directory import search
from goodlife.directory.models import Location, Organization, Place, Schedule, Service


class Borough(Writer):
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
