"""A create form is saved once however often it is sent (goodlife.ui.once)."""

import datetime
import io
import re
import threading
import time
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core import signing
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from goodlife.accounts.models import User
from goodlife.directory.models import UnmetNeed
from goodlife.people.models import Person
from goodlife.planning.models import BudgetLine, Idea
from goodlife.practice.models import ConversationRecord, Episode
from goodlife.strengths import services as strengths
from goodlife.strengths.models import NetworkMember, Strength
from goodlife.ui import once
from goodlife.ui.models import SentForm
from goodlife.wellbeing.models import Well12Response
from tests.factories import PersonFactory, TeamFactory, UserFactory

TOKEN = re.compile(r'name="goodlife_form_token" value="([^"]+)"')


def browser_for(user) -> Client:
    """A plain client: it sends only the token a page gave it."""
    client = Client()
    client.force_login(user)
    return client


def token_from(client, url) -> str:
    tokens = TOKEN.findall(client.get(url).content.decode())
    assert tokens, f"{url} has no one-time token"
    return tokens[-1]


def strength_form(**changes):
    return {
        "description": "I know every Apollo crew",
        "kind": "knowledge",
        "identified_by": "person",
        "identified_on_day": "9",
        "identified_on_month": "11",
        "identified_on_year": "2026",
        **changes,
    }


def well12_form():
    data = {
        "completed_on_day": "1",
        "completed_on_month": "10",
        "completed_on_year": "2026",
        "completed_by": "Tom",
        "how": "together",
        "recent_event": "no",
    }
    data.update({f"item_{n}": "2" for n in range(1, 13)})
    return data


def _idea(tom, practitioner):
    a = strengths.add_aspiration(
        tom, by=practitioner, text="I want to be an astronaut", term="long", interests=["space"]
    )
    return {"aspiration": str(a.pk), "text": "Buy a telescope", "tier": "own_strengths"}


def _budget(tom, practitioner):
    from goodlife.planning import services as planning

    planning.start_plan(tom, by=practitioner)
    return {"source": "person", "weekly_amount": "20"}


def _record(tom, practitioner):
    from goodlife.practice import services as practice

    practice.open_episode(
        tom,
        by=practitioner,
        contact_on=datetime.date(2026, 11, 2),
        contact_method="phone",
        raised_by="Tom",
        reason="He wants to meet people",
    )
    return {
        "step": "gather",
        "happened_on_day": "9",
        "happened_on_month": "11",
        "happened_on_year": "2026",
        "narrative": "Tom told me about the Apollo crews.",
    }


def _person(tom, practitioner):
    return {
        "legal_name": "Margaret Olu",
        "date_of_birth_day": "3",
        "date_of_birth_month": "7",
        "date_of_birth_year": "1958",
        "team": str(tom.team_id),
        "allocated_worker": str(practitioner.pk),
    }


# (url under the person, or absolute; model; the form's fields)
CREATE_FORMS = {
    "strength": ("strengths/add/", Strength, lambda tom, p: strength_form()),
    "network member": (
        "network/add/",
        NetworkMember,
        lambda tom, p: {
            "name": "Jane Baxter",
            "kind": "family",
            "relationship": "sister",
            "ring": "1",
            "frequency": "weekly",
            "gives": "Talks things through on Sundays",
            "receives": "Tom fixes her computer",
            "trusted": "yes",
        },
    ),
    "idea": ("ideas/add/", Idea, _idea),
    "WELL12": ("wellbeing/well12/new/", Well12Response, lambda tom, p: well12_form()),
    "budget line": ("support-plan/budget/add/", BudgetLine, _budget),
    "episode": (
        "episodes/new/",
        Episode,
        lambda tom, p: {
            "contact_on_day": "2",
            "contact_on_month": "11",
            "contact_on_year": "2026",
            "contact_method": "phone",
            "raised_by": "Tom's sister Jane",
            "reason": "He wants to meet people who like space",
        },
    ),
    "conversation record": (None, ConversationRecord, _record),
    "unmet need": (
        "suggestions/",
        UnmetNeed,
        lambda tom, p: {
            "action": "unmet",
            "what": "No daytime astronomy group",
            "theme": "interests",
            "area": "EB1",
        },
    ),
    "person": ("/people/add/", Person, _person),
}


