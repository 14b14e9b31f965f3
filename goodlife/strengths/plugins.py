"""How strengths plug into the rest of Goodlife. Called from ``StrengthsConfig.ready()``."""

from django.urls import reverse

from goodlife.people import demo as people_demo
from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry
from goodlife.strengths.models import Aspiration, NetworkChange, Offer, Strength
from goodlife.strengths.network import RING_NAMES


def _recent(queryset, field, before, limit):
    if before is not None:
        queryset = queryset.filter(**{f"{field}__lt": before})
    return queryset.order_by(f"-{field}")[:limit]


def strengths_entries(person, before, limit):
    profile = reverse("strengths:profile", args=[person.pk])
    entries = []
    for model, noun in ((Strength, "Strength"), (Aspiration, "Aspiration"), (Offer, "Can offer")):
        rows = model.objects.filter(person=person).select_related("recorded_by", "retired_by")
        for row in _recent(rows, "recorded_at", before, limit):
            entries.append(
                TimelineEntry(
                    row.recorded_at,
                    "strengths",
                    f"{noun} added",
                    f"“{row}”",
                    profile,
                    row.recorded_by.full_name,
                )
            )
        for row in _recent(rows.filter(retired_at__isnull=False), "retired_at", before, limit):
            entries.append(
                TimelineEntry(
                    row.retired_at,
                    "strengths",
                    f"{noun} retired",
                    f"“{row}”: {row.retired_reason}",
                    profile,
                    row.retired_by.full_name if row.retired_by else "",
                )
            )
    network_url = reverse("strengths:network", args=[person.pk])
    changes = NetworkChange.objects.filter(person=person).select_related("member", "by")
    for c in _recent(changes, "at", before, limit):
        if c.change == NetworkChange.Change.JOINED:
            title = f"{c.member.name} added to the network map ({RING_NAMES[c.ring_after].lower()})"
        elif c.change == NetworkChange.Change.LEFT:
            title = f"{c.member.name} taken off the network map"
        else:
            title = f"{c.member.name} changed on the network map"
        entries.append(TimelineEntry(c.at, "strengths", title, "", network_url, c.by.full_name))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def strengths_panel(request, person):
    return {
        "person": person,
        "aspirations": Aspiration.objects.filter(person=person, retired_at__isnull=True)[:3],
        "strengths": Strength.objects.filter(person=person, retired_at__isnull=True)[:5],
        "strength_count": Strength.objects.filter(person=person, retired_at__isnull=True).count(),
        "network_count": person.network.filter(retired_at__isnull=True).count(),
    }


def register_all():
    timeline.register(
        timeline.TimelineSource(
            "strengths", "Strengths, aspirations and network", strengths_entries, 15
        )
    )
    panels.register(
        panels.PersonPanel("strengths", "strengths/_strengths_panel.html", strengths_panel, 5)
    )
    from goodlife.strengths import demo

    people_demo.register_step("strengths", demo.tell_story)
