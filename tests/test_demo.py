import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from goodlife.accounts.models import Role, User
from goodlife.people.demo import person_id
from goodlife.people.models import Person
from goodlife.planning import queries


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())


def test_it_creates_one_user_per_role_and_the_seeds_people(demo):
    emails = set(User.objects.values_list("email", flat=True))
    assert {
        "practitioner@example.org",
        "practitioner2@example.org",
        "manager@example.org",
        "quality@example.org",
        "directory@example.org",
        "commissioner@example.org",
        "provider@example.org",
        "admin@example.org",
    } <= emails
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    tom = Person.objects.get(pk=person_id("tom"))
    assert tom.preferred_name == "Tom" and tom.age == 45
    assert "astronaut" in tom.what_matters
    assert Person.objects.filter(legal_name__startswith="Nancy").exists()
    assert Person.objects.count() >= 5
    p1 = User.objects.get(email="practitioner@example.org")
    p2 = User.objects.get(email="practitioner2@example.org")
    assert tom.team_id in p1.team_ids and tom.team_id not in p2.team_ids


def test_a_second_run_keeps_what_users_typed(demo):
    tom = Person.objects.get(pk=person_id("tom"))
    tom.what_matters = "Typed by a worker after the demo was loaded"
    tom.save()
    count = Person.objects.count()
    call_command("demo", stdout=io.StringIO())
    assert Person.objects.count() == count
    tom.refresh_from_db()
    assert tom.what_matters == "Typed by a worker after the demo was loaded"


def test_the_password_comes_from_the_environment(db, monkeypatch, capsys):
    monkeypatch.setenv("GOODLIFE_DEMO_PASSWORD", "a-council-chosen-password")
    call_command("demo")
    assert "a-council-chosen-password" in capsys.readouterr().out
    request = RequestFactory().post("/accounts/sign-in/")
    assert authenticate(
        request, username="practitioner@example.org", password="a-council-chosen-password"
    )


def test_it_prints_the_sign_ins(db, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "practitioner@example.org" in out and "goodlife-demo" in out


def test_apps_can_add_steps_to_the_demo(db, monkeypatch, capsys):
    from goodlife.people import demo

    seen = []
    monkeypatch.setattr(demo, "_steps", [])
    demo.register_step("test", lambda borough: seen.append(borough) or "Test step ran")
    call_command("demo")
    assert seen[0].people["tom"].preferred_name == "Tom"
    assert "practitioner@example.org" in seen[0].staff
    assert "Test step ran" in capsys.readouterr().out


def test_a_step_runs_after_the_steps_it_reads(monkeypatch):
    from goodlife.people import demo

    monkeypatch.setattr(demo, "_steps", [])
    monkeypatch.setattr(demo, "_after", {})
    demo.register_step("planning", None, after=("wellbeing", "not installed"))
    demo.register_step("people", None)
    demo.register_step("wellbeing", None)
    assert [name for name, _ in demo.steps()] == ["wellbeing", "planning", "people"]


def test_toms_story_reaches_a_reviewed_plan_with_paid_support_stopped(demo):
    from goodlife.planning.models import PlanStatus, Review, SupportPlan

    plan = SupportPlan.objects.get(person_id=person_id("tom"))
    assert plan.status == PlanStatus.AGREED and not queries.problems_of(plan)
    review = Review.objects.get(plan=plan)
    assert [i.tier for i in queries.council_support_stopped(review)] == ["short_term"]
    continuing = {d.item.tier for d in review.decisions.all() if d.decision == "continue"}
    assert "community" in continuing  # the community connections remain
    assert plan.agreed_on < review.reviewed_on
    tom = Person.objects.get(pk=person_id("tom"))
    assert tom.network.filter(name="Eastbrook Astronomical Society").exists()


def test_nancys_conversation_3_plan_is_signed_off_agreed_and_reviewed_down(demo):
    from goodlife.planning.models import Decision, PlanStatus, SignOffStatus, SupportPlan

    nancy = person_id("nancy")
    first, second = SupportPlan.objects.filter(person_id=nancy).order_by("number")
    # Support plan 1: across the tiers, a personal budget that adds up, signed off, agreed.
    assert first.status == PlanStatus.REPLACED and first.agreed_on
    tiers = set(first.items.values_list("tier", flat=True))
    assert {"own_strengths", "family_friends", "community", "long_term"} <= tiers
    request = first.sign_offs.get()
    assert request.status == SignOffStatus.SIGNED_OFF and request.note and request.comment
    assert request.decided_by.email == "manager@example.org"
    paid = first.items.get(tier="long_term")
    assert paid.signed_off_in == request and paid.provided_by and paid.open_ended_reason
    sources = {line.source: line for line in first.budget.all()}
    assert set(sources) == {"council", "person"}
    assert sum(line.weekly_amount for line in sources.values()) == paid.weekly_cost
    assert all(line.taken_as for line in sources.values())
    assert first.contingency and first.disengagement
    # Reviewed once, about two weeks ago, with a "Change" that reduced her paid support.
    review = first.reviews.get()
    assert first.agreed_on < review.reviewed_on < timezone.localdate()
    assert (review.reviewed_on - first.agreed_on).days >= 49
    change = review.decisions.get(decision=Decision.CHANGE)
    assert change.item == paid and change.reason
    assert change.new_weekly_cost < paid.weekly_cost
    # Support plan 2 carries the lower cost, still signed off, with the council's share
    # lowered to match; Nancy agreed it.
    assert second.status == PlanStatus.AGREED and not queries.problems_of(second)
    carried = second.items.get(tier="long_term")
    assert carried.carried_from == paid and carried.weekly_cost == change.new_weekly_cost
    assert carried.signed_off_in == request
    assert sum(line.weekly_amount for line in second.budget.all()) == carried.weekly_cost
    # Each kept the WELL12 as it stood: her rise shows in the review's "then and now".
    assert review.well12.total > first.agreed_well12.total


def test_tom_has_a_well12_either_side_of_the_society(demo):
    from goodlife.planning.models import Review, SupportPlan
    from goodlife.wellbeing.models import Well12Response

    before, after = Well12Response.objects.filter(person_id=person_id("tom")).order_by(
        "completed_on"
    )
    assert before.total < after.total
    plan = SupportPlan.objects.get(person_id=person_id("tom"))
    review = Review.objects.get(plan=plan)
    assert plan.agreed_well12 == before and review.well12 == after
    assert before.completed_on <= plan.agreed_on < after.completed_on <= review.reviewed_on


def test_a_second_run_adds_nothing(demo):
    from goodlife.people.models import TimelineItem
    from goodlife.planning.models import Idea, PlanItem, Review, SignOffRequest, SupportPlan
    from goodlife.practice.models import ConversationRecord
    from goodlife.wellbeing.models import Well12Response

    rows = (
        ConversationRecord.objects,
        Well12Response.objects,
        Idea.objects,
        SupportPlan.objects,
        PlanItem.everything,
        SignOffRequest.objects,
        Review.objects,
        TimelineItem.objects,
    )

    def counts():
        return [manager.count() for manager in rows]

    before = counts()
    call_command("demo", stdout=io.StringIO())
    assert counts() == before
