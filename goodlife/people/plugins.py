"""The people app's own contribution to the timeline: changes to a person's details."""

from goodlife.people.models import PersonVersion
from goodlife.people.timeline import Feed, TimelineEntry, TimelineSource


def details_entries(row):
    if row.version == 1:
        title, summary = "Record created", ""
    else:
        previous = PersonVersion.objects.filter(person_id=row.person_id, version=row.version - 1)
        previous = previous.first()
        changed = (
            [k for k in row.data if previous.data.get(k) != row.data.get(k)] if previous else []
        )
        title = "Details updated"
        summary = ", ".join(k.replace("_", " ") for k in changed).capitalize()
    yield TimelineEntry(
        when=row.saved_at,
        kind="details",
        title=title,
        summary=summary,
        actor=row.saved_by.full_name if row.saved_by else "",
    )


def details_source() -> TimelineSource:
    return TimelineSource(
        "details",
        "Changes to details",
        (Feed(PersonVersion, details_entries, related=("saved_by",)),),
        order=90,
    )
