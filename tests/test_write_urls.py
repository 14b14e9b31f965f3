"""Every write URL: a GET changes nothing, and reading a record by break-glass writes nothing.

Two walks over every URL pattern. Views that only write (``@post_only``) answer a GET
with 405 and run nothing, with real rows behind their ids so that a GET that did run
would show. Views of a person's record (``@person_view``) refuse every POST, and every
form page, to staff who opened the record by break-glass without writing in records (a
quality lead, a directory editor), before the view runs; casework staff of another team
with break-glass still write, as an emergency needs.
"""

import datetime
import re
import uuid

import pytest
from django.apps import apps
from django.core import serializers
from django.test import Client
from django.urls import get_resolver, reverse

from goodlife.accounts.models import Role
from goodlife.audit.models import Action, AuditEvent
from goodlife.directory.models import Service
from goodlife.people import services as people
from goodlife.planning import services as planning
from goodlife.planning import sign_off
from goodlife.planning.models import BudgetLine, PlanItem, SupportPlan, Task
from goodlife.strengths import services as strengths
from goodlife.ui.http import is_post_only
from tests.accounts.test_access_rules import ADMIN_NAMESPACE, _walk
from tests.conftest import client_for
from tests.factories import ConversationRecordFactory, EpisodeFactory, UserFactory

TODAY = datetime.date.today()  # noqa: DTZ011

# The writes reached by a button that once also answered GET.
NAMED_WRITES = {
    "planning:task-done",
    "planning:restore-plan-item",
    "planning:restore-budget-line",
    "planning:sign-off-seen",
    "planning:start-support-plan",
    "directory:service-checked",
}
# Tables that record the requests themselves rather than what they changed.
NOT_RECORDS = {"audit.auditevent", "sessions.session", "ui.sentform"}


def _patterns():
    for namespace, pattern in _walk(get_resolver().url_patterns):
        if namespace == ADMIN_NAMESPACE:
            continue
        yield f"{namespace}:{pattern.name}".lstrip(":"), pattern


def _everything():
    """Every row of every table but the request logs, as text to compare."""
    return {
        model._meta.label_lower: serializers.serialize(
            "json", model._default_manager.order_by("pk")
        )
        for model in apps.get_models()
        if model._meta.label_lower not in NOT_RECORDS and model._meta.managed
    }


@pytest.fixture
def toms_plan(tom, practitioner, manager):
    """Tom with an outcome, a step, a draft plan with an item and funding, a directory
    entry, and an episode with a draft conversation record (which a GET or a reader's POST
    to its discard page must leave): a real row behind every id the write URLs take."""
    aspiration = strengths.add_aspiration(
        tom, by=practitioner, text="Back to the allotment", term="long"
    )
    outcome = planning.add_outcome(
        tom,
        by=practitioner,
        aspiration=aspiration,
        text="Tom works his plot every Saturday",
        how_we_will_know="Tom tells us",
        by_when=TODAY,
    )
    task = planning.add_task(
        outcome, by=practitioner, what="Ring the allotment society", who="person"
    )
    plan = planning.start_plan(tom, by=practitioner)
    item = planning.add_item(
        plan,
        by=practitioner,
        description="Support worker on Saturday mornings",
        tier="long_term",
        outcomes=[outcome],
        weekly_cost="45",
        starts_on=TODAY,
        open_ended_reason="Reviewed every three months",
    )
    line = planning.add_budget_line(plan, by=practitioner, source="council", weekly_amount="45")
    service = Service.objects.create(name="Allotment society", description="Plots to share")
    episode = EpisodeFactory(person=tom, by=practitioner)
    draft = ConversationRecordFactory(episode=episode, by=practitioner)
    return {
        "person_id": tom.pk,
        "episode_id": episode.pk,
        "record_id": draft.pk,
        "task_id": task.pk,
        "item_id": item.pk,
        "line_id": line.pk,
        "service_id": service.pk,
    }


def test_every_post_only_url_answers_a_get_with_405_and_changes_nothing(toms_plan, manager):
    found = {name: pattern for name, pattern in _patterns() if is_post_only(pattern.callback)}
    assert set(found) >= NAMED_WRITES, NAMED_WRITES - set(found)
    client = Client()
    client.force_login(UserFactory(role=Role.DIRECTORY_EDITOR))
    as_manager = Client()
    as_manager.force_login(manager)
    before = _everything()
    for name, pattern in found.items():
        path = reverse(name, kwargs=_kwargs(pattern, toms_plan))
        for who in (as_manager, client):
            response = who.get(path)
            assert response.status_code == 405, f"GET {path} ({name}): {response.status_code}"
            assert response["Allow"] == "POST"
    assert _everything() == before
    # The rows are as they were: the step not done, the item not signed off, still a draft.
    assert Task.objects.get(pk=toms_plan["task_id"]).done_at is None
    assert PlanItem.objects.get(pk=toms_plan["item_id"]).signed_off_at is None
    assert BudgetLine.objects.filter(pk=toms_plan["line_id"]).exists()
    assert SupportPlan.objects.get().is_draft


