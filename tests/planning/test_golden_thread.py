"""Reviews scheduled from the plan, outcome progress over time, new versions after a
review, and the thread from any item back to its outcome and aspiration."""

import datetime

import pytest

from goodlife.audit.models import AuditEvent
from goodlife.planning import queries, services
from goodlife.planning.models import OutcomeProgress, PlanItem, SupportPlan
from tests.factories import PersonFactory, PlanItemFactory, SupportPlanFactory, TaskFactory
from tests.planning.test_review import agreed, text_of  # noqa: F401
from tests.planning.test_support_plan import TODAY, date_fields, outcome  # noqa: F401


def stop_travel(plan, by, on=TODAY, next_review_by=None):
    decisions = [
        (i, "stop" if i.tier == "short_term" else "continue", "Tom takes the bus alone")
        for i in plan.items.all()
    ]
    outcomes = queries.plan_outcomes(plan)
    return services.record_review(
        plan,
        by=by,
        reviewed_on=on,
        decisions=decisions,
        outcome_statuses=[(o, "achieved") for o in outcomes],
        next_review_by=next_review_by,
    )


def test_agreeing_schedules_the_first_review(agreed):  # noqa: F811
    assert agreed.review_by == TODAY + services.FIRST_REVIEW_AFTER


def test_a_review_must_be_after_the_agreement(practitioner, tom, outcome):  # noqa: F811
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(plan=plan, by=practitioner, description="Library", outcomes=[outcome])
    services.save_plan_texts(
        plan, by=practitioner, expected_version=1, contingency="c", disengagement="d"
    )
    with pytest.raises(services.NotAllowed):
        services.agree_plan(
            plan,
            by=practitioner,
            agreed_on=TODAY,
            agreed_how="phone",
            review_by=TODAY - datetime.timedelta(days=1),
        )


def test_outcome_progress_is_kept_at_agreement_and_each_review(
    as_practitioner,
    practitioner,
    agreed,  # noqa: F811
    outcome,  # noqa: F811
    tom,
):
    step = TaskFactory(outcome=outcome, by=practitioner, what="Ring the society")
    first = OutcomeProgress.objects.get(outcome=outcome)
    assert (first.status, first.review, first.recorded_on) == ("working", None, TODAY)
    services.complete_task(step, by=practitioner)
    stop_travel(agreed, practitioner, next_review_by=TODAY + datetime.timedelta(days=60))
    later = OutcomeProgress.objects.filter(outcome=outcome).last()
    assert (later.status, later.steps_done, later.steps_total) == ("achieved", 1, 1)

    agreed.refresh_from_db()
    assert agreed.review_by == TODAY + datetime.timedelta(days=60)
    page = as_practitioner.get(f"/people/{tom.pk}/support-plan/review/").content.decode()
    table = text_of(page.split('id="then-and-now"')[1].split("</table>")[0])
    # When the plan was agreed, at the first review, and now: side by side.
    assert "When the plan was agreed" in table and "At the review" in table and "Now" in table
    assert "twice a month Working towards it Achieved 1 of 1 step done Achieved" in table


def test_a_new_version_leaves_out_what_a_review_stopped(practitioner, tom, agreed):  # noqa: F811
    stop_travel(agreed, practitioner)
    second = services.start_plan(tom, by=practitioner)
    assert [i.description for i in second.items.all()] == ["Library book about space"]
    # The funding carries over, and is checked against what the support now costs.
    assert [line.weekly_amount for line in second.budget.all()] == [
        line.weekly_amount for line in agreed.budget.all()
    ]
    assert any("does not add up" in p.message for p in queries.problems_of(second))


def test_a_new_version_keeps_the_budget_when_council_support_continues(
    practitioner,
    tom,
    agreed,  # noqa: F811
):
    second = services.start_plan(tom, by=practitioner)
    assert second.items.count() == 2
    assert [line.weekly_amount for line in second.budget.all()] == [120]


def test_items_come_out_of_drafts_only(as_practitioner, practitioner, tom, agreed):  # noqa: F811
    item = agreed.items.first()
    url = f"/people/{tom.pk}/support-plan/items/{item.pk}/remove/"
    as_practitioner.post(url)
    assert PlanItem.objects.filter(pk=item.pk).exists()
    second = services.start_plan(tom, by=practitioner)
    copy = second.items.get(description=item.description)
    as_practitioner.post(f"/people/{tom.pk}/support-plan/items/{copy.pk}/remove/")
    assert not PlanItem.objects.filter(pk=copy.pk).exists()
    assert PlanItem.objects.filter(pk=item.pk).exists()  # the agreed version keeps it


