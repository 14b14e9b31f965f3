import datetime
import re

import pytest

from goodlife.planning import queries, services
from goodlife.planning.models import Outcome, ReviewDecision
from tests.factories import PlanItemFactory, SupportPlanFactory, Well12ResponseFactory, signed_off
from tests.planning.test_support_plan import TODAY, date_fields, outcome  # noqa: F401


def text_of(html):
    """The words of a page as a person reads them: inline tags join, blocks separate."""
    html = re.sub(r"</?(?:strong|span|a|em|b|abbr)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def agreed(tom, practitioner, manager, outcome):  # noqa: F811
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(
        plan=plan, by=practitioner, description="Library book about space", outcomes=[outcome]
    )
    PlanItemFactory(
        plan=plan,
        by=practitioner,
        description="Travel training",
        tier="short_term",
        outcomes=[outcome],
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=28),
        weekly_cost=120,
    )
    signed_off(plan, manager=manager)
    services.add_budget_line(plan, by=practitioner, source="council", weekly_amount=120)
    services.save_plan_texts(
        plan, by=practitioner, expected_version=1, contingency="c", disengagement="d"
    )
    return services.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="in_person")


def test_a_review_that_stops_council_support_counts_as_success(
    as_practitioner,
    practitioner,
    tom,
    agreed,
    outcome,  # noqa: F811
):
    for day, score in ((TODAY - datetime.timedelta(days=40), 1), (TODAY, 3)):
        Well12ResponseFactory(person=tom, by=practitioner, completed_on=day, answers=(score,) * 12)
    type(agreed).objects.filter(pk=agreed.pk).update(agreed_on=TODAY - datetime.timedelta(days=30))
    url = f"/people/{tom.pk}/support-plan/review/"
    page = as_practitioner.get(url).content.decode()
    table = text_of(page.split('id="then-and-now"')[1].split("</table>")[0])
    assert "WELL12, out of 48 12 (" in table and " 36 (" in table
    assert "Tom goes to the astronomy society twice a month Working towards it" in table
    items = {i.description: i for i in agreed.items.all()}
    travel, book = items["Travel training"], items["Library book about space"]
    data = {
        **date_fields("reviewed_on", TODAY),
        f"outcome_{outcome.pk}": "achieved",
        f"decision_{book.pk}": "continue",
        f"decision_{travel.pk}": "stop",
    }
    page = as_practitioner.post(url, data).content.decode()
    assert "Say why “Travel training” changes or stops" in page
    response = as_practitioner.post(
        url, {**data, f"reason_{travel.pk}": "Tom takes the bus on his own now"}, follow=True
    )
    assert "that is the success this work aims for" in response.content.decode()
    decision = ReviewDecision.objects.get(item=travel)
    assert decision.decision == "stop"
    assert queries.council_support_stopped(decision.review) == [travel]
    assert Outcome.objects.get(pk=outcome.pk).status == "achieved"


def test_every_item_needs_a_decision(practitioner, agreed):
    with pytest.raises(services.NotAllowed):
        services.record_review(agreed, by=practitioner, reviewed_on=TODAY, decisions=[])


def test_only_agreed_plans_are_reviewed(as_practitioner, tom):
    response = as_practitioner.get(f"/people/{tom.pk}/support-plan/review/")
    assert response.url == f"/people/{tom.pk}/support-plan/"


def test_the_persons_own_plan_reads_plainly(as_practitioner, tom, agreed):
    page = as_practitioner.get(f"/people/{tom.pk}/my-plan/").content.decode()
    for heading in ("What matters to me", "What I want", "What I'm doing", "Who is helping"):
        assert heading in page
    assert "Travel training" in page and "Library book about space" in page
    assert "tier" not in page.lower() and "outcome" not in page.lower().split("<main")[1]


def test_plans_and_reviews_are_on_the_timeline(practitioner, tom, agreed):
    from goodlife.people import timeline

    titles = [e.title for e in timeline.entries_for(tom, kinds=["planning"])]
    assert "Support plan 1 started" in titles
