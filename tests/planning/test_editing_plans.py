"""A draft plan can be edited: items, funding, ideas, outcomes and steps open in an edit
form with the same checks and the same protection against two people saving at once;
taking something out asks first and can be undone until the plan is agreed; nothing typed
in the plan's boxes is lost whichever button is pressed."""

import datetime
import re

import pytest

from goodlife.audit.models import Action, AuditEvent
from goodlife.errors import Conflict
from goodlife.planning import services
from goodlife.planning.models import BudgetLine, Idea, PlanItem, Review
from tests.factories import PlanItemFactory, SupportPlanFactory, Well12ResponseFactory, signed_off
from tests.planning.test_support_plan import TODAY, date_fields, outcome  # noqa: F401


@pytest.fixture
def draft(tom, practitioner, outcome):  # noqa: F811
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(plan=plan, by=practitioner, description="Library card", outcomes=[outcome])
    services.add_budget_line(plan, by=practitioner, source="person", weekly_amount=10)
    return plan


def base(tom):
    return f"/people/{tom.pk}/support-plan/"


def test_an_item_is_changed_in_place_and_a_stale_copy_is_refused(
    draft,
    tom,
    practitioner,
    as_practitioner,
    outcome,  # noqa: F811
):
    item = draft.items.get()
    url = base(tom) + f"items/{item.pk}/change/"
    page = as_practitioner.get(url).content.decode()
    assert "Library card" in page and f'name="version" value="{item.version}"' in page
    sent = {
        "version": str(item.version),
        "description": "Library card and a book about space each month",
        "tier": "community",
        "outcomes": [str(outcome.pk)],
    }
    assert as_practitioner.post(url, sent).status_code == 302
    item.refresh_from_db()
    assert item.description == "Library card and a book about space each month"
    assert item.version == 2 and draft.items.count() == 1
    # Someone saving from the page as it was: refused, and what they typed comes back.
    page = as_practitioner.post(url, {**sent, "description": "Stale words"}).content.decode()
    assert "Someone changed this while you were working" in page and "Stale words" in page
    item.refresh_from_db()
    assert item.description.startswith("Library card and a book")
    # The same checks as adding: a wrong cost is said in GOV.UK words.
    page = as_practitioner.post(
        url, {**sent, "version": str(item.version), "weekly_cost": "-3"}
    ).content.decode()
    assert "Enter a weekly cost of £0 or more" in page and 'value="-3"' in page


def test_taking_out_asks_first_and_can_be_undone_until_agreed(
    draft, tom, practitioner, as_practitioner
):
    item = draft.items.get()
    url = base(tom) + f"items/{item.pk}/remove/"
    page = as_practitioner.get(url).content.decode()
    assert "Take this out of the plan?" in page and "Library card" in page
    assert PlanItem.objects.filter(pk=item.pk).exists()  # asking took nothing out
    as_practitioner.post(url)
    assert not draft.items.exists()
    page = as_practitioner.get(base(tom)).content.decode()
    assert "Taken out of this draft" in page and f'value="restore-item:{item.pk}"' in page
    as_practitioner.post(base(tom) + f"items/{item.pk}/put-back/")
    assert draft.items.get() == item
    # Funding the same way.
    line = draft.budget.get()
    as_practitioner.post(base(tom) + f"budget/{line.pk}/remove/")
    assert not draft.budget.exists()
    as_practitioner.post(
        base(tom), {"version": str(draft.version), "go": f"restore-line:{line.pk}"}
    )
    assert draft.budget.get() == line
    said = AuditEvent.objects.filter(person_id=tom.pk, action=Action.CHANGE).values_list(
        "summary", flat=True
    )
    assert "Took “Library card” out of the draft support plan" in said
    assert "Put “Library card” back in the draft support plan" in said


