"""Nancy's plan in the demo: conversation 3 leads to a personal budget, signed off, agreed
and reviewed with her paid support reduced.

From the ideas of her conversation 3 (the library's adult literacy tutors, the church's
lift-share, a stair rail) come three outcomes in her words; support plan 1 leans on her
teaching, Pat, the library and St Anne's, with eight hours a week of a personal assistant
paid from a personal budget (the council's share and her own contribution, through a
managed account). Priya sends it for sign-off with a note; Grace signs it off with a
comment; Nancy agrees it. Ten weeks on, the review changes the personal assistant to four
hours a week, because Pat drives her to the shops and she takes the bus to the library on
her own; support plan 2 carries that on with the council's share lowered to match, and
Nancy agrees it by phone two days later."""

import datetime
from decimal import Decimal

from django.utils import timezone

from goodlife.directory.models import Service
from goodlife.people.demo import backdate
from goodlife.planning import queries, services, sign_off
from goodlife.planning.models import (
    FundingSource,
    Idea,
    Outcome,
    PlanItem,
    Review,
    SignOffRequest,
    SupportPlan,
    Task,
)

# Days before today that each part of the story happened (her conversation 3 began 112
# days ago, and the ideas were talked through 91 days ago: practice/demo.py).
IDEAS_ON, OUTCOMES_ON, SENT_ON, SIGNED_ON, AGREED_ON, REVIEWED_ON, AGREED_AGAIN_ON = (
    91,
    84,
    73,
    72,
    70,
    14,
    12,
)

HOURS_BEFORE, HOURS_AFTER, HOURLY_RATE = 8, 4, Decimal("23.50")
CONTRIBUTION = Decimal("30.00")  # what her financial assessment says she pays each week
COST_BEFORE, COST_AFTER = HOURS_BEFORE * HOURLY_RATE, HOURS_AFTER * HOURLY_RATE  # £188, £94

# (idea, tier, directory entry, which aspiration: "teach", "church" or None, wanted?)
IDEAS = (
    ("Volunteer with the library's adult literacy tutors", "community", "Adult literacy tutors",
     "teach", True),
    ("The church's lift-share on Sundays", "community", "Church lift-share", "church", True),
    ("A technology-enabled care assessment: a second stair rail, and keep the falls pendant",
     "technology", "Technology-enabled care assessments", None, True),
    ("Move her bed downstairs", "own_strengths", None, None, False),
)  # fmt: skip
NOT_WANTED = "Nancy said: “I'm not living in one room. My bedroom stays upstairs.”"


