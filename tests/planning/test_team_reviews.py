"""Reviews due across a team: counted over every plan, listed a page at a time."""

import datetime

from goodlife.audit.models import AuditEvent
from goodlife.planning.models import PlanStatus, SupportPlan
from goodlife.planning.queries import REVIEWS_PER_PAGE
from tests.factories import PersonFactory
from tests.planning.test_review import text_of

TODAY = datetime.date.today()  # noqa: DTZ011


def agreed_plans(team, worker, review_dates):
    for n, review_by in enumerate(review_dates):
        person = PersonFactory(team=team, allocated_worker=worker, preferred_name=f"Person {n:03}")
        SupportPlan.objects.create(
            person=person,
            status=PlanStatus.AGREED,
            agreed_on=TODAY,
            review_by=review_by,
            created_by=worker,
        )


def test_more_reviews_due_than_a_page_are_all_counted_and_paged(
    as_manager, manager, practitioner, north
):
    overdue = [TODAY - datetime.timedelta(days=1 + n) for n in range(REVIEWS_PER_PAGE + 5)]
    soon = [TODAY + datetime.timedelta(days=3)] * 10
    later = [TODAY + datetime.timedelta(weeks=10)] * 3  # not due soon: not listed
    agreed_plans(north, practitioner, overdue + soon + later)
    total = len(overdue) + len(soon)

    page = text_of(as_manager.get("/plans/team/").content.decode())
    assert f"{total} reviews overdue or due soon, {len(overdue)} of them overdue." in page
    assert f"Showing 1 to {REVIEWS_PER_PAGE}, earliest first." in page
    # Earliest first: the longest overdue leads the first page.
    assert page.index(f"Person {len(overdue) - 1:03}") < page.index(f"Person {len(overdue) - 2:03}")
    assert "Person 000" not in page  # overdue by a day: on the second page

    second = as_manager.get("/plans/team/?page=2").content.decode()
    text = text_of(second)
    assert f"Showing {REVIEWS_PER_PAGE + 1} to {total}, earliest first." in text
    assert "Person 000" in text and f"Person {len(overdue) + 9:03}" in text
    assert f"Person {len(overdue) + 10:03}" not in text  # review in ten weeks
    assert 'rel="prev"' in second and 'rel="next"' not in second
    # The audit names the people whose names were shown on that page.
    shown = AuditEvent.objects.filter(summary="Viewed the team's support plan reviews").first()
    assert len(shown.detail["people"]) == total - REVIEWS_PER_PAGE

    # Not a page number: the first page; past the end: the last.
    assert "Showing 1 to" in text_of(as_manager.get("/plans/team/?page=x").content.decode())
    assert f"Showing {REVIEWS_PER_PAGE + 1} to" in text_of(
        as_manager.get("/plans/team/?page=99").content.decode()
    )
