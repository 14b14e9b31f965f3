import datetime

import pytest

from goodlife.audit.models import AuditEvent
from goodlife.people import timeline
from goodlife.strengths import services
from goodlife.strengths.models import Aspiration, Interest, NetworkChange, NetworkMember, Strength


def member_form(**changes):
    data = {
        "name": "Jane Baxter",
        "kind": "family",
        "relationship": "sister",
        "ring": "1",
        "frequency": "weekly",
        "gives": "Talks things through on Sundays",
        "receives": "Tom fixes her computer",
        "trusted": "yes",
    }
    data.update(changes)
    return data


def test_add_a_strength_in_the_persons_words(as_practitioner, practitioner, tom):
    url = f"/people/{tom.pk}/strengths/add/"
    page = as_practitioner.get(url).content.decode()
    assert "What are you good at?" in page  # open questions as guidance
    response = as_practitioner.post(
        url,
        {
            "description": "I know every Apollo crew",
            "kind": "knowledge",
            "identified_by": "person",
            "identified_on_day": "9",
            "identified_on_month": "11",
            "identified_on_year": "2026",
        },
    )
    assert response.url == f"/people/{tom.pk}/strengths/#strengths"
    strength = Strength.objects.get()
    assert (
        strength.description == "I know every Apollo crew" and strength.recorded_by == practitioner
    )
    assert AuditEvent.objects.filter(summary="Added a strength", person_id=tom.pk).exists()


def test_an_invalid_strength_keeps_what_was_typed(as_practitioner, tom):
    page = as_practitioner.post(
        f"/people/{tom.pk}/strengths/add/",
        {
            "description": "Very patient with children",
            "identified_on_day": "40",
            "identified_on_month": "1",
            "identified_on_year": "2026",
        },
    ).content.decode()
    assert "Select what kind of strength it is" in page
    assert "Select who named this strength" in page
    assert "The date it was named must be a real date" in page
    assert "Very patient with children" in page
    assert not Strength.objects.exists()


def test_retired_strengths_are_kept_and_shown_as_no_longer_current(
    as_practitioner, practitioner, tom
):
    strength = services.add_strength(
        tom,
        by=practitioner,
        description="Drives to the coast",
        kind="transport",
        identified_by="person",
        identified_on=datetime.date(2026, 1, 1),
    )
    url = f"/people/{tom.pk}/strengths/{strength.pk}/retire/"
    assert "Enter why" in as_practitioner.post(url, {"reason": ""}).content.decode()
    as_practitioner.post(url, {"reason": "Tom sold his car"})
    strength.refresh_from_db()
    assert not strength.is_current and strength.retired_reason == "Tom sold his car"
    page = as_practitioner.get(f"/people/{tom.pk}/strengths/").content.decode()
    assert "1 strengths no longer current" in page and "Tom sold his car" in page
    with pytest.raises(services.NotAllowed):
        services.retire(strength, by=practitioner, reason="again")


def test_an_aspiration_keeps_its_interests_as_tags(as_practitioner, tom):
    as_practitioner.post(
        f"/people/{tom.pk}/aspirations/add/",
        {
            "text": "I want to be an astronaut",
            "term": "long",
            "interests": "Space, astronomy; space",
        },
    )
    aspiration = Aspiration.objects.get()
    assert sorted(i.name for i in aspiration.interests.all()) == ["astronomy", "space"]
    assert Interest.objects.count() == 2
    page = as_practitioner.get(f"/people/{tom.pk}/strengths/").content.decode()
    assert "“I want to be an astronaut”" in page and ">space<" in page


def test_an_offer_records_consent_to_share(as_practitioner, tom):
    as_practitioner.post(
        f"/people/{tom.pk}/offers/add/",
        {
            "what": "Showing people the planets",
            "when": "Clear evenings",
            "share_with_community": "on",
        },
    )
    assert tom.offers.get().share_with_community is True


