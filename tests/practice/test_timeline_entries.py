"""Conversations on the person's timeline, through the shared mechanism."""

import datetime

from django.utils import timezone

from goodlife.people import timeline
from goodlife.practice import services


def test_the_timeline_gathers_every_kind_newest_first(as_practitioner, practitioner, tom, episode):
    record = services.start_record(
        episode, by=practitioner, finish=True, values={"step": "gather", "narrative": "About Mars"}
    )
    services.amend_record(
        record, by=practitioner, reason="Typo", values={"narrative": "About Mars!"}
    )
    entries = timeline.entries_for(tom)
    kinds = [e.kind for e in entries]
    assert {"contact", "conversation", "amendment", "details"} <= set(kinds)
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)

    page = as_practitioner.get(f"/people/{tom.pk}/timeline/").content.decode()
    assert "Record amended" in page and "Contact: the person got in touch themselves" in page
    assert "Conversation 1: initial contact – gather information" in page


def test_the_timeline_filters_by_kind(as_practitioner, practitioner, tom, episode):
    services.start_record(episode, by=practitioner, finish=True, values={"narrative": "Hello"})
    page = as_practitioner.get(f"/people/{tom.pk}/timeline/?kind=conversation").content.decode()
    assert "Conversation 1" in page
    assert "Contact: " not in page
    assert 'value="conversation" checked' in page


def test_the_timeline_pages_by_time(as_practitioner, practitioner, tom, episode):
    for n in range(35):
        record = services.start_record(
            episode, by=practitioner, finish=True, values={"narrative": f"Note {n}"}
        )
        record.__class__.objects.filter(pk=record.pk).update(
            finalised_at=timezone.now() - datetime.timedelta(minutes=n)
        )
        timeline.refresh(record)
    first = as_practitioner.get(f"/people/{tom.pk}/timeline/?kind=conversation")
    page = first.content.decode()
    assert "Note 0" in page and "Note 34" not in page
    older = first.context["older"]
    second = as_practitioner.get(f"/people/{tom.pk}/timeline/{older}").content.decode()
    assert "Note 34" in second and "Note 0<" not in second


def test_drafts_are_marked_on_the_timeline(practitioner, tom, episode):
    services.start_record(episode, by=practitioner, values={"narrative": "Unfinished"})
    entry = next(e for e in timeline.entries_for(tom) if e.kind == "conversation")
    assert entry.tags == ("Draft, not finished",)


def test_entries_at_the_same_moment_are_neither_lost_nor_repeated_across_pages(
    as_practitioner, practitioner, tom, episode
):
    moment = timezone.now() - datetime.timedelta(days=1)
    for n in range(45):
        record = services.start_record(
            episode, by=practitioner, finish=True, values={"narrative": f"Same time {n}"}
        )
        record.__class__.objects.filter(pk=record.pk).update(finalised_at=moment)
        timeline.refresh(record)
    first = timeline.page(tom, kinds=["conversation"], limit=30)
    second = timeline.page(tom, kinds=["conversation"], before=first.older, limit=30)
    summaries = [e.summary for e in first.entries + second.entries]
    assert sorted(summaries) == sorted(f"Same time {n}" for n in range(45))
    assert second.older is None


def test_a_mangled_page_address_shows_the_newest_entries(
    as_practitioner, practitioner, tom, episode
):
    services.start_record(episode, by=practitioner, finish=True, values={"narrative": "Newest"})
    for before in ("yesterday", "2026-01-01~x", "~"):
        response = as_practitioner.get(f"/people/{tom.pk}/timeline/", {"before": before})
        assert response.status_code == 200
        assert "Newest" in response.content.decode()