def test_what_was_taken_out_goes_for_good_when_the_plan_is_agreed(
    draft,
    tom,
    practitioner,
    outcome,  # noqa: F811
):
    extra = PlanItemFactory(plan=draft, by=practitioner, description="Choir", outcomes=[outcome])
    services.remove_item(extra, by=practitioner)
    services.remove_budget_line(draft.budget.get(), by=practitioner)
    services.save_plan_texts(
        draft, by=practitioner, expected_version=draft.version, contingency="c", disengagement="d"
    )
    services.agree_plan(draft, by=practitioner, agreed_on=TODAY, agreed_how="phone")
    assert not PlanItem.everything.filter(pk=extra.pk).exists()
    with pytest.raises(services.NotAllowed):
        services.restore_item(extra, by=practitioner)


BUTTONS = ("add-item", "add-line", "agree", "change-item", "remove-item", "why", "own plan")


@pytest.mark.parametrize("button", BUTTONS)
def test_text_typed_in_the_plan_is_kept_whatever_button_is_pressed(
    button, draft, tom, as_practitioner
):
    item, line = draft.items.get(), draft.budget.get()
    where = {
        "add-item": base(tom) + "items/add/",
        "add-line": base(tom) + "budget/add/",
        "agree": base(tom) + "agree/",
        "change-item": base(tom) + f"items/{item.pk}/change/",
        "remove-item": base(tom) + f"items/{item.pk}/remove/",
        "why": base(tom) + f"items/{item.pk}/",
        "own plan": f"/people/{tom.pk}/my-plan/",
    }[button]
    page = as_practitioner.get(base(tom)).content.decode()
    assert f'name="go" value="{where}"' in page  # the page offers it as a button
    response = as_practitioner.post(
        base(tom),
        {
            "version": str(draft.version),
            "contingency": "If the bus does not come, Tom rings Jane",
            "disengagement": "Priya steps back after three meetings",
            "go": where,
        },
    )
    assert response.status_code == 302 and response["Location"] == where
    draft.refresh_from_db()
    assert draft.contingency == "If the bus does not come, Tom rings Jane"
    assert draft.disengagement == "Priya steps back after three meetings"
    assert line.pk and "If the bus does not come" in as_practitioner.get(base(tom)).content.decode()


def test_a_button_goes_only_to_this_persons_plan_pages(draft, tom, as_practitioner):
    for elsewhere in ("https://example.com/", "/admin/", "/people/", "//evil.example/x"):
        response = as_practitioner.post(
            base(tom), {"version": str(draft.version), "contingency": "kept", "go": elsewhere}
        )
        assert response.status_code == 302 and response["Location"] == base(tom), elsewhere
    draft.refresh_from_db()
    assert draft.contingency == "kept"


def test_ideas_outcomes_and_steps_are_changed_in_place(
    tom,
    practitioner,
    as_practitioner,
    outcome,  # noqa: F811
):
    idea = services.add_idea(tom, by=practitioner, text="Join the choir", tier="community")
    url = f"/people/{tom.pk}/ideas/{idea.pk}/change/"
    assert "Join the choir" in as_practitioner.get(url).content.decode()
    as_practitioner.post(
        url, {"version": "1", "text": "Join the community choir", "tier": "community"}
    )
    idea.refresh_from_db()
    assert idea.text == "Join the community choir" and Idea.objects.count() == 1
    task = services.add_task(outcome, by=practitioner, what="Ring the society", who="person")
    url = f"/people/{tom.pk}/tasks/{task.pk}/change/"
    as_practitioner.post(
        url, {"version": "1", "what": "Ring the society's secretary", "who": "person"}
    )
    task.refresh_from_db()
    assert task.what == "Ring the society's secretary"
    page = as_practitioner.post(url, {"version": "1", "what": "", "who": "person"}).content
    assert "Enter the step" in page.decode()
    url = f"/people/{tom.pk}/outcomes/{outcome.pk}/change/"
    as_practitioner.post(
        url,
        {
            "version": str(outcome.version),
            "text": "Tom goes to the society every Tuesday",
            "how_we_will_know": "Tom tells us",
        },
    )
    outcome.refresh_from_db()
    assert outcome.text == "Tom goes to the society every Tuesday"
    with pytest.raises(Conflict):
        services.change_outcome(outcome, by=practitioner, expected_version=1, text="Old")