def test_five_network_members_in_their_rings_on_map_and_list(as_practitioner, tom):
    add = f"/people/{tom.pk}/network/add/"
    for name, ring, kind in [
        ("Jane Baxter", 1, "family"),
        ("Mr Okoye", 2, "neighbour"),
        ("Eastbrook Library", 2, "service"),
        ("Astronomy society", 3, "group"),
        ("Dr Amin", 3, "professional"),
    ]:
        response = as_practitioner.post(add, member_form(name=name, ring=str(ring), kind=kind))
        assert response.status_code == 302
    page = as_practitioner.get(f"/people/{tom.pk}/network/").content.decode()
    assert 'data-ring="1" data-name="Jane Baxter"' in page
    assert 'data-ring="2" data-name="Mr Okoye"' in page
    assert 'data-ring="3" data-name="Dr Amin"' in page
    assert "Closest (1)" in page and "Close (2)" in page and "Further out (2)" in page
    assert "Tom fixes her computer" in page
    assert "5 joined" in page


def test_an_invalid_member_keeps_what_was_typed(as_practitioner, tom):
    page = as_practitioner.post(
        f"/people/{tom.pk}/network/add/", member_form(ring="", name="Auntie Pam")
    ).content.decode()
    assert "Select how close they are" in page and 'value="Auntie Pam"' in page
    assert not NetworkMember.objects.exists()


def test_moving_closer_is_kept_in_the_history(as_practitioner, practitioner, tom):
    member = services.add_member(tom, by=practitioner, **{**member_form(ring=3), "ring": 3})
    response = as_practitioner.post(
        f"/people/{tom.pk}/network/{member.pk}/edit/", {**member_form(ring="1"), "version": "1"}
    )
    assert response.status_code == 302
    change = NetworkChange.objects.filter(change="changed").get()
    assert (change.ring_before, change.ring_after) == (3, 1)
    page = as_practitioner.get(f"/people/{tom.pk}/network/").content.decode()
    assert "Jane Baxter moved closer: from further out to closest" in page


def test_a_stale_member_edit_is_refused(as_practitioner, practitioner, tom):
    member = services.add_member(tom, by=practitioner, **{**member_form(), "ring": 1})
    services.change_member(member, by=practitioner, expected_version=1, frequency="daily")
    page = as_practitioner.post(
        f"/people/{tom.pk}/network/{member.pk}/edit/",
        {**member_form(gives="Sunday lunch"), "version": "1"},
    ).content.decode()
    assert "Someone changed this while you were working" in page and "Sunday lunch" in page


def test_removing_a_member_keeps_them_in_the_history(as_practitioner, practitioner, tom):
    member = services.add_member(tom, by=practitioner, **{**member_form(), "ring": 1})
    as_practitioner.post(
        f"/people/{tom.pk}/network/{member.pk}/remove/", {"reason": "Moved to Spain"}
    )
    member.refresh_from_db()
    assert not member.is_current
    page = as_practitioner.get(f"/people/{tom.pk}/network/").content.decode()
    assert "Jane Baxter left the map" in page
    assert 'data-name="Jane Baxter"' not in page


def test_about_me_reads_in_plain_english(as_practitioner, practitioner, tom):
    services.add_aspiration(tom, by=practitioner, text="I want to be an astronaut", term="long")
    services.add_member(tom, by=practitioner, **{**member_form(), "ring": 1})
    page = as_practitioner.get(f"/people/{tom.pk}/about-me/").content.decode()
    assert "About me: Tom" in page
    assert "What I hope for" in page and "I want to be an astronaut" in page
    assert (
        "Closest to me" in page and "Jane Baxter (sister): talks things through on Sundays" in page
    )


def test_entries_are_on_the_timeline(practitioner, tom):
    services.add_aspiration(tom, by=practitioner, text="To see a launch", term="long")
    services.add_member(tom, by=practitioner, **{**member_form(), "ring": 1})
    titles = [e.title for e in timeline.entries_for(tom, kinds=["strengths"])]
    assert "Aspiration added" in titles
    assert "Jane Baxter added to the network map (closest)" in titles


def test_other_teams_need_break_glass(as_other_practitioner, tom):
    for path in ("strengths/", "network/", "about-me/", "strengths/add/"):
        assert "break-glass" in as_other_practitioner.get(f"/people/{tom.pk}/{path}").url


def test_the_same_name_twice_on_the_map_is_refused(as_practitioner, practitioner, tom):
    services.add_member(tom, by=practitioner, **{**member_form(), "ring": 1})
    page = as_practitioner.post(
        f"/people/{tom.pk}/network/add/", member_form(name="jane  baxter")
    ).content.decode()
    assert "jane baxter is already on the map" in page
