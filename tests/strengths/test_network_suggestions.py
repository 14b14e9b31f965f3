"""The network map offers people already named in the record; nothing is added silently."""

import datetime
import html
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from goodlife.accounts.models import Role
from goodlife.people import mentions as record_text
from goodlife.people import services as people
from goodlife.practice import services as practice
from goodlife.strengths import services
from goodlife.strengths.models import NetworkMember
from tests.conftest import client_for
from tests.factories import UserFactory

TODAY = datetime.date(2026, 3, 3)
SECTION = "People mentioned in Tom's record"


class Fields(HTMLParser):
    """What a form shows filled in: each text box's value and each chosen radio."""

    def __init__(self, page):
        super().__init__()
        self.values = {}
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "input" or attrs.get("type") in ("hidden", "submit"):
            return
        if attrs.get("type") == "radio" and "checked" not in attrs:
            return
        if attrs.get("value"):
            self.values[attrs["name"]] = attrs["value"]


def filled_in(page) -> dict:
    return Fields(page).values


def network(client, person):
    response = client.get(reverse("strengths:network", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def add_url(person, **query):
    url = reverse("strengths:add-member", args=[person.pk])
    return url + "?" + "&amp;".join(f"{k}={v}" for k, v in query.items())


def strength(person, by, description):
    return services.add_strength(
        person,
        by=by,
        description=description,
        kind="relationships",
        identified_by="person",
        identified_on=TODAY,
    )


def member(person, by, name, **fields):
    values = {"kind": "family", "relationship": "", "ring": 1, "frequency": "weekly"}
    return services.add_member(person, by=by, name=name, trusted="yes", **(values | fields))


@pytest.fixture
def finished_record(tom, practitioner):
    episode = practice.open_episode(
        tom,
        by=practitioner,
        contact_on=TODAY,
        contact_method="self",
        raised_by="Tom",
        reason="I want to be an astronaut.",
    )

    def record(narrative, finish=True, **values):
        return practice.start_record(
            episode,
            by=practitioner,
            finish=finish,
            values={"step": "gather", "happened_on": TODAY, "narrative": narrative, **values},
        )

    return record


def test_a_person_named_in_a_strength_is_offered_until_they_are_added(
    as_practitioner, practitioner, tom
):
    strength(tom, practitioner, "My friend Ravi and I go stargazing on clear nights.")
    page = network(as_practitioner, tom)
    assert SECTION in page
    assert "Ravi<span" in page and ", friend</span>" in page
    assert "“My friend Ravi and I go stargazing on clear nights.”" in page
    profile = reverse("strengths:profile", args=[tom.pk])
    assert f'href="{profile}#strengths">A strength</a>' in page
    link = add_url(tom, name="Ravi", relationship="friend", kind="friend")
    assert f'href="{link}">Add Ravi to the network map</a>' in page
    assert not NetworkMember.objects.exists()  # offered, not added

    # The worker follows the link, checks the form and saves it.
    form = as_practitioner.get(html.unescape(link)).content.decode()
    assert filled_in(form) == {"name": "Ravi", "relationship": "friend", "kind": "friend"}
    response = as_practitioner.post(
        reverse("strengths:add-member", args=[tom.pk]),
        {
            "name": "Ravi",
            "kind": "friend",
            "relationship": "friend",
            "ring": "2",
            "frequency": "monthly",
            "trusted": "not_asked",
        },
    )
    assert response.status_code == 302
    assert NetworkMember.objects.get().name == "Ravi"
    page = network(as_practitioner, tom)
    assert "Add Ravi to the network map" not in page
    assert SECTION not in page


def test_nobody_on_the_map_nor_the_person_is_offered(as_practitioner, practitioner, tom):
    member(tom, practitioner, "Jane Baxter", relationship="sister")
    member(tom, practitioner, "mr okoye", kind="neighbour")
    strength(tom, practitioner, "His sister Jane, who he talks to every Sunday.")
    strength(tom, practitioner, "His neighbour Mr Okoye takes in parcels.")
    strength(tom, practitioner, "Tom (Jane's brother) fixes her computer.")
    assert SECTION not in network(as_practitioner, tom)


def test_someone_taken_off_the_map_is_offered_again(as_practitioner, practitioner, tom):
    jane = member(tom, practitioner, "Jane Baxter", relationship="sister")
    strength(tom, practitioner, "His sister Jane, who he talks to every Sunday.")
    assert SECTION not in network(as_practitioner, tom)
    services.remove_member(jane, by=practitioner, reason="Moved to Australia")
    assert "Add Jane to the network map" in network(as_practitioner, tom)


def test_retired_strengths_are_not_read(as_practitioner, practitioner, tom):
    old = strength(tom, practitioner, "His friend Ravi drives him to the club.")
    services.retire(old, by=practitioner, reason="Ravi moved away")
    assert SECTION not in network(as_practitioner, tom)


def test_hopes_offers_and_the_persons_own_details_are_read(as_practitioner, practitioner, tom):
    services.add_aspiration(
        tom, by=practitioner, text="To see a launch with my nephew Sam.", term="long"
    )
    services.add_offer(tom, by=practitioner, what="Could help his neighbour Mrs Hill with IT.")
    tom.communication_needs = "Text first. His sister Ann (in Leeds) can help with letters."
    tom.save()
    page = network(as_practitioner, tom)
    assert "Add Sam to the network map" in page
    assert "Add Mrs Hill to the network map" in page
    assert "Add Ann to the network map" in page
    assert "How I like to communicate</a>: “His sister Ann (in Leeds) can help" in page


def test_finished_conversation_records_are_read_and_drafts_are_not(
    as_practitioner, tom, finished_record
):
    record = finished_record(
        "We met at the library. His cousin Leon came too.",
        who_was_there="Tom, Leon (cousin), Priya Shah (social worker)",
        social_relationships="Sister Jane phones every Sunday.",
    )
    finished_record("His friend Ravi might come next time.", finish=False)
    page = network(as_practitioner, tom)
    url = reverse("practice:record", args=[tom.pk, record.pk])
    assert f'href="{url}">Conversation record, 3 March 2026</a>' in page
    assert "Add Leon to the network map" in page
    assert "Add Jane to the network map" in page
    assert "Ravi" not in page
    assert "Add Priya" not in page


def test_practice_registers_its_records_as_a_source():
    names = {f"{s.__module__}.{s.__qualname__}" for s in record_text._sources.values()}
    assert "goodlife.practice.mentions.record_passages" in names


def test_staff_who_only_read_the_record_are_offered_nothing(north, practitioner, tom):
    strength(tom, practitioner, "My friend Ravi and I go stargazing.")
    reader = UserFactory(role=Role.QUALITY_LEAD, teams=[north])
    people.grant_break_glass(tom, user=reader, reason="Looking into a complaint")
    page = network(client_for(reader), tom)
    assert SECTION not in page and "Add Ravi" not in page


def test_the_add_form_is_filled_in_from_its_address(as_practitioner, tom):
    url = reverse("strengths:add-member", args=[tom.pk])
    page = as_practitioner.get(
        url, {"name": "  Jane   Baxter ", "relationship": "sister", "kind": "family"}
    ).content.decode()
    assert filled_in(page) == {"name": "Jane Baxter", "relationship": "sister", "kind": "family"}
    assert "Filled in from Tom&#x27;s record" in page
    assert not NetworkMember.objects.exists()
    plain = as_practitioner.get(url).content.decode()
    assert "Filled in from" not in plain and filled_in(plain) == {}


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"name": "x" * 121}, {}),
        ({"name": "x" * 120}, {"name": "x" * 120}),
        ({"name": "Jane\x00"}, {}),
        ({"name": "Jane\u0007"}, {}),
        ({"name": "   "}, {}),
        ({"relationship": "r" * 121}, {}),
        ({"kind": "alien"}, {}),
        ({"kind": ""}, {}),
        ({"kind": "FAMILY"}, {}),
        ({"ring": "1", "trusted": "yes", "gives": "A lift", "version": "9"}, {}),
        ({"name": ["Jane", "Ann"]}, {"name": "Ann"}),
        ({"name": "<script>alert(1)</script>"}, {"name": "<script>alert(1)</script>"}),
    ],
)
def test_anything_odd_in_the_address_is_ignored(as_practitioner, tom, query, shown):
    url = reverse("strengths:add-member", args=[tom.pk])
    response = as_practitioner.get(url, query)
    assert response.status_code == 200
    page = response.content.decode()
    assert filled_in(page) == shown
    assert "<script>alert" not in page
    assert not NetworkMember.objects.exists()


def test_an_address_that_is_not_utf8_is_ignored(as_practitioner, tom):
    url = reverse("strengths:add-member", args=[tom.pk])
    response = as_practitioner.get(url + "?name=%FF%FE&relationship=%ED%A0%80&kind=%C0")
    assert response.status_code == 200
    assert filled_in(response.content.decode()) == {}


def test_a_submitted_form_is_not_overwritten_by_its_address(as_practitioner, tom):
    url = reverse("strengths:add-member", args=[tom.pk]) + "?name=Ravi&kind=friend"
    page = as_practitioner.post(url, {"name": "Jane Baxter"}).content.decode()
    assert filled_in(page) == {"name": "Jane Baxter"}
    assert not NetworkMember.objects.exists()
