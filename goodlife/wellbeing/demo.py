"""WELL12s in the demo story: Tom's before and after the astronomy society, Nancy's rise
across her journey, Derek's after the walking group, Mohammed's first. They come before the
planning story, whose plans keep the WELL12 as it stood when they were agreed and reviewed."""

import datetime

from django.utils import timezone

from goodlife.wellbeing import services
from goodlife.wellbeing.models import Well12Response

STORIES = {
    "tom": [
        # In conversation, before his plan was agreed (planning/demo.py: 91 days ago).
        (100, "together", [2, 3, 3, 2, 3, 3, 1, 3, 3, 2, 1, 2], "no", ""),
        # Before the review (28 days ago), after two months at the society.
        (
            30,
            "together",
            [3, 3, 3, 2, 4, 3, 3, 4, 4, 3, 4, 3],
            "yes",
            "I joined the astronomy society. I go on the bus on my own now.",
        ),
    ],
    "nancy": [
        (
            148,
            "read_aloud",
            [1, 1, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1],
            "yes",
            "I fell and broke my wrist. I felt I'd lost my independence.",
        ),
        (90, "together", [2, 3, 3, 3, 4, 3, 3, 3, 3, 2, 2, 3], "no", ""),
        (30, "self_paper", [3, 3, 4, 3, 4, 3, 3, 4, 4, 3, 4, 4], "no", ""),
    ],
    "derek": [
        (
            89,
            "together",
            [2, 3, 3, 3, 1, 2, 0, 2, 1, 2, 1, 1],
            "yes",
            "I retired and lost my routine.",
        ),
        (76, "together", [3, 3, 3, 3, 3, 2, 3, 3, 4, 3, 3, 3], "no", ""),
    ],
    "mohammed": [
        (
            9,
            "together",
            [1, 2, 3, 3, 3, 2, 1, 2, 4, None, 1, 1],
            "yes",
            "My wife Salma died in September.",
        ),
    ],
}


def tell_story(borough) -> str | None:
    added = 0
    for key, responses in STORIES.items():
        person = borough.people[key]
        if Well12Response.objects.filter(person=person).exists():
            continue
        worker = person.allocated_worker or borough.staff["practitioner@example.org"]
        for days_ago, how, answers, event, detail in responses:
            day = timezone.localdate() - datetime.timedelta(days=days_ago)
            response = services.record_well12(
                person,
                by=worker,
                completed_on=day,
                completed_by=person.display_name,
                how=how,
                recent_event=event,
                recent_event_detail=detail,
                notes="",
                **{f"item_{n}": a for n, a in enumerate(answers, 1)},
            )
            Well12Response.objects.filter(pk=response.pk).update(
                recorded_at=timezone.now() - datetime.timedelta(days=days_ago)
            )
            added += 1
    return f"WELL12s added: {added}." if added else None
