"""Query counts per page do not grow with the person's history or the database (no N+1).

Each page is opened for a person with a short history and again after that history has
tripled; the number of SQL queries must not change, and stays under a ceiling."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goodlife.directory.models import Service
from tests.accounts.helpers import mark_code_given
from tests.factories import (
    AspirationFactory,
    ConversationRecordFactory,
    EpisodeFactory,
    IdeaFactory,
    NetworkMemberFactory,
    OutcomeFactory,
    PersonFactory,
    PlanItemFactory,
    StrengthFactory,
    SupportPlanFactory,
    TaskFactory,
    Well12ResponseFactory,
    signed_off,
)

TODAY = datetime.date.today()  # noqa: DTZ011


def grow(person, by, manager, n):
    """Add n of everything a person's record accumulates."""
    episode = EpisodeFactory(
        person=person, by=by, contact_on=TODAY, raised_by="Tom", reason="I want to be an astronaut."
    )
    for i in range(n):
        ConversationRecordFactory(
            episode=episode,
            by=by,
            finish=True,
            step="gather",
            happened_on=TODAY,
            narrative=f"Note {i}: Tom loves space.",
        )
        StrengthFactory(
            person=person,
            by=by,
            description=f"Knows about rockets {i}",
            kind="knowledge",
            identified_on=TODAY,
        )
        aspiration = AspirationFactory(
            person=person, by=by, text=f"Visit observatory {i}", interests=["space"]
        )
        NetworkMemberFactory(
            person=person,
            by=by,
            name=f"Friend {person.pk.hex[:4]} {i}",
            relationship="friend",
            ring=1 + i % 3,
        )
        Well12ResponseFactory(
            person=person,
            by=by,
            completed_on=TODAY - datetime.timedelta(days=30 * i),
            completed_by="Tom",
            answers=[1 + (i + k) % 4 for k in range(1, 13)],
        )
        IdeaFactory(person=person, by=by, text=f"Idea {i}", aspiration=aspiration)
        outcome = OutcomeFactory(
            person=person,
            by=by,
            text=f"Tom goes to meeting {i}",
            aspiration=aspiration,
            by_when=TODAY,
        )
        TaskFactory(outcome=outcome, by=by, what=f"Ring them {i}")
    plan = SupportPlanFactory(person=person, by=by)
    outcomes = list(person.outcomes.all())
    for i, outcome in enumerate(outcomes[-n:]):
        PlanItemFactory(
            plan=plan,
            by=by,
            description=f"Support {i}",
            tier="short_term",
            outcomes=[outcome],
            starts_on=TODAY,
            ends_on=TODAY + datetime.timedelta(days=28),
            weekly_cost=10,
        )
    if outcomes[-n:]:
        signed_off(plan, manager=manager)
    return plan


PAGES = {
    "overview": ("/people/{pk}/", 17),
    "timeline": ("/people/{pk}/timeline/", 11),
    "strengths profile": ("/people/{pk}/strengths/", 15),
    "network map": ("/people/{pk}/network/", 16),
    "WELL12 progression": ("/people/{pk}/wellbeing/", 11),
    "ideas and outcomes": ("/people/{pk}/plan/", 15),
    "support plan": ("/people/{pk}/support-plan/", 18),
    "person's own plan": ("/people/{pk}/my-plan/", 16),
    "suggestions": ("/people/{pk}/suggestions/", 25),
    "my caseload": ("/people/", 10),
    "team": ("/people/team/", 12),
    "my work": ("/my-work/", 12),
    "reviews across the team": ("/plans/team/", 15),
    "directory search": ("/directory/?q=space", 9),
}


@pytest.fixture(autouse=True)
def two_factor_as_in_production(settings, as_practitioner, practitioner):
    """Every page also reads the device that gave the session's code (one query)."""
    settings.GOODLIFE_TWO_FACTOR = True
    mark_code_given(as_practitioner, practitioner)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("name", list(PAGES))
def test_queries_do_not_grow_with_history(
    name, as_practitioner, practitioner, manager, tom, north, django_assert_max_num_queries
):
    url, ceiling = PAGES[name]
    for i in range(3):
        Service.objects.create(name=f"Space club {i}", description="Astronomy and space talks")
    plan = grow(tom, practitioner, manager, 2)
    # Others in the team and the borough, so lists and figures have something to read.
    others = [PersonFactory(team=north, allocated_worker=practitioner) for _ in range(2)]
    for other in others:
        grow(other, practitioner, manager, 1)
    url = url.format(pk=tom.pk)
    count_queries(as_practitioner, url)  # the first request of a session renews it
    before = count_queries(as_practitioner, url)

    grow(tom, practitioner, manager, 4)
    for other in [PersonFactory(team=north, allocated_worker=practitioner) for _ in range(4)]:
        grow(other, practitioner, manager, 1)
    for i in range(6):
        Service.objects.create(name=f"Star club {i}", description="Astronomy and space talks")
    assert plan.pk
    with django_assert_max_num_queries(ceiling):
        after = count_queries(as_practitioner, url)
    assert after == before, f"{name}: {before} queries, then {after} with more history"
