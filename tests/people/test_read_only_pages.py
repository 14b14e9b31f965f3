"""Staff who read a record by break-glass without changing it are shown no way to change it.

A quality lead or a directory editor may open a record by break-glass to read it; every
write URL refuses them (tests/test_write_urls.py). Here every page they can read is opened
for them, and every link and form on it is looked up: none may lead to a form page of the
record (``person_view(writes=True)``), a write that answers only POST, a POST to the
record, or a page whose rule refuses them. The same pages still offer the record's own
practitioner (and manager) the ways to change it.
"""

import datetime
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse

from goodlife.accounts.access import rule_of
from goodlife.accounts.models import Role
from goodlife.directory import services as directory
from goodlife.people import services as people
from goodlife.planning import services as planning
from goodlife.planning import sign_off
from goodlife.planning.models import SupportPlan
from goodlife.practice import services as practice
from goodlife.strengths import services as strengths
from goodlife.ui.http import is_post_only
from goodlife.wellbeing import services as wellbeing
from tests.conftest import client_for
from tests.directory.conftest import make_service
from tests.factories import UserFactory

TODAY = datetime.date.today()  # noqa: DTZ011
READ_ONLY = "Your role does not change person records"


def _well12(tom, by, days_ago, answer):
    return wellbeing.record_well12(
        tom,
        by=by,
        completed_on=TODAY - datetime.timedelta(days=days_ago),
        completed_by="Tom",
        how="together",
        recent_event="",
        recent_event_detail="",
        notes="",
        **{f"item_{n}": answer for n in range(1, 13)},
    )


@pytest.fixture
def toms_record(tom, practitioner):
    """Tom with something on every page of his record, made by his practitioner."""
    strengths.add_strength(
        tom,
        by=practitioner,
        description="Grows vegetables from seed",
        kind="skill",
        identified_by="person",
        identified_on=TODAY,
    )
    aspiration = strengths.add_aspiration(
        tom, by=practitioner, text="Back to the allotment", term="long", interests=["gardening"]
    )
    strengths.add_offer(tom, by=practitioner, what="Seedlings for the neighbours")
    strengths.add_member(
        tom,
        by=practitioner,
        name="Jane Baxter",
        kind="family",
        relationship="sister",
        ring=1,
        frequency="weekly",
        trusted="yes",
    )
    service = make_service(
        UserFactory(role=Role.DIRECTORY_EDITOR),
        "Allotment society",
        "Shared plots and gardening mornings",
        terms=["gardening"],
    )
    directory.note_suggestion(tom, service, by=practitioner, reason="Tom likes gardening")
    planning.add_idea(
        tom,
        by=practitioner,
        text="Ask about a shared plot",
        tier="community",
        aspiration=aspiration,
    )
    outcome = planning.add_outcome(
        tom,
        by=practitioner,
        aspiration=aspiration,
        text="Tom works his plot every Saturday",
        how_we_will_know="Tom tells us",
        by_when=TODAY,
    )
    planning.add_task(outcome, by=practitioner, what="Ring the allotment society", who="person")
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
    planning.add_budget_line(plan, by=practitioner, source="council", weekly_amount="45")
    episode = practice.open_episode(
        tom,
        by=practitioner,
        contact_on=TODAY,
        contact_method="phone",
        raised_by="Tom",
        reason="He wants to get back to his plot",
    )
    finished = practice.start_record(
        episode,
        by=practitioner,
        finish=True,
        values={"step": "gather", "happened_on": TODAY, "narrative": "Tom misses his plot."},
    )
    draft = practice.start_record(
        episode, by=practitioner, values={"step": "ideas", "narrative": "Tom and Jane"}
    )
    practice.start_holding_support(
        tom,
        by=practitioner,
        episode=episode,
        what="A daily phone call",
        starts_on=TODAY,
        planned_end_on=TODAY + datetime.timedelta(days=14),
    )
    _well12(tom, practitioner, 60, 1)
    response = _well12(tom, practitioner, 0, 3)
    return {
        "item": item,
        "episode": episode,
        "finished": finished,
        "draft": draft,
        "well12": response,
    }