def test_a_wanted_idea_and_a_step_start_a_plan_item_with_what_is_known(
    tom,
    practitioner,
    as_practitioner,
    outcome,  # noqa: F811
):
    idea = services.add_idea(
        tom,
        by=practitioner,
        text="Go to the society",
        tier="community",
        aspiration=outcome.aspiration,
    )
    services.set_idea_status(idea, by=practitioner, status="wanted")
    plan_page = as_practitioner.get(f"/people/{tom.pk}/plan/").content.decode()
    add = f"/people/{tom.pk}/support-plan/items/add/?idea={idea.pk}"
    assert add.replace("&", "&amp;") in plan_page
    # No draft yet: the page offers to start one and carries on to the item.
    page = as_practitioner.get(add).content.decode()
    assert "Start a draft support plan first" in page
    response = as_practitioner.post(f"/people/{tom.pk}/support-plan/start/", {"next": add})
    assert response["Location"] == add
    page = as_practitioner.get(add).content.decode()
    assert "Go to the society</textarea>" in page
    assert re.search(rf'value="{outcome.pk}"[^>]*checked', page)
    task = services.add_task(
        outcome, by=practitioner, what="Jane drives Tom there", who="family", who_name="Jane"
    )
    page = as_practitioner.get(
        f"/people/{tom.pk}/support-plan/items/add/?step={task.pk}"
    ).content.decode()
    assert "Jane drives Tom there</textarea>" in page and 'value="Jane"' in page
    assert re.search(r'value="family_friends"[^>]*checked', page)


def test_a_review_change_carries_into_the_next_version_with_its_funding(
    tom,
    practitioner,
    manager,
    as_practitioner,
    outcome,  # noqa: F811
):
    early = Well12ResponseFactory(
        person=tom, by=practitioner, completed_on=TODAY, answers=(2,) * 12
    )
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(plan=plan, by=practitioner, description="Library", outcomes=[outcome])
    PlanItemFactory(
        plan=plan,
        by=practitioner,
        description="Home care, 7 hours a week",
        tier="long_term",
        outcomes=[outcome],
        starts_on=TODAY,
        open_ended_reason="Reviewed every three months",
        weekly_cost="180.50",
    )
    signed_off(plan, manager=manager, comment="Agreed")
    services.add_budget_line(plan, by=practitioner, source="council", weekly_amount="150.50")
    services.add_budget_line(plan, by=practitioner, source="person", weekly_amount="30")
    services.save_plan_texts(
        plan, by=practitioner, expected_version=plan.version, contingency="c", disengagement="d"
    )
    services.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="in_person")
    # A later WELL12 on the same day: "then" stays the one the plan was agreed with.
    Well12ResponseFactory(person=tom, by=practitioner, completed_on=TODAY, answers=(3,) * 12)
    plan.refresh_from_db()
    assert plan.agreed_well12 == early
    care = plan.items.get(tier="long_term")
    library = plan.items.get(tier="community")
    url = f"/people/{tom.pk}/support-plan/review/"
    page = as_practitioner.get(url).content.decode()
    then = page.split('id="then-and-now"')[1].split("</table>")[0]
    assert "24 <span" in then and "36 <span" in then  # then 24, now 36
    data = {
        **date_fields("reviewed_on", TODAY),
        f"outcome_{outcome.pk}": "working",
        f"decision_{library.pk}": "continue",
        f"decision_{care.pk}": "change",
        f"reason_{care.pk}": "Tom does his own breakfast now",
        f"new_description_{care.pk}": "Home care, 3 hours a week",
        f"new_weekly_cost_{care.pk}": "£77.40",
    }
    # A change that says nothing new is refused beside the box.
    same = {
        **data,
        f"new_description_{care.pk}": care.description,
        f"new_weekly_cost_{care.pk}": "",
    }
    page = as_practitioner.post(url, same).content.decode()
    assert "Say what changes for" in page and not Review.objects.exists()
    response = as_practitioner.post(url, data)
    assert response.status_code == 302
    second = tom.support_plans.get(number=2)
    assert second.is_draft
    changed = second.items.get(tier="long_term")
    assert changed.description == "Home care, 3 hours a week"
    assert str(changed.weekly_cost) == "77.40" and changed.carried_from_id == care.pk
    assert changed.signed_off_at is not None  # it costs less: the sign-off carries over
    assert sorted(str(line.weekly_amount) for line in second.budget.all()) == ["150.50", "30.00"]
    page = as_practitioner.get(base(tom)).content.decode()
    assert "Support plan 2" in page and "£77.40" in page
    assert "The budget does not add up: support costs £77.40 a week" in page
    # Costing more needs signing off again.
    assert BudgetLine.objects.filter(plan=second).count() == 2


