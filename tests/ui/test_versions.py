"""An edit without the version it was opened at is refused on every edit page."""

import datetime
from html.parser import HTMLParser

import pytest

from goodlife.directory.models import Service
from goodlife.people.models import Person
from goodlife.planning.models import SupportPlan
from goodlife.practice.models import ConversationRecord
from goodlife.strengths.models import NetworkMember
from goodlife.ui.versions import UNKNOWN_VERSION, parse_version
from goodlife.wellbeing.models import Well12Response
from tests.conftest import client_for
from tests.directory.conftest import make_service
from tests.factories import (
    ConversationRecordFactory,
    EpisodeFactory,
    NetworkMemberFactory,
    SupportPlanFactory,
    UserFactory,
    Well12ResponseFactory,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1", 1),
        ("42", 42),
        (" 7 ", 7),
        (3, 3),
        (None, None),
        ("", None),
        ("   ", None),
        ("0", None),
        (0, None),
        ("-1", None),
        ("1.0", None),
        ("1e3", None),
        ("abc", None),
        ("²", None),
        ("١", None),
        ("9" * 19, None),
    ],
)
def test_parse_version(value, expected):
    assert parse_version(value) == expected


class FormOnPage(HTMLParser):
    """What a browser would send from the page's form that carries a version."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._textarea, self._select = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {}
        elif self._form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") != "submit":
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            self._form[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = a["name"]
            self._form[self._textarea] = ""
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._form[self._select] = a.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self._form[self._textarea] += data.removeprefix("\n")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def versioned_form(page: str) -> dict:
    parser = FormOnPage()
    parser.feed(page)
    (form,) = [f for f in parser.forms if "version" in f]
    return form


def _person(tom, practitioner):
    return tom, f"/people/{tom.pk}/edit/", {"phone": "01632 960 999"}, {}


def _member(tom, practitioner):
    member = NetworkMemberFactory(person=tom, by=practitioner, name="Jane Baxter", kind="family")
    return member, f"/people/{tom.pk}/network/{member.pk}/edit/", {"gives": "Lifts"}, {}


def _service(tom, practitioner):
    service = make_service(UserFactory(role="directory_editor"), "Lunch club", "Hot lunches")
    url = f"/directory/services/{service.pk}/edit/"
    return service, url, {"description": "Hot lunches and a quiz"}, {}


def _well12(tom, practitioner):
    response = Well12ResponseFactory(
        person=tom, by=practitioner, completed_on=datetime.date(2026, 10, 1), answers=(2,) * 12
    )
    url = f"/people/{tom.pk}/wellbeing/well12/{response.pk}/amend/"
    return response, url, {"notes": "Tom was tired"}, {"amendment_reason": "Typed wrong"}


def _episode(tom, practitioner):
    return EpisodeFactory(
        person=tom,
        by=practitioner,
        contact_on=datetime.date(2026, 11, 2),
        contact_method="phone",
        raised_by="Tom",
        reason="He wants to meet people",
    )


def _draft(tom, practitioner):
    record = ConversationRecordFactory(
        episode=_episode(tom, practitioner), by=practitioner, narrative="Tom likes space."
    )
    url = f"/people/{tom.pk}/records/{record.pk}/edit/"
    return record, url, {"narrative": "Tom likes space and stars."}, {}


def _finished(tom, practitioner):
    record = ConversationRecordFactory(
        episode=_episode(tom, practitioner),
        by=practitioner,
        finish=True,
        step="gather",
        happened_on=datetime.date(2026, 11, 9),
        narrative="Tom likes space.",
    )
    url = f"/people/{tom.pk}/records/{record.pk}/amend/"
    return record, url, {"narrative": "Tom likes stars."}, {"amendment_reason": "Corrected"}


def _plan(tom, practitioner):
    plan = SupportPlanFactory(person=tom, by=practitioner)
    return plan, f"/people/{tom.pk}/support-plan/", {"contingency": "Call Jane"}, {}


EDIT_PAGES = {
    "person": (_person, Person),
    "network member": (_member, NetworkMember),
    "directory entry": (_service, Service),
    "WELL12": (_well12, Well12Response),
    "draft conversation record": (_draft, ConversationRecord),
    "finished conversation record": (_finished, ConversationRecord),
    "support plan": (_plan, SupportPlan),
}


@pytest.mark.parametrize("sent", [None, "", "0", "-3", "abc"])
@pytest.mark.parametrize("page", EDIT_PAGES)
def test_an_edit_without_its_version_is_refused_and_changes_nothing(page, sent, practitioner, tom):
    make, model = EDIT_PAGES[page]
    row, url, changes, extra = make(tom, practitioner)
    user = practitioner if page != "directory entry" else UserFactory(role="directory_editor")
    client = client_for(user)
    before = model.objects.filter(pk=row.pk).values().get()
    data = {**versioned_form(client.get(url).content.decode()), **changes, **extra}
    del data["version"]
    if sent is not None:
        data["version"] = sent

    response = client.post(url, data)

    assert response.status_code == 200
    shown = response.content.decode()
    assert UNKNOWN_VERSION in shown.replace("&#x27;", "'")
    for value in changes.values():
        assert value in shown  # what was typed comes back
    assert model.objects.filter(pk=row.pk).values().get() == before

    # Saving again from the page that came back is a deliberate choice, and it saves.
    again = {**versioned_form(shown), **changes, **extra}
    assert client.post(url, again).status_code == 302
    after = model.objects.filter(pk=row.pk).values().get()
    assert after["version"] == before["version"] + 1