def _pages(tom, made):
    """Every page of Tom's record that a reader may open, by URL name and address."""
    p = tom.pk
    return {
        "overview": reverse("people:overview", args=[p]),
        "strengths profile": reverse("strengths:profile", args=[p]),
        "about me": reverse("strengths:about-me", args=[p]),
        "network": reverse("strengths:network", args=[p]),
        "plan": reverse("planning:plan", args=[p]),
        "support plan": reverse("planning:support-plan", args=[p]),
        "plan item": reverse("planning:item", args=[p, made["item"].pk]),
        "my plan": reverse("planning:my-plan", args=[p]),
        "episode": reverse("practice:episode", args=[p, made["episode"].pk]),
        "record": reverse("practice:record", args=[p, made["finished"].pk]),
        "draft record": reverse("practice:record", args=[p, made["draft"].pk]),
        "WELL12": reverse("wellbeing:detail", args=[p, made["well12"].pk]),
        "progression": reverse("wellbeing:progression", args=[p]),
        "timeline": reverse("people:timeline", args=[p]),
        "suggestions": reverse("directory:suggestions", args=[p]),
    }


class Targets(HTMLParser):
    """Where a page's links and forms lead: (method, address) for each."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._form_method = "get"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "area") and attrs.get("href"):
            self.found.append(("get", attrs["href"]))
        elif tag == "form":
            self._form_method = (attrs.get("method") or "get").lower()
            self.found.append((self._form_method, attrs.get("action") or ""))
        elif tag in ("button", "input") and attrs.get("formaction"):
            method = (attrs.get("formmethod") or self._form_method).lower()
            self.found.append((method, attrs["formaction"]))
        elif tag == "button" and attrs.get("name") == "go" and attrs.get("value", "")[:1] == "/":
            # A draft plan's button: it saves what was typed, then goes to its address.
            self.found.append(("get", attrs["value"]))


def _targets(page_path, html):
    """Each link and form of a page that leads into Goodlife, resolved to its view."""
    parser = Targets()
    parser.feed(html)
    for method, address in parser.found:
        # A form without an action, or with only a fragment, sends to the page itself.
        parts = urlsplit(urljoin(page_path, address))
        if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
            continue
        try:
            match = resolve(parts.path)
        except Resolver404:  # a static file
            continue
        yield method, parts.path, match


def _changes_the_record(method, match) -> bool:
    """A form page of a person's record, a write by button, or a POST to the record."""
    view = match.func
    if is_post_only(view) and "person_id" in match.kwargs:
        return True
    if not hasattr(view, "writes"):  # not a view of a person's record
        return False
    return view.writes or method == "post"


def _refusal(user, method, match) -> str:
    """Why following this link or sending this form would refuse ``user``, or ""."""
    view = match.func
    rule = rule_of(view)
    if rule is not None and not rule.allows(user):
        return f"its rule refuses: {rule.description}"
    if is_post_only(view) and method != "post":
        return "it answers only POST"
    if getattr(view, "writes", False):
        return "it is a form page of the record"
    if hasattr(view, "writes") and method == "post":
        return "it is a POST to the record"
    return ""


def _writes_on(client, path):
    """The URL names of the ways a page offers to change the record."""
    response = client.get(path)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    return {
        match.view_name
        for method, _, match in _targets(path, response.content.decode())
        if _changes_the_record(method, match)
    }


@pytest.fixture(params=[Role.QUALITY_LEAD, Role.DIRECTORY_EDITOR])
def reader(request, north, tom):
    """Staff who read Tom's record by break-glass and do not write in records. In Tom's
    team, even: teams give casework, not a role's right to write."""
    user = UserFactory(role=request.param, teams=[north])
    people.grant_break_glass(tom, user=user, reason="Looking into a complaint about the record")
    return user


def test_a_reader_is_shown_no_way_to_change_the_record(reader, tom, toms_record):
    client = client_for(reader)
    problems = []
    for name, path in _pages(tom, toms_record).items():
        response = client.get(path)
        assert response.status_code == 200, f"{name}: {response.status_code}"
        for method, target, match in _targets(path, response.content.decode()):
            why = _refusal(reader, method, match)
            if why:
                problems.append(f"{name}: {method.upper()} {target} ({match.view_name}): {why}")
    assert problems == []


def test_a_reader_is_told_the_record_is_open_to_read_only(reader, tom, toms_record):
    client = client_for(reader)
    pages = _pages(tom, toms_record)
    overview = client.get(pages["overview"]).content.decode()
    assert "You are reading this record with break-glass access" in overview
    assert overview.count(READ_ONLY) == 1
    support_plan = client.get(pages["support plan"]).content.decode()
    # The draft's texts are read, not edited.
    assert READ_ONLY in support_plan
    assert "Contingency plan" in support_plan and "<textarea" not in support_plan
    # The draft on the timeline and in the episode opens as a record to read.
    draft = reverse("practice:record", args=[tom.pk, toms_record["draft"].pk])
    assert f'href="{draft}"' in client.get(pages["timeline"]).content.decode()
    assert f'href="{draft}"' in client.get(pages["episode"]).content.decode()
    # What is there to read stays, and the next steps lead to pages that read the record.
    episode = client.get(pages["episode"]).content.decode()
    assert "2. Develop ideas" in episode
    assert f'href="{reverse("wellbeing:progression", args=[tom.pk])}"' in episode
    assert f'href="{reverse("planning:support-plan", args=[tom.pk])}"' in episode
    assert "A daily phone call" in overview
    assert "Ring the allotment society" in client.get(pages["plan"]).content.decode()
    suggestions = client.get(pages["suggestions"]).content.decode()
    assert "Allotment society" in suggestions and "Nothing suitable?" not in suggestions


