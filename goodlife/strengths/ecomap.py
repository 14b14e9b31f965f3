"""The network map (ecomap): people and groups in rings of closeness around the person.

Plain Python. ``layout`` places each member's label inside its ring so that no two labels
overlap (tested up to 30 members, all in one ring); ``svg`` draws the map. Closeness is
shown by position and named rings, kind by line style and a word in the label, so colour
never carries meaning alone.
"""

import math
from dataclasses import dataclass
from html import escape

PERSON_RADIUS = 60
RING_NAMES = {1: "Closest", 2: "Close", 3: "Further out"}
MIN_BAND = 95  # the narrowest a ring is drawn
PACKING = 2.6  # ring area per unit of label area: room to keep labels clear
LABEL_HEIGHT = 36
CHAR_WIDTH = 9.4  # at 18px Arial, a generous average
MAX_CHARS = 24
PADDING = 6  # space kept clear around each label


@dataclass(frozen=True)
class Geometry:
    """Ring bands sized to what they hold: a full ring is drawn wider."""

    rings: dict  # ring -> (inner radius, outer radius, name)

    @property
    def size(self) -> float:
        return 2 * (self.rings[3][1] + 16)

    @property
    def centre(self) -> float:
        return self.size / 2


def geometry(labels_by_ring: dict[int, list[float]], packing: float = PACKING) -> Geometry:
    rings, inner = {}, PERSON_RADIUS + 12
    for ring in (1, 2, 3):
        widths = labels_by_ring.get(ring, [])
        needed = sum((w + PADDING * 2) * (LABEL_HEIGHT + PADDING * 2) for w in widths)
        outer = max(inner + MIN_BAND, math.sqrt(inner**2 + packing * needed / math.pi))
        rings[ring] = (inner, outer, RING_NAMES[ring])
        inner = outer
    return Geometry(rings)


@dataclass(frozen=True)
class Placed:
    key: str
    text: str
    ring: int
    x: float  # centre of the label
    y: float
    width: float
    height: float = LABEL_HEIGHT

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (
            self.x - self.width / 2,
            self.y - self.height / 2,
            self.x + self.width / 2,
            self.y + self.height / 2,
        )


