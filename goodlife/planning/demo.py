"""Tom's plan in the demo, from aspiration to a reviewed plan.

Seed 000's ideas for his astronaut aspiration come first; then two small, likely wins as
outcomes, a plan that leans on his own strengths, Jane, the library and the astronomy
society, with six weeks of council-funded travel training; and a review where the travel
training stops because Tom takes the bus on his own. The community connections remain.
His two WELL12s (wellbeing/demo.py, told first) fall either side of the society, so the
plan's agreement keeps the earlier one and the review the later.

A new user can build on it: starting a new version carries over what continues and leaves
out what the review stopped. Nancy's plan, from her conversation 3 to a review that
reduces her paid support, is ``demo_nancy``."""

import datetime

from django.utils import timezone

from goodlife.directory.models import Service
from goodlife.people.demo import backdate
from goodlife.planning import demo_nancy, queries, services, sign_off
from goodlife.planning.models import (
    Idea,
    Outcome,
    PlanItem,
    Review,
    SignOffRequest,
    SupportPlan,
    Task,
)
from goodlife.strengths import services as strengths

TOM_IDEAS = (
    ("Get a book about space from the library, and join it", "community", "Eastbrook Library"),
    ("Look on the internet for space agencies' open days and courses", "own_strengths", None),
    ("Watch a film together: Star Wars, 2001, Gravity", "family_friends", None),
    ("Visit the Space Centre", "community", "National Space Centre visits"),
    ("Join a club: meet people who love space too", "community", "Eastbrook Astronomical Society"),
    ("Buy a telescope (think about the cost first)", "own_strengths", None),
    ("A degree in rocket science, one day", "information", None),
)

# Days before today that each part of the story happened.
IDEAS_ON, OUTCOMES_ON, AGREED_ON, TRAINING_FROM, TRAINING_TO, REVIEWED_ON = (
    105,
    98,
    91,
    84,
    42,
    28,
)


