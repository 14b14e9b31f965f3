"""The language coach in the app: findings for a field, less what the worker kept. Reads
only; remembering a kept wording is in ``services.py``."""

import re
from dataclasses import dataclass

from goodlife import language
from goodlife.coach.models import Dismissal
from goodlife.ui.forms import RECORD_TEXT_LIMIT

# A record this long (in words) also shows its balance of strengths and problems.
BALANCE_FROM_WORDS = 30
# Characters checked: the longest box there is; longer text is refused when saved.
MAX_TEXT = RECORD_TEXT_LIMIT


@dataclass
class Coaching:
    field_id: str
    field_name: str
    scope: str
    findings: list
    balance: language.Balance | None
    checked: bool  # whether there was text to check
    check_button: bool = False  # show "Check the wording" after this box
    # Before the form's first coached box: the button that Enter in a one-line box presses
    # (see CoachedForm.default_submit); None where none is needed.
    enter_presses: tuple[str, str] | None = None

    @property
    def count(self) -> int:
        return len(self.findings)


# The names of the coach's own buttons in a coached form.
CHECK = "coach_check"
KEEP = "coach_keep"
FIELD_NAME = re.compile(r"^[A-Za-z0-9_\-]{1,100}$")


def scope_for(path: str, field_name: str) -> str:
    return f"{path}#{field_name}"[:300]


def kept(user, scope: str) -> set[tuple[str, str]]:
    if user is None or not user.is_authenticated:
        return set()
    return set(Dismissal.objects.filter(user=user, scope=scope).values_list("phrase", "text"))


def coach(text: str, *, user, scope: str, context: str, field_id: str, field_name: str):
    text = (text or "")[:MAX_TEXT]
    dismissed = kept(user, scope) if text else set()
    findings = [
        f
        for f in language.check(text, context=context)
        if (f.phrase, f.text.lower()[:200]) not in dismissed
    ]
    words = len(text.split())
    return Coaching(
        field_id=field_id,
        field_name=field_name,
        scope=scope,
        findings=findings,
        balance=language.balance(text) if words >= BALANCE_FROM_WORDS else None,
        checked=bool(text.strip()),
    )