def test_a_change_that_costs_more_needs_sign_off_again(
    tom,
    practitioner,
    manager,
    outcome,  # noqa: F811
):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(
        plan=plan,
        by=practitioner,
        description="Travel training",
        tier="short_term",
        outcomes=[outcome],
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(weeks=4),
        weekly_cost=96,
    )
    signed_off(plan, manager=manager)
    services.add_budget_line(plan, by=practitioner, source="council", weekly_amount=96)
    services.save_plan_texts(
        plan, by=practitioner, expected_version=plan.version, contingency="c", disengagement="d"
    )
    services.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="in_person")
    item = plan.items.get()
    services.record_review(
        plan,
        by=practitioner,
        reviewed_on=TODAY,
        decisions=[
            (
                item,
                "change",
                "Two more weeks",
                {"ends_on": item.ends_on + datetime.timedelta(weeks=2)},
            )
        ],
        outcome_statuses=[(outcome, "working")],
    )
    carried = tom.support_plans.get(number=2).items.get()
    assert carried.ends_on == item.ends_on + datetime.timedelta(weeks=2)
    assert carried.signed_off_at is None


def test_stopping_at_review_takes_it_out_of_the_weekly_figures_at_once(
    tom,
    practitioner,
    manager,
    as_practitioner,
    outcome,  # noqa: F811
):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(
        plan=plan,
        by=practitioner,
        description="Travel training",
        tier="short_term",
        outcomes=[outcome],
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(weeks=4),
        weekly_cost=96,
    )
    signed_off(plan, manager=manager)
    services.add_budget_line(plan, by=practitioner, source="council", weekly_amount=96)
    services.save_plan_texts(
        plan, by=practitioner, expected_version=plan.version, contingency="c", disengagement="d"
    )
    services.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="in_person")
    services.record_review(
        plan,
        by=practitioner,
        reviewed_on=TODAY,
        decisions=[(plan.items.get(), "stop", "Tom takes the bus on his own")],
        outcome_statuses=[(outcome, "achieved")],
    )
    page = as_practitioner.get(base(tom)).content.decode()
    assert '<strong id="weekly-cost">£0</strong>' in page
    assert "Saved each week: support the last review stopped" in page and "£96" in page
    own = as_practitioner.get(f"/people/{tom.pk}/my-plan/").content.decode()
    assert "Travel training" in own


def test_a_review_change_goes_into_a_version_already_started(
    tom,
    practitioner,
    manager,
    outcome,  # noqa: F811
):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(
        plan=plan,
        by=practitioner,
        description="Home care, 7 hours a week",
        tier="long_term",
        outcomes=[outcome],
        starts_on=TODAY,
        open_ended_reason="Reviewed every three months",
        weekly_cost=180,
    )
    signed_off(plan, manager=manager)
    services.add_budget_line(plan, by=practitioner, source="council", weekly_amount=180)
    services.save_plan_texts(
        plan, by=practitioner, expected_version=plan.version, contingency="c", disengagement="d"
    )
    services.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="in_person")
    started = services.start_plan(tom, by=practitioner)
    care = plan.items.get()
    services.record_review(
        plan,
        by=practitioner,
        reviewed_on=TODAY,
        decisions=[(care, "change", "Fewer hours", {"weekly_cost": 90})],
        outcome_statuses=[(outcome, "working")],
    )
    carried = started.items.get()
    assert carried.weekly_cost == 90 and carried.signed_off_at is not None
    assert tom.support_plans.count() == 2
    from goodlife.people.timeline import entries_for

    reviewed = [e for e in entries_for(tom) if e.title == "Support plan 1 reviewed"]
    assert reviewed and reviewed[0].summary.startswith("1 item changed")