def test_the_practitioner_is_still_shown_the_ways_to_change_the_record(
    as_practitioner, tom, toms_record
):
    pages = _pages(tom, toms_record)
    expected = {
        "overview": {
            "people:edit",
            "practice:record-new",
            "practice:episode-new",
            "practice:holding-review",
            "wellbeing:record",
        },
        "strengths profile": {
            "strengths:add-strength",
            "strengths:add-aspiration",
            "strengths:aspiration-status",
            "strengths:add-offer",
            "strengths:retire",
            "strengths:add-member",
        },
        "network": {"strengths:add-member", "strengths:edit-member"},
        "plan": {
            "planning:add-idea",
            "planning:add-outcome",
            "planning:idea-status",
            "planning:edit-idea",
            "planning:edit-outcome",
            "planning:add-task",
            "planning:edit-task",
            "planning:task-done",
        },
        "support plan": {
            "planning:support-plan",  # the texts form
            "planning:add-plan-item",
            "planning:edit-plan-item",
            "planning:remove-plan-item",
            "planning:add-budget-line",
            "planning:edit-budget-line",
            "planning:remove-budget-line",
            "planning:agree-support-plan",
            "planning:send-for-sign-off",
        },
        "episode": {
            "practice:record-new",
            "practice:record-edit",
            "practice:move",
            "practice:close",
        },
        "record": {"practice:record-amend"},
        "WELL12": {"wellbeing:amend"},
        "progression": {"wellbeing:record"},
        "timeline": {"practice:record-edit"},
        "suggestions": {"directory:suggestions"},  # noting one, logging a gap
    }
    for name, names in expected.items():
        shown = _writes_on(as_practitioner, pages[name])
        assert names <= shown, f"{name}: missing {names - shown}"
    # The draft's own page, which only its author opens, offers to discard it.
    draft = reverse("practice:record-edit", args=[tom.pk, toms_record["draft"].pk])
    assert "practice:record-discard" in _writes_on(as_practitioner, draft)
    page = as_practitioner.get(pages["overview"]).content.decode()
    assert READ_ONLY not in page
    assert "<textarea" in as_practitioner.get(pages["support plan"]).content.decode()
    suggestions = as_practitioner.get(pages["suggestions"]).content.decode()
    assert 'name="action" value="note"' in suggestions and "Log an unmet need" in suggestions


def test_the_manager_is_still_shown_sign_off(as_manager, tom, toms_record, practitioner):
    plan = SupportPlan.objects.get(person=tom, status="draft")
    sign_off.request_sign_off(plan, by=practitioner)
    path = reverse("planning:support-plan", args=[tom.pk])
    assert "planning:decide-sign-off" in _writes_on(as_manager, path)


def test_an_agreed_plan_offers_a_reader_no_review_or_new_version(reader, tom, practitioner):
    outcome = planning.add_outcome(tom, by=practitioner, text="Tom reads every week")
    plan = planning.start_plan(tom, by=practitioner)
    planning.add_item(
        plan, by=practitioner, description="Library", tier="community", outcomes=[outcome]
    )
    planning.save_plan_texts(
        plan, by=practitioner, expected_version=1, contingency="Call Jane", disengagement="d"
    )
    planning.agree_plan(plan, by=practitioner, agreed_on=TODAY, agreed_how="in_person")
    path = reverse("planning:support-plan", args=[tom.pk])
    assert _writes_on(client_for(reader), path) == set()
    shown = _writes_on(client_for(practitioner), path)
    assert {"planning:review", "planning:start-support-plan"} <= shown


def test_with_no_plan_a_reader_is_offered_none_to_start(reader, tom):
    client = client_for(reader)
    for path in (
        reverse("planning:support-plan", args=[tom.pk]),
        reverse("directory:suggestions", args=[tom.pk]),
        reverse("people:overview", args=[tom.pk]),
    ):
        assert _writes_on(client, path) == set(), path