def _day(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def _at(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def _ideas(nancy, worker, aspirations):
    for text, tier, service_name, aspiration, wanted in IDEAS:
        service = Service.objects.filter(name=service_name).first() if service_name else None
        idea = services.add_idea(
            nancy,
            by=worker,
            text=text,
            tier=tier,
            aspiration=aspirations[aspiration],
            service=service,
        )
        if wanted:
            services.set_idea_status(idea, by=worker, status="wanted")
        else:
            services.set_idea_status(idea, by=worker, status="not_wanted", reason=NOT_WANTED)
    backdate(Idea.objects.filter(person=nancy), "recorded_at", _at(IDEAS_ON))


def _outcomes(nancy, worker, aspirations):
    teach = services.add_outcome(
        nancy,
        by=worker,
        aspiration=aspirations["teach"],
        text="I'm helping an adult learn to read, one morning a week at the library",
        how_we_will_know="Nancy has a learner and has been to four sessions with them",
        by_when=_day(AGREED_ON - 56),
        domains=["contribution", "participation"],
    )
    church = services.add_outcome(
        nancy,
        by=worker,
        aspiration=aspirations["church"],
        text="I get to St Anne's every Sunday, and home again, without worrying about the hill",
        how_we_will_know="Nancy tells Priya she has been to Mass four Sundays running",
        by_when=_day(AGREED_ON - 28),
        short_term=True,
        domains=["participation", "relationships"],
    )
    home = services.add_outcome(
        nancy,
        by=worker,
        text="I stay in my own home, with my bedroom upstairs, and keep it the way I like it",
        how_we_will_know="Nancy manages the stairs with the rail and has had no falls",
        by_when=_day(AGREED_ON - 84),
        domains=["accommodation", "control"],
    )
    steps = (
        (teach, "Ring the library about the tutors' training day", "person", ""),
        (church, "Ask Father Dominic who drives the lift-share", "person", ""),
        (church, "Walk Nancy to the lift-share pick-up the first Sunday", "family", "Pat Doyle"),
        (home, "Book the technology-enabled care assessment", "worker", ""),
    )
    for outcome, what, who, who_name in steps:
        services.add_task(
            outcome, by=worker, what=what, who=who, who_name=who_name, by_when=_day(AGREED_ON - 14)
        )
    backdate(Outcome.objects.filter(person=nancy), "recorded_at", _at(OUTCOMES_ON))
    backdate(Task.objects.filter(outcome__person=nancy), "recorded_at", _at(OUTCOMES_ON))
    return teach, church, home


def _plan(nancy, worker, manager, teach, church, home):
    plan = services.start_plan(nancy, by=worker)
    items = (
        ("Nancy's twenty years of teaching: she plans each reading session herself",
         "own_strengths", [teach], ""),
        ("Pat looks in most days, and walks Nancy to the lift-share on Sundays",
         "family_friends", [church, home], "Pat Doyle"),
        ("Adult literacy tutors: the training day, then Tuesday mornings with a learner",
         "community", [teach], "Eastbrook Library"),
        ("St Anne's lift-share: a lift to Mass and home again on Sundays",
         "community", [church], "Church lift-share"),
        ("A second stair rail, and the falls pendant she kept from the spring",
         "technology", [home], "Technology-enabled care service"),
    )  # fmt: skip
    for description, tier, outcomes, provided_by in items:
        services.add_item(
            plan,
            by=worker,
            description=description,
            tier=tier,
            outcomes=outcomes,
            provided_by=provided_by,
        )
    assistant = services.add_item(
        plan,
        by=worker,
        description=f"A personal assistant, {HOURS_BEFORE} hours a week: the shopping, the "
        "heavier housework upstairs, and the bus to the library with Nancy until she is "
        "confident on her own",
        tier="long_term",
        outcomes=[teach, home],
        provided_by="Brightpath Support",
        starts_on=_day(AGREED_ON),
        open_ended_reason="The stairs and her wrist make the shopping and the housework hard "
        "for the long term: we look at the hours at each review rather than set an end date.",
        weekly_cost=COST_BEFORE,
    )
    asked = sign_off.request_sign_off(
        plan,
        by=worker,
        note=f"{HOURS_BEFORE} hours a week of a personal assistant, £{COST_BEFORE} a week, "
        f"open-ended. Nancy pays £{CONTRIBUTION} a week of it (her financial assessment); she "
        "chose a managed account so she does not handle the payments. Everything else is "
        "her own, Pat's and her community's.",
    )
    sign_off.decide(
        asked,
        by=manager,
        decision=sign_off.SIGN_OFF,
        comment="Signed off. Open-ended is right for now, but look at the hours at the first "
        "review: with the lift-share and the library she may need fewer.",
        fingerprint=queries.sign_off_summary(list(plan.items.all()))["fingerprint"],
    )
    PlanItem.objects.filter(pk=assistant.pk).update(signed_off_at=_at(SIGNED_ON))
    SignOffRequest.objects.filter(pk=asked.pk).update(
        requested_at=_at(SENT_ON), decided_at=_at(SIGNED_ON), seen_at=_at(SIGNED_ON - 1)
    )
    council = COST_BEFORE - CONTRIBUTION
    for source, amount in ((FundingSource.COUNCIL, council), (FundingSource.PERSON, CONTRIBUTION)):
        services.add_budget_line(
            plan, by=worker, source=source, weekly_amount=amount, taken_as="managed_account"
        )
    services.save_plan_texts(
        plan,
        by=worker,
        expected_version=plan.version,
        contingency="If the personal assistant cannot come, Brightpath sends someone Nancy "
        "has met; if the lift-share falls through, Pat or Father Dominic takes her to Mass. "
        "If she falls, she presses the pendant.",
        disengagement="Priya steps back once Nancy has a learner and four Sundays at Mass "
        "behind her, and rings her before each review.",
    )
    plan = services.agree_plan(
        plan,
        by=worker,
        agreed_on=_day(AGREED_ON),
        agreed_how="in_person",
        review_by=_day(REVIEWED_ON),
    )
    SupportPlan.objects.filter(pk=plan.pk).update(created_at=_at(SENT_ON + 1))
    return plan, assistant


def _review(nancy, worker, plan, assistant, teach, church, home):
    for task in Task.objects.filter(outcome__person=nancy):
        services.complete_task(task, by=worker)
    Task.objects.filter(outcome__person=nancy).update(done_at=_at(AGREED_ON - 21))
    fewer_hours = {
        "weekly_cost": COST_AFTER,
        "description": f"A personal assistant, {HOURS_AFTER} hours a week: the heavier "
        "housework upstairs and changing the bed",
    }
    decisions = [
        (item, "continue", "")
        if item.pk != assistant.pk
        else (
            item,
            "change",
            "Nancy said: “Pat drives me to the big shop on Fridays now, and I get the bus to "
            "the library on my own. I only need help with the cleaning upstairs.”",
            fewer_hours,
        )
        for item in plan.items.all()
    ]
    review = services.record_review(
        plan,
        by=worker,
        reviewed_on=_day(REVIEWED_ON),
        notes="Nancy said: “I've two learners now, Tuesdays and Thursdays. One of them read "
        "me a whole page last week.” The lift-share takes her to Mass every Sunday, and she "
        "has had no falls since the rail went in.",
        decisions=decisions,
        outcome_statuses=[(teach, "achieved"), (church, "achieved"), (home, "working")],
    )
    Review.objects.filter(pk=review.pk).update(recorded_at=_at(REVIEWED_ON))
    return review


def _agree_again(nancy, worker):
    """Support plan 2, started by the review: the council's share comes down to the lower
    cost (her contribution stays as assessed) and Nancy agrees it by phone."""
    plan = SupportPlan.objects.get(person=nancy, number=2)
    council = plan.budget.get(source=FundingSource.COUNCIL)
    services.change_budget_line(
        council,
        by=worker,
        expected_version=council.version,
        source=FundingSource.COUNCIL,
        weekly_amount=COST_AFTER - CONTRIBUTION,
        taken_as=council.taken_as,
    )
    plan = services.agree_plan(
        plan,
        by=worker,
        agreed_on=_day(AGREED_AGAIN_ON),
        agreed_how="phone",
        review_by=_day(AGREED_AGAIN_ON) + datetime.timedelta(weeks=12),
    )
    SupportPlan.objects.filter(pk=plan.pk).update(created_at=_at(REVIEWED_ON))
    return plan


def tell(borough) -> str | None:
    nancy = borough.people["nancy"]
    if SupportPlan.objects.filter(person=nancy).exists() or nancy.ideas.exists():
        return None
    worker = borough.staff["practitioner@example.org"]
    manager = borough.staff["manager@example.org"]
    aspirations = {
        "teach": nancy.aspirations.filter(text__icontains="teach").first(),
        "church": nancy.aspirations.filter(text__icontains="church").first(),
        None: None,
    }
    _ideas(nancy, worker, aspirations)
    teach, church, home = _outcomes(nancy, worker, aspirations)
    plan, assistant = _plan(nancy, worker, manager, teach, church, home)
    _review(nancy, worker, plan, assistant, teach, church, home)
    _agree_again(nancy, worker)
    return (
        f"Nancy's plan: support plan 1 signed off and agreed with a personal budget of "
        f"£{COST_BEFORE} a week, reviewed with her personal assistant cut from "
        f"{HOURS_BEFORE} to {HOURS_AFTER} hours (£{COST_AFTER} a week) in support plan 2."
    )
