"""Showing how a finished record was amended: word-level differences, and the original."""

import datetime
import difflib
import re
from html import escape

from goodlife.practice.framework import CONTEXT_AREAS, STEPS_BY_KEY

LABELS = {
    "step": "Step",
    "happened_on": "When you talked",
    "place": "Where",
    "who_was_there": "Who was there",
    "narrative": "What you talked about",
    **dict(CONTEXT_AREAS),
}


def shown(name: str, value) -> str:
    """A stored value as a person reads it."""
    if value in (None, ""):
        return ""
    if name == "step":
        return STEPS_BY_KEY[value].name if value in STEPS_BY_KEY else str(value)
    if name == "happened_on":
        day = datetime.date.fromisoformat(value) if isinstance(value, str) else value
        return f"{day:%-d %B %Y}"
    return str(value)


def word_diff(before: str, after: str) -> str:
    """HTML marking removed words with <del> and added words with <ins>; all text escaped.

    Changes separated only by spaces read as one change ("a club" → "the society").
    """
    old, new = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: list[list] = []  # [changed?, removed text, added text]
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        changed = op != "equal"
        if runs and runs[-1][0] and (changed or not removed.strip()):
            runs[-1][1] += removed
            runs[-1][2] += added
        else:
            runs.append([changed, removed, added])
    parts = []
    for changed, removed, added in runs:
        if not changed:
            parts.append(escape(removed))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return "".join(parts)


def history(record) -> list[dict]:
    """Each amendment with who, when, why and what changed, oldest first."""
    result = []
    for amendment in record.amendments.select_related("amended_by"):
        changes = []
        for name, change in amendment.changes.items():
            before, after = shown(name, change["before"]), shown(name, change["after"])
            changes.append(
                {
                    "label": LABELS.get(name, name),
                    "before": before,
                    "after": after,
                    "diff": word_diff(before, after),
                }
            )
        result.append({"amendment": amendment, "changes": changes})
    return result


def original(record) -> list[tuple[str, str]]:
    """The record as it was when it was finished, before any amendment."""
    if not record.original:
        return []
    return [
        (LABELS.get(name, name), shown(name, value))
        for name, value in record.original.items()
        if value not in (None, "")
    ]