def label_text(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_CHARS else name[: MAX_CHARS - 1].rstrip() + "…"


def _overlaps(a, b) -> bool:
    return not (
        a[2] + PADDING <= b[0]
        or b[2] + PADDING <= a[0]
        or a[3] + PADDING <= b[1]
        or b[3] + PADDING <= a[1]
    )


def _fits_ring(dx: float, dy: float, half_width: float, inner: float, outer: float) -> bool:
    """A label centred at (dx, dy) from the map's centre lies within the ring's band: its
    farthest corner inside the outer edge, its nearest point (a corner or an edge) outside
    the inner one, each with 4 units to spare. Squared distances: this runs for every
    spot tried."""
    ax, ay = abs(dx), abs(dy)
    half_height = LABEL_HEIGHT / 2
    if (ax + half_width) ** 2 + (ay + half_height) ** 2 > (outer - 4) ** 2:
        return False
    near_x, near_y = max(ax - half_width, 0), max(ay - half_height, 0)
    return near_x**2 + near_y**2 >= (inner + 4) ** 2


def _width(text: str) -> float:
    return len(text) * CHAR_WIDTH + 20


def layout(members: list[tuple[str, str, int]]) -> tuple[list[Placed], Geometry]:
    """Place (key, name, ring) labels: spread evenly round each ring, nudged until clear."""
    by_ring: dict[int, list[tuple[str, str]]] = {}
    for key, name, ring in members:
        by_ring.setdefault(ring, []).append((key, label_text(name)))
    widths = {r: [_width(t) for _, t in items] for r, items in by_ring.items()}
    packing = PACKING
    while True:
        shape = geometry(widths, packing)
        placed: list[Placed] = []
        for ring, items in sorted(by_ring.items()):
            for index, (key, text) in enumerate(items):
                ideal = -math.pi / 2 + 2 * math.pi * index / len(items) + ring * 0.35
                spot = _find_spot(ideal, _width(text), shape.rings[ring], shape.centre, placed)
                if spot is None:
                    break
                placed.append(Placed(key, text, ring, spot[0], spot[1], _width(text)))
            else:
                continue
            break
        else:
            return placed, shape
        # Some label found no clear spot: draw the rings roomier and start again.
        packing *= 1.25


def _find_spot(ideal, width, band, centre, placed):
    """The clear spot nearest the ideal angle, trying one degree either way at a time and
    radii from the middle of the band outwards."""
    inner, outer, _ = band
    middle = (inner + outer) / 2
    radii = sorted(range(int(inner) + 16, int(outer) - 8, 8), key=lambda r: abs(r - middle))
    half_width, half_height = width / 2, LABEL_HEIGHT / 2
    for step in range(0, 360):
        for sign in (1, -1) if step else (1,):
            angle = ideal + sign * math.radians(step)
            cos, sin = math.cos(angle), math.sin(angle)
            for radius in radii:
                dx, dy = radius * cos, radius * sin
                if not _fits_ring(dx, dy, half_width, inner, outer):
                    continue
                x, y = centre + dx, centre + dy
                box = (x - half_width, y - half_height, x + half_width, y + half_height)
                if not any(_overlaps(box, p.box) for p in placed):
                    return x, y
    return None


DASHED_KINDS = {"service", "professional"}


def svg(person_name: str, members: list[dict], title: str) -> str:
    """Draw the map. ``members``: dicts with key, name, ring, kind, kind_label, frequency."""
    placed, shape = layout([(m["key"], m["name"], m["ring"]) for m in members])
    placements = {p.key: p for p in placed}
    centre, size = shape.centre, shape.size
    parts = []
    for ring in sorted(shape.rings, reverse=True):
        _, outer, name = shape.rings[ring]
        parts.append(
            f'<circle class="app-ecomap__ring app-ecomap__ring--{ring}" cx="{centre:.1f}" '
            f'cy="{centre:.1f}" r="{outer:.1f}"/>'
            f'<text class="app-ecomap__ring-name" x="{centre:.1f}" y="{centre - outer + 18:.1f}" '
            f'text-anchor="middle">{name}</text>'
        )
    for m in members:
        p = placements[m["key"]]
        style = "dashed" if m["kind"] in DASHED_KINDS else "solid"
        weight = {"daily": 4, "weekly": 3, "monthly": 2}.get(m.get("frequency"), 1)
        parts.append(
            f'<line class="app-ecomap__tie app-ecomap__tie--{style} app-ecomap__tie--w{weight}" '
            f'x1="{centre:.1f}" y1="{centre:.1f}" x2="{p.x:.1f}" y2="{p.y:.1f}"/>'
        )
    for ring in sorted(shape.rings):
        ring_members = [m for m in members if m["ring"] == ring]
        if not ring_members:
            continue
        parts.append(f'<g class="app-ecomap__group" data-ring="{ring}">')
        for m in ring_members:
            p = placements[m["key"]]
            x0, y0, _, _ = p.box
            parts.append(
                f'<g class="app-ecomap__member app-ecomap__member--{escape(m["kind"])}" '
                f'data-ring="{ring}" data-name="{escape(m["name"])}">'
                f"<title>{escape(m['name'])}, {escape(m['kind_label'].lower())}, "
                f"{RING_NAMES[ring].lower()}</title>"
                f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{p.width:.1f}" height="{p.height}" '
                f'rx="18"/>'
                f'<text x="{p.x:.1f}" y="{p.y + 6:.1f}" text-anchor="middle">'
                f"{escape(p.text)}</text>"
                "</g>"
            )
        parts.append("</g>")
    parts.append(
        f'<circle class="app-ecomap__person" cx="{centre:.1f}" cy="{centre:.1f}" '
        f'r="{PERSON_RADIUS}"/>'
        f'<text class="app-ecomap__person-name" x="{centre:.1f}" y="{centre + 6:.1f}" '
        f'text-anchor="middle">{escape(label_text(person_name))}</text>'
    )
    counts = {ring: sum(1 for m in members if m["ring"] == ring) for ring in RING_NAMES}
    description = (
        f"{person_name} at the centre. "
        + "; ".join(f"{RING_NAMES[r]}: {counts[r]}" for r in RING_NAMES)
        + ". The list below gives every entry."
    )
    return (
        f'<svg class="app-ecomap" viewBox="0 0 {size:.0f} {size:.0f}" role="img" '
        f'aria-labelledby="ecomap-title ecomap-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="ecomap-title">{escape(title)}</title>'
        f'<desc id="ecomap-desc">{escape(description)}</desc>{"".join(parts)}</svg>'
    )
