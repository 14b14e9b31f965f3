"""What people's support is built from: strengths, aspirations and networks, plans with
outcomes and reviews, and the services noted and needs logged for them."""

import datetime

from bench.scale.scales import YEARS
from bench.scale.words import FIRST, LAST, SKILLS, THEMES, TOPICS
from bench.scale.writing import Writer
from goodlife.directory.models import NotedSuggestion, UnmetNeed
from goodlife.planning.models import (
    Idea,
    Outcome,
    PlanItem,
    Review,
    ReviewDecision,
    SupportPlan,
    Task,
)
from goodlife.strengths.models import (
    Aspiration,
    Interest,
    NetworkChange,
    NetworkMember,
    Offer,
    Strength,
)


class Support(Writer):
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
