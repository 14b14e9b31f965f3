"""Enter in a one-line box presses the form's own button, never a language coach's.

Browsers submit a form on Enter by pressing its first submit button. In a coached form
that would be a finding's "Keep my wording" (keeping a wording nobody chose) or "Check
the wording". Every page the demo practitioner can reach is read, and every form with a
coached text box must start with a hidden copy of one of its visible buttons.
"""

import io
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

from goodlife.accounts.models import User
from goodlife.coach.forms import CHECK, KEEP, CoachedForm
from goodlife.people.demo import person_id
from goodlife.planning import services as planning
from goodlife.planning import sign_off
from goodlife.planning.models import SupportPlan
from tests.conftest import client_for

MAX_PAGES = 400
NOT_FOLLOWED = ("/accounts/", "/static/", "/api/", "/admin/")


class Forms(HTMLParser):
    """Each form's submit buttons in document order, and whether it has a coached box."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.links = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "button" and a.get("name") == "go" and (a.get("value") or "")[:1] == "/":
            self.links.append(a["value"])  # a draft plan's button: saves, then goes there
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = {"action": a.get("action"), "buttons": [], "coached": False}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "textarea" and "data-coach-url" in a:
            self._form["coached"] = True
        elif (tag == "button" and a.get("type", "submit") == "submit") or (
            tag == "input" and a.get("type") == "submit"
        ):
            self._form["buttons"].append(
                {
                    "name": a.get("name") or "",
                    "value": a.get("value") or "",
                    "hidden": "hidden" in a,
                }
            )

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


@pytest.fixture
def rendered_forms(monkeypatch):
    seen = set()
    coach_for = CoachedForm.coach_for

    def spy(self, bound_field):
        seen.add(type(self))
        return coach_for(self, bound_field)

    monkeypatch.setattr(CoachedForm, "coach_for", spy)
    return seen


def crawl(client, start, seen):
    """Every page reachable by links from `start` not already in `seen`, read once each."""
    queue = deque([start])
    seen.add(start)
    while queue and len(seen) <= MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, follow=True)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        parser = Forms()
        parser.feed(response.content.decode())
        yield response.request["PATH_INFO"], parser.forms
        for href in parser.links:
            href = urldefrag(href).url
            parts = urlsplit(href)
            if parts.netloc or not href.startswith("/") or href.startswith(NOT_FOLLOWED):
                continue
            if href not in seen:
                seen.add(href)
                queue.append(href)


@pytest.mark.django_db
def test_enter_in_a_coached_form_presses_the_forms_own_button(rendered_forms):
    call_command("demo", stdout=io.StringIO())
    client = client_for(User.objects.get(email="practitioner@example.org"))
    seen = set()
    pages = list(crawl(client, "/", seen))
    # Tom's support plan is agreed in the demo; a new draft version has forms of its own.
    client.post(reverse("planning:start-support-plan", args=[person_id("tom")]))
    # With council-funded support in it, the draft is sent for a manager's sign-off.
    draft = SupportPlan.objects.get(person_id=person_id("tom"), status="draft")
    worker = User.objects.get(email="practitioner@example.org")
    planning.add_item(
        draft,
        by=worker,
        description="A support worker on Tuesday evenings",
        tier="short_term",
        outcomes=list(draft.person.outcomes.all()[:1]),
        weekly_cost=40,
    )
    pages += crawl(client, reverse("planning:support-plan", args=[person_id("tom")]), seen)
    asked = sign_off.request_sign_off(draft, by=worker)
    manager = client_for(User.objects.get(email="manager@example.org"))
    decide = reverse("planning:decide-sign-off", args=[person_id("tom"), asked.pk])
    pages += crawl(manager, decide, set(seen))
    coached = 0
    for url, forms in pages:
        for form in forms:
            if not form["coached"]:
                continue
            coached += 1
            first, *others = form["buttons"]
            where = f"{url} (form to {form['action']})"
            assert first["hidden"], f"Enter would press a visible button first on {where}"
            assert first["name"] not in (KEEP, CHECK), where
            visible = [(b["name"], b["value"]) for b in others if not b["hidden"]]
            assert (first["name"], first["value"]) in visible, (
                f"Enter presses no button the page shows on {where}"
            )
    assert coached >= len(rendered_forms) > 0
    # Every coached form in Goodlife was met on the way, so none escapes this check.
    assert set(subclasses(CoachedForm)) <= rendered_forms
