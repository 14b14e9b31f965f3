import datetime

from django.utils import timezone

from goodlife.people import timeline


def test_the_timeline_needs_access(as_other_practitioner, tom):
    assert "break-glass" in as_other_practitioner.get(f"/people/{tom.pk}/timeline/").url


def test_a_new_source_plugs_in_without_editing_people(tom, monkeypatch):
    monkeypatch.setattr(timeline, "_sources", dict(timeline._sources))
    when = timezone.now() + datetime.timedelta(days=1)
    timeline.register(
        timeline.TimelineSource(
            "test",
            "Tests",
            lambda person, before, limit: [timeline.TimelineEntry(when, "test", "Hi")],
        )
    )
    assert timeline.entries_for(tom)[0].title == "Hi"
