"""The people app's own contribution to the timeline: changes to a person's details."""

from goodlife.people.models import PersonVersion
from goodlife.people.timeline import TimelineEntry, TimelineSource


def _details_entries(person, before, limit):
    versions = PersonVersion.objects.filter(person=person).select_related("saved_by")
    if before is not None:
        versions = versions.filter(saved_at__lt=before)
    rows = list(versions.order_by("-version")[: limit + 1])
    entries = []
    for index, row in enumerate(rows[:limit]):
        previous = rows[index + 1] if index + 1 < len(rows) else None
        if row.version == 1:
            title, summary = "Record created", ""
        else:
            if previous is None or previous.version != row.version - 1:
                previous = PersonVersion.objects.filter(
                    person=person, version=row.version - 1
                ).first()
            changed = (
                [k for k in row.data if previous.data.get(k) != row.data.get(k)] if previous else []
            )
            title = "Details updated"
            summary = ", ".join(k.replace("_", " ") for k in changed).capitalize()
        entries.append(
            TimelineEntry(
                when=row.saved_at,
                kind="details",
                title=title,
                summary=summary,
                actor=row.saved_by.full_name if row.saved_by else "",
            )
        )
    return entries


def details_source() -> TimelineSource:
    return TimelineSource("details", "Changes to details", _details_entries, order=90)