def test_an_item_traces_back_to_its_outcome_and_aspiration(
    as_practitioner,
    practitioner,
    tom,
    agreed,  # noqa: F811
):
    item = agreed.items.get(description="Travel training")
    stop_travel(agreed, practitioner)
    url = f"/people/{tom.pk}/support-plan/items/{item.pk}/"
    page = text_of(as_practitioner.get(url).content.decode())
    assert "serves the outcome Tom goes to the astronomy society twice a month" in page
    assert "which is for the aspiration I want to be an astronaut" in page
    assert "Stop: no longer needed. Tom takes the bus alone" in page
    assert AuditEvent.objects.filter(
        person_id=tom.pk, summary="Viewed why a support plan item is there"
    ).exists()


def test_an_item_with_no_outcome_says_so(as_practitioner, practitioner, tom):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    item = PlanItemFactory(plan=plan, by=practitioner, description="Day centre")
    page = as_practitioner.get(f"/people/{tom.pk}/support-plan/items/{item.pk}/")
    assert "This support serves no outcome" in page.content.decode()


def test_someone_elses_item_is_not_found_through_another_person(
    as_practitioner,
    practitioner,
    tom,
    north,
    agreed,  # noqa: F811
):
    other = PersonFactory(team=north, allocated_worker=practitioner)
    item = agreed.items.first()
    response = as_practitioner.get(f"/people/{other.pk}/support-plan/items/{item.pk}/")
    assert response.status_code == 404


def test_the_team_sees_reviews_due_and_counts_stopped_support(
    as_manager,
    as_other_practitioner,
    practitioner,
    tom,
    agreed,  # noqa: F811
):
    SupportPlan.objects.filter(pk=agreed.pk).update(review_by=TODAY - datetime.timedelta(days=2))
    page = text_of(as_manager.get("/plans/team/").content.decode())
    assert "Tom Support plan 1 Priya Shah" in page and "Overdue" in page
    assert "0 of them stopped council support" in page

    stop_travel(agreed, practitioner)  # no next review: the plan ends here
    page = text_of(as_manager.get("/plans/team/").content.decode())
    assert "1 review in the last 12 months" in page
    assert "1 of them stopped council support that was no longer needed (£120.00 a week)" in page
    assert "No reviews are overdue" in page
    # Another team sees none of it.
    page = text_of(as_other_practitioner.get("/plans/team/").content.decode())
    assert "0 reviews in the last 12 months" in page and "Tom" not in page


def test_the_plan_page_lists_reviews_with_success_marked(
    as_practitioner,
    practitioner,
    tom,
    agreed,  # noqa: F811
):
    stop_travel(agreed, practitioner)
    page = text_of(as_practitioner.get(f"/people/{tom.pk}/support-plan/").content.decode())
    assert "Council support stopped It is no longer needed" in page
    assert "Travel training Stop: no longer needed: Tom takes the bus alone" in page
    assert "No further review planned" in page
    assert "Weekly cost £120.00" in page
    assert "Travel training Stopped at the last review" in page


def test_review_dates_are_checked(as_practitioner, tom, agreed):  # noqa: F811
    url = f"/people/{tom.pk}/support-plan/review/"
    data = {**date_fields("reviewed_on", TODAY), **date_fields("next_review_by", TODAY)}
    for item in agreed.items.all():
        data[f"decision_{item.pk}"] = "continue"
    page = as_practitioner.post(url, data).content.decode()
    assert "The next review must be after this one" in page


def test_the_persons_plan_moves_stopped_help_aside(
    as_practitioner,
    practitioner,
    tom,
    agreed,  # noqa: F811
):
    stop_travel(agreed, practitioner)
    page = text_of(as_practitioner.get(f"/people/{tom.pk}/my-plan/").content.decode())
    helping = page.split("Who is helping")[1].split("Help I don't need any more")[0]
    assert "Library book about space" in helping and "Travel training" not in helping
    assert "Help I don't need any more Travel training" in page
    assert "My budget each week" not in page  # the council support it paid for stopped