def _kwargs(pattern, ids):
    kwargs = {}
    for converter, key in re.findall(r"<(?:(\w+):)?(\w+)>", str(pattern.pattern)):
        if key in ids:
            kwargs[key] = ids[key]
        elif converter == "uuid":
            kwargs[key] = uuid.uuid4()
        elif converter == "int":
            kwargs[key] = 999999
        else:
            kwargs[key] = "strength"
    return kwargs


def test_the_named_writes_still_work_by_post(toms_plan, as_manager, tom):
    done = reverse("planning:task-done", args=[tom.pk, toms_plan["task_id"]])
    assert as_manager.post(done).status_code == 302
    assert Task.objects.get(pk=toms_plan["task_id"]).done_at is not None
    remove = reverse("planning:remove-plan-item", args=[tom.pk, toms_plan["item_id"]])
    assert as_manager.post(remove).status_code == 302
    assert not PlanItem.objects.filter(pk=toms_plan["item_id"]).exists()
    put_back = reverse("planning:restore-plan-item", args=[tom.pk, toms_plan["item_id"]])
    assert as_manager.post(put_back).status_code == 302
    assert PlanItem.objects.filter(pk=toms_plan["item_id"]).exists()


def _break_glass(user, tom):
    people.grant_break_glass(tom, user=user, reason="Covering a complaint about the record")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", [Role.QUALITY_LEAD, Role.DIRECTORY_EDITOR])
def test_break_glass_without_casework_reads_and_writes_nothing(role, north, tom, toms_plan):
    client = _break_glass(UserFactory(role=role, teams=[north]), tom)
    record_pages = [
        (name, pattern)
        for name, pattern in _patterns()
        if hasattr(pattern.callback, "writes") and "person_id" in str(pattern.pattern)
    ]
    assert len(record_pages) > 40
    assert client.get(f"/people/{tom.pk}/").status_code == 200  # reading is what it is for
    before = _everything()
    problems = []
    for name, pattern in record_pages:
        path = reverse(name, kwargs=_kwargs(pattern, toms_plan))
        post = client.post(path, {"text": "Changed by break-glass", "version": "1"})
        if post.status_code != 403:
            problems.append(f"POST {path} ({name}): {post.status_code}")
        if pattern.callback.writes:
            get = client.get(path)
            if get.status_code != 403:
                problems.append(f"GET {path} ({name}) is a form page: {get.status_code}")
    assert problems == []
    assert _everything() == before
    refusals = AuditEvent.objects.filter(action=Action.ACCESS_REFUSED, person_id=tom.pk)
    assert refusals.count() >= len(record_pages)


def test_casework_from_another_team_still_writes_by_break_glass(river, tom):
    duty = UserFactory(role=Role.PRACTITIONER, teams=[river])
    people.grant_break_glass(tom, user=duty, reason="Duty call: the allocated worker is away")
    client = client_for(duty)
    before = tom.aspirations.count()
    add = reverse("strengths:add-aspiration", args=[tom.pk])
    assert client.get(add).status_code == 200
    assert client.post(add, {"text": "To see the sea again", "term": "short"}).status_code == 302
    assert tom.aspirations.count() == before + 1


def test_a_refused_post_writes_no_viewed_row(as_practitioner, tom, toms_plan, practitioner):
    # A practitioner may not sign off; the refusal is said, and nothing claims a view.
    plan = PlanItem.objects.get(pk=toms_plan["item_id"]).plan
    asked = sign_off.request_sign_off(plan, by=practitioner)
    decide = reverse("planning:decide-sign-off", args=[tom.pk, asked.pk])
    assert as_practitioner.post(decide, {"decision": "sign_off"}).status_code == 403
    assert PlanItem.objects.get(pk=toms_plan["item_id"]).signed_off_at is None
    assert not AuditEvent.objects.filter(action=Action.VIEW, person_id=tom.pk).exists()


def test_a_page_that_was_shown_is_viewed_once_with_its_own_summary(as_practitioner, tom):
    as_practitioner.get(reverse("planning:support-plan", args=[tom.pk]))
    views = AuditEvent.objects.filter(action=Action.VIEW, person_id=tom.pk)
    assert list(views.values_list("summary", flat=True)) == ["Viewed the support plan"]
