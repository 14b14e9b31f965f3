"""People and their years of history: episodes, conversation records, holding support
and WELL12s."""

import datetime

from bench.scale.scales import BATCH, YEARS
from bench.scale.words import CLOSING_OUTCOMES, DISTRICTS, FIRST, LAST, SENTENCES, STEPS
from bench.scale.writing import Writer
from goodlife.people.models import Person
from goodlife.practice.models import (
    ConversationRecord,
    ConversationStage,
    Episode,
    HoldingSupport,
)
from goodlife.wellbeing import well12
from goodlife.wellbeing.models import Well12Response


class History(Writer):
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
