"""Timeline and person-page registrations for planning."""

from django.urls import reverse

from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry


def planning_entries(person, before, limit):
    from goodlife.planning.models import Idea, Outcome, Task

    url = reverse("planning:plan", args=[person.pk])
    rows = [
        (Idea.objects.filter(person=person), "recorded_at", "Idea", lambda i: i.text),
        (Outcome.objects.filter(person=person), "recorded_at", "Outcome", lambda o: o.text),
        (Task.objects.filter(outcome__person=person), "recorded_at", "Step", lambda t: t.what),
    ]
    entries = []
    for queryset, field, noun, text in rows:
        if before is not None:
            queryset = queryset.filter(**{f"{field}__lt": before})
        for row in queryset.select_related("recorded_by").order_by(f"-{field}")[:limit]:
            entries.append(
                TimelineEntry(
                    getattr(row, field),
                    "planning",
                    f"{noun} added",
                    text(row),
                    url,
                    row.recorded_by.full_name,
                )
            )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def planning_panel(request, person):
    return {"person": person}


def register():
    timeline.register(
        timeline.TimelineSource("planning", "Ideas, outcomes and steps", planning_entries, 18)
    )
    panels.register(
        panels.PersonPanel("planning", "planning/_planning_panel.html", planning_panel, 7)
    )