def _url(kind, tom):
    path = CREATE_FORMS[kind][0]
    if path is None:  # a record is made within the episode the form's data opened
        return f"/people/{tom.pk}/episodes/{Episode.objects.get().pk}/records/new/"
    return path if path.startswith("/") else f"/people/{tom.pk}/{path}"


@pytest.mark.parametrize("kind", CREATE_FORMS)
def test_it_saves_the_same_form_sent_twice_once(kind, practitioner, tom):
    _, model, form = CREATE_FORMS[kind]
    data = form(tom, practitioner)
    before = model.objects.count()
    browser = browser_for(practitioner)
    url = _url(kind, tom)
    data[once.FIELD] = token_from(browser, url)

    first = browser.post(url, data)
    second = browser.post(url, data)

    assert first.status_code == 302, first.content.decode()[:2000]
    assert model.objects.count() == before + 1
    assert second.status_code == 302 and second.url == first.url
    page = browser.get(second.url).content.decode()
    assert "This had already been sent, so it was not saved a second time" in page


def test_a_form_with_mistakes_keeps_its_token(practitioner, tom):
    browser = browser_for(practitioner)
    url = f"/people/{tom.pk}/strengths/add/"
    token = token_from(browser, url)
    page = browser.post(url, strength_form(kind="", **{once.FIELD: token})).content.decode()
    assert "Select what kind of strength it is" in page
    assert not SentForm.objects.exists()
    response = browser.post(url, strength_form(**{once.FIELD: token}))
    assert response.status_code == 302 and Strength.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        None,
        "",
        "not-a-token",
        "x" * 500,
        pytest.param("other", id="another member of staff's token"),
        pytest.param("expired", id="a token more than a day old"),
    ],
)
def test_a_form_without_a_good_token_saves_nothing_and_keeps_the_typing(
    token, practitioner, tom, monkeypatch
):
    if token == "other":
        token = once.new_token(UserFactory().pk)
    elif token == "expired":
        two_days_ago = time.time() - 2 * 24 * 60 * 60
        with monkeypatch.context() as m:
            m.setattr(signing.time, "time", lambda: two_days_ago)
            token = once.new_token(practitioner.pk)
    browser = browser_for(practitioner)
    url = f"/people/{tom.pk}/strengths/add/"
    data = strength_form(description="Fixes bikes <for> neighbours")
    if token is not None:
        data[once.FIELD] = token

    response = browser.post(url, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: Nothing was saved yet" in page
    assert "Nothing was saved yet" in page
    assert 'value="Fixes bikes &lt;for&gt; neighbours"' in page
    assert not Strength.objects.exists()
    # Sending it again from that page, as the button does, saves it, once.
    resent = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    resent = {k: v.replace("&lt;", "<").replace("&gt;", ">") for k, v in resent.items()}
    assert resent.pop(once.FIELD) != token
    resent[once.FIELD] = TOKEN.search(page).group(1)
    assert browser.post(url, resent).status_code == 302
    assert browser.post(url, resent).status_code == 302
    assert Strength.objects.get().description == "Fixes bikes <for> neighbours"


def test_a_background_save_sent_twice_makes_one_draft(practitioner, tom):
    data = _record(tom, practitioner)
    browser = browser_for(practitioner)
    url = _url("conversation record", tom)
    data[once.FIELD] = token_from(browser, url)
    first = browser.post(url, data, headers={"Accept": "application/json"})
    second = browser.post(url, data, headers={"Accept": "application/json"})
    assert first.json()["saved"] is True
    assert second.status_code == 409 and second.json()["url"] == first.json()["edit_url"]
    assert ConversationRecord.objects.count() == 1


def test_old_tokens_are_cleared_away(practitioner, tom):
    old = SentForm.objects.create(token="old", user_id=practitioner.pk, result="/")
    SentForm.objects.filter(pk=old.pk).update(sent_at=timezone.now() - datetime.timedelta(days=2))
    recent = SentForm.objects.create(token="recent", user_id=practitioner.pk, result="/")
    browser = browser_for(practitioner)
    url = f"/people/{tom.pk}/strengths/add/"
    browser.post(url, strength_form(**{once.FIELD: token_from(browser, url)}))
    assert not SentForm.objects.filter(pk=old.pk).exists()
    assert SentForm.objects.filter(pk=recent.pk).exists()


def test_every_create_page_carries_a_token(practitioner, tom):
    browser = browser_for(practitioner)
    for kind in CREATE_FORMS:
        CREATE_FORMS[kind][2](tom, practitioner)  # what the page needs first
        token_from(browser, _url(kind, tom))


@pytest.mark.django_db(transaction=True)
def test_two_identical_forms_sent_at_the_same_moment_make_one_row(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing request at a time (IMMEDIATE transactions)")
    team = TeamFactory()
    practitioner = UserFactory(role="practitioner", teams=[team])
    tom = PersonFactory(team=team, allocated_worker=practitioner)
    url = f"/people/{tom.pk}/strengths/add/"
    data = strength_form(**{once.FIELD: once.new_token(practitioner.pk)})
    # The first to take the token holds its transaction open a while, so the other
    # request's insert of the same token certainly meets it uncommitted.
    add = strengths.add_strength

    def slow_add(*args, **kwargs):
        time.sleep(1)
        return add(*args, **kwargs)

    monkeypatch.setattr(strengths, "add_strength", slow_add)
    start = threading.Barrier(2)
    responses = []

    def send():
        try:
            browser = browser_for(practitioner)
            start.wait()
            responses.append(browser.post(url, data))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert Strength.objects.filter(person=tom).count() == 1
    assert sorted(r.status_code for r in responses) == [302, 302]
    assert len({r.url for r in responses}) == 1


def test_typed_work_kept_over_a_timeout_is_saved_once(practitioner, tom):
    from tests.accounts.helpers import time_out_sessions

    browser = Client()
    password = {"username": practitioner.email, "password": "correct horse battery"}
    browser.post("/accounts/sign-in/", password)
    url = f"/people/{tom.pk}/strengths/add/"
    typed = strength_form(description="Typed for an hour", **{once.FIELD: token_from(browser, url)})
    time_out_sessions()  # the session ends while the worker types

    assert browser.post(url, typed).url.startswith("/accounts/sign-in/")
    browser.post(f"/accounts/sign-in/?next={url}", {**password, "next": url})
    page = browser.get(url).content.decode()
    assert "Typed for an hour" in page and not Strength.objects.exists()

    # The page given back carries a token of its own; saving is the worker's choice, once.
    resent = {**typed, once.FIELD: TOKEN.search(page).group(1)}
    first = browser.post(url, resent)
    assert first.status_code == 302 and browser.post(url, resent).url == first.url
    assert Strength.objects.get().description == "Typed for an hour"


class PostForms(HTMLParser):
    """Each POST form's action and whether it carries a one-time token; and the links."""

    def __init__(self):
        super().__init__()
        self.forms, self.links, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "token": False}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and a.get("name") == once.FIELD:
            self._form["token"] = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


@pytest.mark.django_db
def test_every_form_that_creates_carries_its_token_on_every_page_of_the_demo():
    """Read every page the demo's practitioner and directory editor reach: each form that
    posts to a create view (``once_only``) must carry a token, or it could never be saved."""
    call_command("demo", stdout=io.StringIO())
    met = set()
    for email in ("practitioner@example.org", "directory@example.org"):
        client = browser_for(User.objects.get(email=email))
        queue, seen = deque(["/"]), {"/"}
        while queue and len(seen) <= 250:
            url = queue.popleft()
            response = client.get(url, follow=True)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            page_path = response.request["PATH_INFO"]
            parser = PostForms()
            parser.feed(response.content.decode())
            for form in parser.forms:
                action = urlsplit(urljoin(page_path, form["action"])).path
                view = resolve(action).func
                if getattr(view, "once_only", False):
                    met.add(resolve(action).url_name)
                    assert form["token"], f"the form on {page_path} posting to {action}"
            for href in parser.links:
                href = urldefrag(href).url
                followed = href.startswith("/") and not href.startswith(("/accounts/", "/static/"))
                if followed and href not in seen:
                    seen.add(href)
                    queue.append(href)
    # The crawl met the create forms of every app, so the check above covered them.
    assert {"add", "add-strength", "add-idea", "record", "episode-new", "service-new"} <= met
