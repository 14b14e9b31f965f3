"""How strengths plug into the rest of Goodlife. Called from ``StrengthsConfig.ready()``."""

from django.urls import reverse

from goodlife.people import demo as people_demo
from goodlife.people import next_steps, panels, timeline
from goodlife.people.timeline import TimelineEntry
from goodlife.strengths.models import Aspiration, NetworkChange, Offer, Strength
from goodlife.strengths.network import RING_NAMES


def _noun(row) -> str:
    return {Strength: "Strength", Aspiration: "Aspiration", Offer: "Can offer"}[type(row)]


def profile_entries(row):
    """A strength, aspiration or offer: when it was added and, if so, retired."""
    profile = reverse("strengths:profile", args=[row.person_id])
    noun = _noun(row)
    yield TimelineEntry(
        row.recorded_at,
        "strengths",
        f"{noun} added",
        f"“{row}”",
        profile,
        row.recorded_by.full_name,
    )
    if row.retired_at:
        yield TimelineEntry(
            row.retired_at,
            "strengths",
            f"{noun} retired",
            f"“{row}”: {row.retired_reason}",
            profile,
            row.retired_by.full_name if row.retired_by else "",
        )


def network_entries(c):
    if c.change == NetworkChange.Change.JOINED:
        title = f"{c.member.name} added to the network map ({RING_NAMES[c.ring_after].lower()})"
    elif c.change == NetworkChange.Change.LEFT:
        title = f"{c.member.name} taken off the network map"
    else:
        title = f"{c.member.name} changed on the network map"
    url = reverse("strengths:network", args=[c.person_id])
    yield TimelineEntry(c.at, "strengths", title, "", url, c.by.full_name)


def strengths_panel(request, person):
    strengths = list(Strength.objects.filter(person=person, retired_at__isnull=True))
    return {
        "person": person,
        "aspirations": list(Aspiration.objects.filter(person=person, retired_at__isnull=True)[:3]),
        "strengths": strengths[:5],
        "strength_count": len(strengths),
        "network_count": person.network.filter(retired_at__isnull=True).count(),
    }


def register_all():
    profile = ("recorded_by", "retired_by")
    timeline.register(
        timeline.TimelineSource(
            "strengths",
            "Strengths, aspirations and network",
            (
                timeline.Feed(Strength, profile_entries, related=profile),
                timeline.Feed(Aspiration, profile_entries, related=profile),
                timeline.Feed(Offer, profile_entries, related=profile),
                timeline.Feed(NetworkChange, network_entries, related=("member", "by")),
            ),
            15,
        )
    )
    panels.register(
        panels.PersonPanel("strengths", "strengths/_strengths_panel.html", strengths_panel, 5)
    )
    from goodlife.strengths import demo

    people_demo.register_step("strengths", demo.tell_story)
    next_steps.register(
        next_steps.NextStep(
            "strengths",
            "Strengths and aspirations",
            "strengths:profile",
            20,
            "What the person is good at, cares about and wants, and who is in their life",
        )
    )
