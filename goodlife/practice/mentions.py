"""What finished conversation records say, for the network map's "People mentioned in
Tom's record" (registered with ``people.mentions`` in ``plugins.register_all()``)."""

from django.urls import reverse
from django.utils import timezone

from goodlife.practice.models import ConversationRecord, RecordStatus

# The newest records are read; a name that matters will be in one of them, or on the map.
RECORDS_READ = 50


def record_passages(person):
    """A finished record's story, who was there and what it says about relationships,
    newest first. Drafts are left out until they are finished."""
    records = (
        ConversationRecord.objects.filter(person=person, status=RecordStatus.FINAL)
        .only(
            "id",
            "person_id",
            "happened_on",
            "finalised_at",
            "narrative",
            "who_was_there",
            "social_relationships",
        )
        .order_by("-happened_on", "-finalised_at")[:RECORDS_READ]
    )
    for record in records:
        day = record.happened_on or (
            record.finalised_at and timezone.localdate(record.finalised_at)
        )
        where = f"Conversation record, {day:%-d %B %Y}" if day else "Conversation record"
        url = reverse("practice:record", args=[record.person_id, record.pk])
        yield record.narrative, where, url
        yield record.social_relationships, f"{where} (relationships)", url
        yield record.who_was_there, f"{where} (who was there)", url
