"""A gentle check of outcome wording: specific, measurable, positive, with a date.

Seed 000: "Goals should be specific and measurable. Set in a positive tone. Initial goals
should have a high probability of success." The check suggests; the worker decides.
Plain Python: no Django.
"""

import datetime
import re
from dataclasses import dataclass

VAGUE = {
    "improve": "improve",
    "improved": "improve",
    "better": "better",
    "more": "more",
    "support": "support",
    "supported": "support",
    "help": "help",
    "helped": "help",
    "engage": "engage",
    "maintain": "maintain",
    "manage": "manage",
    "some": "some",
    "try": "try",
    "explore": "explore",
    "address": "address",
    "wellbeing": "wellbeing",
    "independence": "independence",
    "independent": "independent",
}
NEGATIVE = (
    "not",
    "no longer",
    "stop",
    "stops",
    "reduce",
    "reduced",
    "avoid",
    "less",
    "prevent",
    "won't",
    "never",
    "don't",
    "doesn't",
    "fewer",
)
MAX_WORDS = 35


@dataclass(frozen=True)
class Finding:
    kind: str  # "vague", "negative", "measure", "date", "length"
    message: str


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def check(
    text: str, *, how_we_will_know: str = "", by_when=None, today=None, name: str = "the person"
) -> list[Finding]:
    """What could make this outcome sharper, in plain words; empty when it reads well."""
    findings = []
    words = _words(text)
    vague = sorted({VAGUE[w] for w in words if w in VAGUE})
    if vague:
        quoted = ", ".join(f"“{w}”" for w in vague)
        findings.append(
            Finding(
                "vague",
                f"{quoted} can mean different things to different people. Say what {name} will "
                f"be doing, for example “{name} goes to the astronomy society twice a month”.",
            )
        )
    lowered = " ".join(words)
    negative = [n for n in NEGATIVE if re.search(rf"\b{re.escape(n)}\b", lowered)]
    if negative:
        findings.append(
            Finding(
                "negative",
                f"Say what will happen rather than what won't (“{negative[0]}”): for example "
                f"“{name} walks to church on Sundays” rather than “{name} will not fall”.",
            )
        )
    if not how_we_will_know.strip():
        findings.append(Finding("measure", "How will you both know it has happened?"))
    today = today or datetime.date.today()  # noqa: DTZ011 - a calendar date
    if by_when is None:
        findings.append(Finding("date", "By when? A date helps you both see progress."))
    elif by_when < today:
        findings.append(Finding("date", "The date has already passed."))
    if len(words) > MAX_WORDS:
        findings.append(
            Finding("length", "Shorter outcomes are easier to check: try one sentence.")
        )
    return findings