def _day(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def _at(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def _ideas(tom, worker, astronaut):
    for text, tier, service_name in TOM_IDEAS:
        service = Service.objects.filter(name=service_name).first() if service_name else None
        services.add_idea(
            tom, by=worker, text=text, tier=tier, aspiration=astronaut, service=service
        )
    backdate(Idea.objects.filter(person=tom), "recorded_at", _at(IDEAS_ON))
    for idea in Idea.objects.filter(person=tom):
        if "telescope" in idea.text:
            services.set_idea_status(
                idea,
                by=worker,
                status="not_wanted",
                reason="Tom would rather use the society's telescopes before buying one.",
            )
        elif "club" in idea.text or "library" in idea.text:
            services.set_idea_status(idea, by=worker, status="wanted")


def _outcomes(tom, worker, astronaut, meet_people):
    club = services.add_outcome(
        tom,
        by=worker,
        aspiration=meet_people,
        text="Tom goes to the Eastbrook Astronomical Society on Tuesday evenings, on his own",
        how_we_will_know="Tom tells us he has been to three meetings and knows someone there",
        by_when=_day(AGREED_ON - 56),
        short_term=True,
        domains=["relationships", "participation"],
    )
    books = services.add_outcome(
        tom,
        by=worker,
        aspiration=astronaut,
        text="Tom has a library card and borrows a book about space each month",
        how_we_will_know="Tom shows Jane the book he is reading when they talk on Sunday",
        by_when=_day(AGREED_ON - 28),
        short_term=True,
        domains=["participation"],
    )
    steps = (
        (club, "Ring the society's secretary about the next meeting", "person", ""),
        (club, "Go with Tom to his first meeting", "family", "Jane Baxter"),
        (club, "Find the bus times from Tom's flat and back", "worker", ""),
        (books, "Join the library and borrow a first book", "person", ""),
    )
    for outcome, what, who, who_name in steps:
        services.add_task(
            outcome, by=worker, what=what, who=who, who_name=who_name, by_when=_day(AGREED_ON - 14)
        )
    backdate(Outcome.objects.filter(person=tom), "recorded_at", _at(OUTCOMES_ON))
    backdate(Task.objects.filter(outcome__person=tom), "recorded_at", _at(OUTCOMES_ON))
    return club, books


def _plan(tom, worker, manager, club, books):
    plan = services.start_plan(tom, by=worker)
    items = (
        ("Tom reads up on each month's night sky before the meetings", "own_strengths", [books]),
        ("Jane goes with Tom to his first society meeting", "family_friends", [club]),
        ("Eastbrook Astronomical Society, Tuesday evenings", "community", [club]),
        ("Eastbrook Library: a library card and books about space", "community", [books]),
    )
    for description, tier, outcomes in items:
        services.add_item(plan, by=worker, description=description, tier=tier, outcomes=outcomes)
    training = services.add_item(
        plan,
        by=worker,
        description="Travel training: a support worker takes the bus with Tom to the society",
        tier="short_term",
        outcomes=[club],
        provided_by="Eastbrook Reablement Service",
        starts_on=_day(TRAINING_FROM),
        ends_on=_day(TRAINING_TO),
        weekly_cost=96,
    )
    asked = sign_off.request_sign_off(
        plan, by=worker, note="Six weeks of travel training, then Tom goes on his own."
    )
    sign_off.decide(
        asked,
        by=manager,
        decision=sign_off.SIGN_OFF,
        comment="Agreed: short and clear. Let me know how the first bus trip goes.",
        fingerprint=queries.sign_off_summary(list(plan.items.all()))["fingerprint"],
    )
    PlanItem.objects.filter(pk=training.pk).update(signed_off_at=_at(AGREED_ON + 1))
    SignOffRequest.objects.filter(pk=asked.pk).update(
        requested_at=_at(AGREED_ON + 2), decided_at=_at(AGREED_ON + 1), seen_at=_at(AGREED_ON)
    )
    services.add_budget_line(
        plan, by=worker, source="council", weekly_amount=96, taken_as="council_arranged"
    )
    services.save_plan_texts(
        plan,
        by=worker,
        expected_version=plan.version,
        contingency="If Tom cannot get to a meeting, he rings the society's secretary; "
        "if the bus plan goes wrong he rings Jane, then Priya or the duty desk.",
        disengagement="Priya steps back once Tom has been to three meetings on his own, "
        "and checks in by phone a month later.",
    )
    plan = services.agree_plan(
        plan,
        by=worker,
        agreed_on=_day(AGREED_ON),
        agreed_how="in_person",
        review_by=_day(REVIEWED_ON),
    )
    SupportPlan.objects.filter(pk=plan.pk).update(created_at=_at(AGREED_ON + 2))
    return plan, training


def _review(tom, worker, plan, training, club, books):
    for task in Task.objects.filter(outcome__person=tom):
        services.complete_task(task, by=worker)
    Task.objects.filter(outcome__person=tom).update(done_at=_at(TRAINING_TO))
    decisions = [
        (
            item,
            "stop" if item.pk == training.pk else "continue",
            "Tom takes the 42 bus on his own now, and a member gives him a lift home."
            if item.pk == training.pk
            else "",
        )
        for item in plan.items.all()
    ]
    review = services.record_review(
        plan,
        by=worker,
        reviewed_on=_day(REVIEWED_ON),
        notes="Tom said: “I went on my own last week. Ravi showed me Jupiter's moons.” "
        "He borrows a book every month and has offered to help at the society's open night.",
        decisions=decisions,
        outcome_statuses=[(club, "achieved"), (books, "achieved")],
    )
    Review.objects.filter(pk=review.pk).update(recorded_at=_at(REVIEWED_ON))
    society = strengths.add_member(
        tom,
        by=worker,
        name="Eastbrook Astronomical Society",
        kind="group",
        relationship="member",
        ring=2,
        frequency="weekly",
        gives="Tuesday evenings with people who love space; a lift home",
        receives="Tom helps at the open night",
        trusted="not_asked",
    )
    # He joined the society's members on the network map at the review.
    type(society).objects.filter(pk=society.pk).update(recorded_at=_at(REVIEWED_ON))
    society.changes.update(at=_at(REVIEWED_ON))


def tell_story(borough) -> str | None:
    """Tom's story and Nancy's (``demo_nancy``), each once: a rerun leaves them alone."""
    told = [report for report in (_toms_story(borough), demo_nancy.tell(borough)) if report]
    return " ".join(told) or None


def _toms_story(borough) -> str | None:
    tom = borough.people["tom"]
    if Idea.objects.filter(person=tom).exists():
        return None
    worker = borough.staff["practitioner@example.org"]
    manager = borough.staff["manager@example.org"]
    astronaut = tom.aspirations.filter(text__icontains="astronaut").first()
    meet_people = tom.aspirations.filter(text__icontains="meet people").first()
    _ideas(tom, worker, astronaut)
    club, books = _outcomes(tom, worker, astronaut, meet_people)
    plan, training = _plan(tom, worker, manager, club, books)
    _review(tom, worker, plan, training, club, books)
    return (
        f"Tom's plan: {len(TOM_IDEAS)} ideas, 2 outcomes, support plan 1 agreed and reviewed "
        "with the council-funded travel training stopped."
    )
