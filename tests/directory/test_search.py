import datetime

import pytest
from django.db import connection

from goodlife.directory.models import Service, Status
from goodlife.directory.search import Filters, highlight, search
from tests.directory.conftest import make_service


def names(hits):
    return [h.service.name for h in hits]


def test_words_find_services_and_are_highlighted(directory):
    hits = search(Filters(text="astronomical"))
    assert names(hits) == ["Eastbrook Astronomical Society"]
    assert hits[0].name_html == "Eastbrook <mark>Astronomical</mark> Society"


def test_every_word_must_match_and_prefixes_count(directory):
    assert names(search(Filters(text="walk river"))) == ["Riverside walking group"]
    assert search(Filters(text="walk astronomy")) == []


def test_free_day_and_time_filters(directory):
    assert set(names(search(Filters(free=True)))) == {
        "Eastbrook Astronomical Society",
        "Riverside walking group",
    }
    assert names(search(Filters(day="TH"))) == ["Thursday lunch club"]
    evening = search(Filters(day="TU", time=datetime.time(19, 30)))
    assert names(evening) == ["Eastbrook Astronomical Society"]


def test_strengths_and_access_filters(directory):
    assert names(search(Filters(offering="be_active"))) == ["Riverside walking group"]
    assert names(search(Filters(access=["hearing_loop"]))) == ["Thursday lunch club"]


def test_distance_is_measured_and_limits_results(directory):
    near = (52.6350, -1.1300)
    hits = search(Filters(near=near))
    by_name = {h.service.name: h.miles for h in hits}
    assert by_name["Eastbrook Astronomical Society"] == 0.8
    assert names(search(Filters(near=near, within_miles=1))) == [
        "Riverside walking group",
        "Eastbrook Astronomical Society",
    ]


def test_inactive_services_are_not_found(directory):
    Service.objects.filter(name="Thursday lunch club").update(status=Status.DEFUNCT)
    assert search(Filters(text="lunch")) == []


def test_an_edited_entry_is_found_by_its_new_words(directory, editor):
    from goodlife.directory import services

    service = directory["lunch"]
    services.save_service(
        service,
        by=editor,
        expected_version=1,
        name="Thursday supper club",
        organization_name="",
        description="Supper and songs.",
        is_free=False,
        fees="",
        url="",
        email="",
        phone="",
        eligibility="",
    )
    assert names(search(Filters(text="supper"))) == ["Thursday supper club"]
    assert search(Filters(text="lunch")) == []


def test_highlight_escapes_what_it_shows():
    assert highlight("<b>Space</b> club", ["space"]) == "&lt;b&gt;<mark>Space</mark>&lt;/b&gt; club"


def test_punctuation_in_a_search_is_harmless(directory, editor):
    make_service(editor, "O'Brien's café", "Tea & cake")
    assert names(search(Filters(text="o'brien's \"café\" AND OR *"))) == ["O'Brien's café"]


def test_phrases_from_the_synonym_table_are_searched_safely(directory):
    from goodlife.directory.search import matching_any

    found = matching_any(["night sky", "space", "it's", "a|b", "x & y"])
    assert str(directory["astronomy"].pk) in found


def test_several_word_lists_searched_together_find_what_each_finds_alone(
    directory, editor, django_assert_max_num_queries
):
    from goodlife.directory.search import best_matching_each, matching_any

    for i in range(5):
        make_service(editor, f"Star club {i}", "Astronomy and space talks")
    lists = [["space", "astronomy"], ["walking"], ["", "!!"], ["nothing-matches-this"], ["space"]]
    alone = [matching_any(words, best=3) for words in lists]
    with django_assert_max_num_queries(len(lists) if connection.vendor != "postgresql" else 1):
        together = best_matching_each(lists, best=3)
    assert together == alone
    assert len(together[0]) == 3 and together[2] == {} and together[3] == {}


def test_a_service_meeting_twice_on_the_day_is_listed_once(directory):
    from goodlife.directory.models import Schedule

    walk = directory["walk"]
    Schedule.objects.create(
        service=walk, byday="TU", opens_at=datetime.time(14), closes_at=datetime.time(15)
    )
    assert names(search(Filters(day="TU"))).count("Riverside walking group") == 1
    assert names(search(Filters(text="walking"))) == ["Riverside walking group"]


def test_shared_offers_match_a_few_letters_and_come_newest_first(practitioner, tom):
    from django.db import connection

    from goodlife.directory.search import community_offers
    from goodlife.people import timeline
    from goodlife.strengths import services as strengths
    from goodlife.strengths.models import Offer

    old = strengths.add_offer(
        tom, by=practitioner, what="Teaching chess", share_with_community=True
    )
    Offer.objects.filter(pk=old.pk).update(recorded_at=old.recorded_at - datetime.timedelta(1))
    timeline.refresh(Offer.objects.get(pk=old.pk))
    new = strengths.add_offer(
        tom, by=practitioner, what="Chess on Sundays", share_with_community=True
    )
    strengths.add_offer(tom, by=practitioner, what="Chess, privately", share_with_community=False)
    assert [o.pk for o in community_offers("chess club")] == [new.pk, old.pk]
    if connection.vendor == "postgresql":
        # The trigram index that finds them at a council's size (strengths 0002).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'strengths_offer_what_trgm'"
            )
            (definition,) = cursor.fetchone()
        assert "gin_trgm_ops" in definition and "share_with_community" in definition


def test_a_time_in_digits_int_cannot_read_is_a_message_not_an_error():
    from django import forms

    from goodlife.directory.forms import parse_time

    for typed in ["²", "１２:00", "99999999999999999999", "7:²"]:
        with pytest.raises(forms.ValidationError):
            parse_time(typed)
    assert str(parse_time("7:5")) == "07:05:00"
