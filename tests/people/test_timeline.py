import datetime

from django.utils import timezone

from goodlife.people import timeline


def test_the_timeline_needs_access(as_other_practitioner, tom):
    assert "break-glass" in as_other_practitioner.get(f"/people/{tom.pk}/timeline/").url


def test_a_new_source_plugs_in_without_editing_people(tom, monkeypatch):
    """A source registered by another app fills the timeline as its rows are saved."""
    from goodlife.people.models import PersonVersion

    monkeypatch.setattr(timeline, "_sources", dict(timeline._sources))
    monkeypatch.setattr(timeline, "_feeds", dict(timeline._feeds))
    when = timezone.now() + datetime.timedelta(days=1)
    timeline.register(
        timeline.TimelineSource(
            "test",
            "Tests",
            (
                timeline.Feed(
                    PersonVersion, lambda row: [timeline.TimelineEntry(when, "test", "Hi")]
                ),
            ),
        )
    )
    row = PersonVersion.objects.create(person=tom, version=2, data={})
    assert timeline.entries_for(tom)[0].title == "Hi"
    assert "Tests" in [s.label for s in timeline.sources()]
    row.delete()
    assert "Hi" not in [e.title for e in timeline.entries_for(tom)]
    monkeypatch.undo()


def test_the_timeline_can_be_written_again_from_the_records(tom, capsys):
    from django.core.management import call_command

    from goodlife.people.models import TimelineItem

    before = timeline.entries_for(tom)
    TimelineItem.objects.all().delete()
    timeline.fill_if_empty()  # what migrating an older database does
    assert timeline.entries_for(tom) == before
    TimelineItem.objects.filter(person=tom).update(title="Out of date")
    call_command("timeline_rebuild")
    assert timeline.entries_for(tom) == before
    assert "timeline entries written" in capsys.readouterr().out


def test_a_cursor_the_app_did_not_make_is_the_first_page(as_practitioner, tom):
    first = as_practitioner.get(f"/people/{tom.pk}/timeline/").content.decode()
    for cursor in [
        "2026-01-01T00:00:00~1",  # no offset: not one of ours
        "2026-01-01T00:00:00+00:00~99999999999999999999",  # an id no database holds
        "0001-01-01T00:00:00+05:00~1",  # before the year 1 in UTC
        "2026-01-01T00:00:00+00:00~²",
        "\x00~\x00",
    ]:
        response = as_practitioner.get(f"/people/{tom.pk}/timeline/", {"before": cursor})
        assert response.status_code == 200, cursor
        assert response.content.decode().count("<li") == first.count("<li"), cursor
