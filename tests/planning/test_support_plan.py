import datetime

import pytest

from goodlife.errors import NotReady
from goodlife.planning import queries, services
from goodlife.planning.models import PlanStatus, SupportPlan
from tests.factories import AspirationFactory, OutcomeFactory, PlanItemFactory, SupportPlanFactory

TODAY = datetime.date.today()  # noqa: DTZ011


@pytest.fixture
def outcome(tom, practitioner):
    return OutcomeFactory(
        person=tom,
        by=practitioner,
        aspiration=AspirationFactory(
            person=tom, by=practitioner, text="I want to be an astronaut", term="long"
        ),
        text="Tom goes to the astronomy society twice a month",
        how_we_will_know="Tom tells us",
        by_when=TODAY,
    )


def date_fields(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_a_plan_from_start_to_agreement(as_practitioner, as_manager, practitioner, tom, outcome):
    base = f"/people/{tom.pk}/support-plan/"
    assert "Start a support plan" in as_practitioner.get(base).content.decode()
    as_practitioner.post(base + "start/")
    plan = SupportPlan.objects.get()
    as_practitioner.post(
        base + "items/add/",
        {
            "description": "Tom's sister drives him to the first meeting",
            "tier": "family_friends",
            "outcomes": [str(outcome.pk)],
        },
    )
    as_practitioner.post(
        base + "items/add/",
        {
            "description": "Support worker for four weeks to build confidence on the bus",
            "tier": "short_term",
            "outcomes": [str(outcome.pk)],
            "weekly_cost": "120",
            **date_fields("starts_on", TODAY),
        },
    )
    page = as_practitioner.get(base).content.decode()
    assert "needs a planned end date" in page and "needs a manager&#x27;s sign-off" in page
    assert "Write the contingency plan" in page
    items = page.split("What the support is")[1]
    assert items.index("sister drives") < items.index("Support worker")  # least intrusive first

    item = plan.items.get(tier="short_term")
    item.ends_on = TODAY + datetime.timedelta(days=28)
    item.save()
    # The practitioner sends it for sign-off with a note; a practitioner cannot decide.
    as_practitioner.post(base + "sign-off/", {"note": "Four weeks, then Tom goes alone"})
    asked = plan.sign_offs.get()
    assert asked.note == "Four weeks, then Tom goes alone" and asked.is_waiting
    decide = base + f"sign-off/{asked.pk}/"
    assert as_practitioner.post(decide, {"decision": "sign_off"}).status_code == 403
    item.refresh_from_db()
    assert item.signed_off_at is None  # practitioners do not sign off
    page = as_manager.get(decide).content.decode()
    fingerprint = page.split('name="fingerprint" value="')[1].split('"')[0]
    as_manager.post(decide, {"decision": "sign_off", "comment": "Fine", "fingerprint": fingerprint})
    item.refresh_from_db()
    assert item.signed_off_by is not None and item.signed_off_in.comment == "Fine"

    page = as_practitioner.get(base).content.decode()
    assert "The budget does not add up: support costs £120.00 a week" in page
    page = as_practitioner.post(base + "budget/add/", {"weekly_amount": "-5"}).content.decode()
    assert "Select where the money comes from" in page
    assert "Enter an amount each week of £0 or more" in page
    as_practitioner.post(
        base + "budget/add/",
        {"source": "council", "weekly_amount": "100", "taken_as": "direct_payment"},
    )
    as_practitioner.post(base + "budget/add/", {"source": "person", "weekly_amount": "20"})
    assert "does not add up" not in as_practitioner.get(base).content.decode()
    as_practitioner.post(
        base,
        {
            "version": "1",
            "contingency": "Call Jane, then the duty desk",
            "disengagement": "Priya steps back after the second meeting",
        },
    )
    page = as_practitioner.get(base + "agree/").content.decode()
    assert "Record agreement" in page
    as_practitioner.post(
        base + "agree/",
        {
            **date_fields("agreed_on", TODAY),
            "agreed_how": "in_person",
            **date_fields("review_by", TODAY),
        },
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT  # the review must come after the agreement
    review_by = TODAY + datetime.timedelta(weeks=6)
    as_practitioner.post(
        base + "agree/",
        {
            **date_fields("agreed_on", TODAY),
            "agreed_how": "in_person",
            **date_fields("review_by", review_by),
        },
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED and plan.agreed_how == "in_person"
    assert plan.review_by == review_by
    assert f"Next review by {review_by:%-d %B %Y}" in as_practitioner.get(base).content.decode()


def test_a_service_serving_no_outcome_is_flagged(practitioner, tom, outcome):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(plan=plan, by=practitioner, description="Day centre")
    messages = [p.message for p in queries.problems_of(plan)]
    assert any("serves no outcome" in m for m in messages)
    with pytest.raises(NotReady):
        services.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="phone")


def test_agreed_plans_are_versioned_not_edited(practitioner, tom, outcome):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(plan=plan, by=practitioner, description="Library book", outcomes=[outcome])
    services.save_plan_texts(
        plan, by=practitioner, expected_version=1, contingency="x", disengagement="y"
    )
    services.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="phone")
    with pytest.raises(services.NotAllowed):
        services.add_item(plan, by=practitioner, description="More", tier="community")
    second = services.start_plan(tom, by=practitioner)
    assert second.number == 2 and second.items.get().outcomes.get() == outcome
    services.agree_plan(second, by=practitioner, agreed_on=TODAY, agreed_how="phone")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.REPLACED


def test_an_agreement_date_is_required(as_practitioner, practitioner, tom, outcome):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(plan=plan, by=practitioner, description="Library book", outcomes=[outcome])
    services.save_plan_texts(
        plan, by=practitioner, expected_version=1, contingency="x", disengagement="y"
    )
    page = as_practitioner.post(f"/people/{tom.pk}/support-plan/agree/", {}).content.decode()
    assert "Enter when the plan was agreed" in page and "Select how it was agreed" in page
    assert "Enter when you will review the plan together" in page
