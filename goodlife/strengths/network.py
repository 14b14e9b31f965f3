"""How a person's network has changed: who joined, who moved closer, who left."""

from dataclasses import dataclass

from goodlife.strengths.models import NetworkChange, Ring

RING_NAMES = dict(Ring.choices)


@dataclass(frozen=True)
class Event:
    at: object
    text: str


def history(person) -> dict:
    changes = list(
        NetworkChange.objects.filter(person=person).select_related("member").order_by("at", "id")
    )
    events = []
    for c in changes:
        name = c.member.name
        if c.change == NetworkChange.Change.JOINED:
            events.append(
                Event(c.at, f"{name} joined the map ({RING_NAMES[c.ring_after].lower()})")
            )
        elif c.change == NetworkChange.Change.LEFT:
            events.append(Event(c.at, f"{name} left the map"))
        elif c.ring_before != c.ring_after:
            closer = c.ring_after < c.ring_before
            events.append(
                Event(
                    c.at,
                    f"{name} moved {'closer' if closer else 'further out'}: "
                    f"from {RING_NAMES[c.ring_before].lower()} to "
                    f"{RING_NAMES[c.ring_after].lower()}",
                )
            )
    first = changes[0].at if changes else None
    return {
        "events": list(reversed(events)),
        "since": first,
        "joined": sum(1 for c in changes if c.change == NetworkChange.Change.JOINED),
        "left": sum(1 for c in changes if c.change == NetworkChange.Change.LEFT),
        "moved_closer": sum(
            1 for c in changes if c.ring_before and c.ring_after and c.ring_after < c.ring_before
        ),
    }
