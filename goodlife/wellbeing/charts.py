"""WELL12 charts drawn on the server as SVG. Every chart has a data table beside it.

No colour carries meaning alone: lines have point markers and values written on them,
the first response is drawn outlined and the latest solid.
"""

from html import escape

from goodlife.wellbeing import well12

WIDTH = 640


def _svg(height: int, title: str, description: str, body: str, css_class: str) -> str:
    return (
        f'<svg class="app-chart {css_class}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{css_class}-title {css_class}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{css_class}-title">{escape(title)}</title>'
        f'<desc id="{css_class}-desc">{escape(description)}</desc>{body}</svg>'
    )


def totals_chart(points: list[tuple[str, int, bool]]) -> str:
    """A line of WELL12 totals over time. ``points``: (date label, total, complete?)."""
    height, left, right, top, bottom = 300, 48, 24, 20, 56
    plot_w, plot_h = WIDTH - left - right, height - top - bottom

    def y(value):
        return top + plot_h - plot_h * value / well12.MAX_TOTAL

    def x(index):
        if len(points) == 1:
            return left + plot_w / 2
        return left + plot_w * index / (len(points) - 1)

    parts = []
    for tick in range(0, well12.MAX_TOTAL + 1, 12):
        parts.append(
            f'<line class="app-chart__grid" x1="{left}" x2="{WIDTH - right}" '
            f'y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
            f'<text class="app-chart__axis" x="{left - 8}" y="{y(tick) + 5:.1f}" '
            f'text-anchor="end">{tick}</text>'
        )
    line = " ".join(f"{x(i):.1f},{y(total):.1f}" for i, (_, total, _) in enumerate(points))
    if len(points) > 1:
        parts.append(f'<polyline class="app-chart__line" points="{line}"/>')
    for i, (label, total, complete) in enumerate(points):
        marker = "app-chart__point" if complete else "app-chart__point app-chart__point--partial"
        anchor = "middle"
        if len(points) > 1 and i == 0:
            anchor = "start"
        elif len(points) > 1 and i == len(points) - 1:
            anchor = "end"
        parts.append(
            f'<circle class="{marker}" cx="{x(i):.1f}" cy="{y(total):.1f}" r="6"/>'
            f'<text class="app-chart__value" x="{x(i):.1f}" y="{y(total) - 12:.1f}" '
            f'text-anchor="middle">{total}</text>'
            f'<text class="app-chart__axis" x="{x(i):.1f}" y="{height - bottom + 24}" '
            f'text-anchor="{anchor}">{escape(label)}</text>'
        )
    summary = "; ".join(f"{label}: {total} out of 48" for label, total, _ in points)
    return _svg(
        height,
        "WELL12 total over time",
        f"Totals out of 48 in date order. {summary}.",
        "".join(parts),
        "app-chart--totals",
    )


def items_chart(first: tuple, latest: tuple, first_label: str, latest_label: str) -> str:
    """Each statement's answer in the first and latest WELL12, side by side."""
    row, left, right, top = 34, 250, 40, 40
    height = top + row * well12.ITEM_COUNT + 10
    scale = (WIDTH - left - right) / well12.MAX_ANSWER
    parts = [
        f'<rect class="app-chart__bar app-chart__bar--first" x="{left}" y="8" '
        f'width="18" height="10"/>'
        f'<text class="app-chart__axis" x="{left + 24}" y="18">{escape(first_label)}</text>'
        f'<rect class="app-chart__bar app-chart__bar--latest" x="{left + 200}" y="8" '
        f'width="18" height="10"/>'
        f'<text class="app-chart__axis" x="{left + 224}" y="18">{escape(latest_label)}</text>'
    ]
    for i in range(well12.ITEM_COUNT):
        y0 = top + i * row
        parts.append(
            f'<text class="app-chart__label" x="{left - 10}" y="{y0 + 18}" text-anchor="end">'
            f"{escape(well12.SHORT_NAMES[i].capitalize())}</text>"
        )
        for offset, value, css in ((2, first[i], "first"), (16, latest[i], "latest")):
            if value is None:
                parts.append(
                    f'<text class="app-chart__value" x="{left + 4}" y="{y0 + offset + 10}">'
                    "not answered</text>"
                )
                continue
            width = max(value * scale, 2)
            parts.append(
                f'<rect class="app-chart__bar app-chart__bar--{css}" x="{left}" '
                f'y="{y0 + offset}" width="{width:.1f}" height="12"/>'
                f'<text class="app-chart__value" x="{left + width + 6:.1f}" '
                f'y="{y0 + offset + 11}">{value}</text>'
            )
    return _svg(
        height,
        "Each statement, first and latest WELL12",
        f"Answers from 0 (definitely not) to 4 (yes, definitely), {first_label} and "
        f"{latest_label}. The table below gives the same figures.",
        "".join(parts),
        "app-chart--items",
    )
