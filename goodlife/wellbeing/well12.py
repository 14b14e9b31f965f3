"""The WELL12 wellbeing measure: its wording, its scale and its scoring.

Statements, answer labels and item order are seed 000's "The WELL12", word for word.
Each statement is mapped to the Care Act wellbeing domains it speaks to (ITEM_DOMAINS,
explained in docs/wellbeing.md). Plain Python: no Django.
"""

from dataclasses import dataclass

from goodlife.wellbeing.domains import DOMAINS_BY_KEY

INSTRUCTION = (
    "Based on how you feel now, how much do you agree or disagree with the following statements?"
)

STATEMENTS = (
    "I get all the sleep I need",
    "In general I feel physically well",
    "I’m happy with where I live",
    "I can manage my current finances",
    "There is someone I trust I can talk to",
    "I’m happy with my family situation",
    "I’ve a social life and friendships that suit me",
    "I’m aware of my skills, talents and strengths",
    "I’ve a hobby, an interest that I can indulge myself in",
    "I feel confident in dealing with life’s problems",
    "There are things I’m planning to do",
    "I feel hopeful about my future",
)
ITEM_COUNT = len(STATEMENTS)

# A few words for each statement, for sentences like "sleep: from Disagree to Agree".
SHORT_NAMES = (
    "sleep",
    "feeling physically well",
    "where they live",
    "managing money",
    "someone to talk to",
    "family situation",
    "social life and friendships",
    "knowing their strengths",
    "a hobby or interest",
    "confidence with life’s problems",
    "plans",
    "hope for the future",
)

SCALE = (
    (4, "Yes, definitely"),
    (3, "Agree"),
    (2, "Not sure"),
    (1, "Disagree"),
    (0, "Definitely not"),
)
LABELS = dict(SCALE)
MIN_ANSWER, MAX_ANSWER = 0, 4
MAX_TOTAL = ITEM_COUNT * MAX_ANSWER  # 48

RECENT_EVENT_QUESTION = (
    "Has there been a recent event or experience that has changed the way you feel about things?"
)
RECENT_EVENT_CHOICES = (("yes", "yes"), ("no", "no"), ("not_sure", "not sure"))
RECENT_EVENT_DETAIL_QUESTION = "Can you say what that experience / event was?"
NOTES_LABEL = "Notes"

# At most this many statements may be unanswered for a prorated total to mean something.
MAX_UNANSWERED_FOR_PRORATING = 2

ITEM_DOMAINS = {
    1: ("health",),
    2: ("health",),
    3: ("accommodation",),
    4: ("social_economic", "control"),
    5: ("relationships", "protection", "health"),
    6: ("relationships",),
    7: ("social_economic", "relationships"),
    8: ("dignity", "contribution"),
    9: ("participation",),
    10: ("control", "health"),
    11: ("control", "participation"),
    12: ("health", "dignity"),
}


def item_name(number: int) -> str:
    return f"item {number} (“{STATEMENTS[number - 1]}”)"


def label(answer: int | None) -> str:
    return "Not answered" if answer is None else LABELS[answer]


@dataclass(frozen=True)
class Score:
    total: int  # the sum of the answered statements
    answered: int
    prorated_total: float | None  # the total scaled to twelve statements, or None
    reason: str  # why there is no prorated total; empty when there is one

    @property
    def unanswered(self) -> int:
        return ITEM_COUNT - self.answered

    @property
    def prorated_reason(self) -> str:
        return self.reason

    @property
    def is_complete(self) -> bool:
        return self.answered == ITEM_COUNT


def validate(answers) -> tuple[int | None, ...]:
    """Check a sequence of twelve answers in item order; raise ValueError naming the item."""
    try:
        values = tuple(answers)
    except TypeError:
        raise ValueError(f"WELL12 answers must be a sequence of {ITEM_COUNT} values") from None
    if len(values) != ITEM_COUNT:
        raise ValueError(
            f"WELL12 has {ITEM_COUNT} statements: expected {ITEM_COUNT} answers, got {len(values)}"
        )
    for number, value in enumerate(values, start=1):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(
                f"The answer to {item_name(number)} must be a whole number from 0 to 4, "
                f"not {value!r}"
            )
        if not MIN_ANSWER <= value <= MAX_ANSWER:
            raise ValueError(f"The answer to {item_name(number)} must be from 0 to 4, not {value}")
    return values


def score(answers) -> Score:
    """Score twelve answers (0–4, or None when unanswered), in item order."""
    values = validate(answers)
    given = [v for v in values if v is not None]
    total, answered = sum(given), len(given)
    missing = ITEM_COUNT - answered
    if answered == 0:
        return Score(total, answered, None, "No statements were answered")
    if missing > MAX_UNANSWERED_FOR_PRORATING:
        return Score(
            total,
            answered,
            None,
            f"{missing} statements were not answered; a total can be estimated only when "
            f"at most {MAX_UNANSWERED_FOR_PRORATING} are missing",
        )
    return Score(total, answered, round(total * ITEM_COUNT / answered, 1), "")


# Each domain's statements, as positions in the answers (worked out once).
DOMAIN_POSITIONS = {
    key: [n - 1 for n, ds in ITEM_DOMAINS.items() if key in ds] for key in DOMAINS_BY_KEY
}


def domain_scores(answers) -> dict[str, float | None]:
    """The mean answer (0–4) of each domain's answered statements, or None if none."""
    values = validate(answers)
    result = {}
    for key, positions in DOMAIN_POSITIONS.items():
        given = [values[p] for p in positions if values[p] is not None]
        result[key] = round(sum(given) / len(given), 2) if given else None
    return result
