"""The benchmark dataset generator, at its tiny scale: counts, reproducibility, and pages
that open on what it makes."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from bench.scale import generator
from goodlife.accounts.models import User
from goodlife.people.models import Person
from goodlife.planning.models import Outcome, SupportPlan
from goodlife.practice.models import ConversationRecord
from goodlife.wellbeing.models import Well12Response
from tests.conftest import client_for


@pytest.fixture
def tiny(db):
    out = io.StringIO()
    call_command("bench", "seed", "--scale", "tiny", stdout=out)
    return out.getvalue()


def test_it_makes_the_sizes_asked_for(tiny):
    scale = generator.SCALES["tiny"]
    assert "Benchmark data (tiny)" in tiny
    assert Person.objects.count() == scale.people
    assert User.objects.filter(email__startswith="bench").count() == scale.staff
    assert ConversationRecord.objects.count() == scale.records
    assert Well12Response.objects.count() == scale.well12s
    assert SupportPlan.objects.count() == scale.plans
    assert Outcome.objects.count() == scale.outcomes
    # Years of history, not a single day.
    dates = ConversationRecord.objects.values_list("happened_on", flat=True)
    assert (max(dates) - min(dates)).days > 365 * 4


def test_every_capability_has_data_to_measure(tiny):
    from goodlife.directory import models as directory
    from goodlife.planning import models as planning
    from goodlife.practice import models as practice
    from goodlife.strengths import models as strengths

    for model in (
        practice.Episode,
        practice.HoldingSupport,
        strengths.Strength,
        strengths.Aspiration.interests.through,
        strengths.Offer,
        strengths.NetworkMember,
        strengths.NetworkChange,
        planning.Idea,
        planning.Task,
        planning.PlanItem,
        planning.Review,
        planning.ReviewDecision,
        directory.Organization,
        directory.Location,
        directory.Schedule,
        directory.NotedSuggestion,
        directory.UnmetNeed,
    ):
        assert model.objects.exists(), model.__name__
    # Services can be found by place and day, and people's postcodes have coordinates.
    from goodlife.directory import geo
    from goodlife.directory.search import Filters, search

    person = Person.objects.first()
    near = geo.locate(person.postcode)
    assert near is not None
    assert any(h.miles is not None for h in search(Filters(near=near, within_miles=10)))
    assert search(Filters(day="TU")) or search(Filters(day="WE"))


def snapshot_of_a_run(seed):
    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            generator.seed("tiny", seed=seed, say=lambda *_: None)
            people = sorted(Person.objects.values_list("id", "legal_name", "allocated_worker"))
            raise Rollback
    except Rollback:
        return people


def test_the_same_seed_makes_the_same_data(db):
    assert snapshot_of_a_run(1) == snapshot_of_a_run(1) != snapshot_of_a_run(2)


def test_it_refuses_to_fill_a_database_twice(tiny):
    with pytest.raises(CommandError, match="already has benchmark data"):
        call_command("bench", "seed", "--scale", "tiny", stdout=io.StringIO())


def test_pages_open_on_generated_people(tiny):
    plan = SupportPlan.objects.select_related("person__allocated_worker").first()
    client = client_for(plan.person.allocated_worker)
    for url in (
        f"/people/{plan.person_id}/",
        f"/people/{plan.person_id}/timeline/",
        f"/people/{plan.person_id}/support-plan/",
        f"/people/{plan.person_id}/wellbeing/",
        f"/people/{plan.person_id}/strengths/",
        f"/people/{plan.person_id}/network/",
        f"/people/{plan.person_id}/suggestions/",
        f"/people/{plan.person_id}/plan/",
        "/people/",
        "/my-work/",
        "/directory/?q=walking",
    ):
        assert client.get(url).status_code == 200, url
