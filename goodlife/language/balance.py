"""How much of a record describes strengths, resources and hopes, against problems.

A simple count, explained in words, and not a grade: it helps a worker notice when a
record has drifted into describing only what is wrong. Plain Python: no Django.
"""

from dataclasses import dataclass

from goodlife.language.checker import Matcher, compile_keys, default_matcher
from goodlife.language.lexicon import key_of


@dataclass(frozen=True)
class Balance:
    strengths: int  # mentions of strengths, resources, relationships and hopes
    problems: int  # mentions of problems and deficits, including flagged phrases

    @property
    def total(self) -> int:
        return self.strengths + self.problems

    @property
    def strengths_share(self) -> float | None:
        """The share of mentions about strengths, from 0 to 1; None when there are none."""
        return self.strengths / self.total if self.total else None

    def explained(self) -> str:
        if not self.total:
            return "This record does not yet describe strengths or problems in words we count."
        percent = round(100 * self.strengths / self.total)
        return (
            f"{self.strengths} mention{'s' if self.strengths != 1 else ''} of strengths, "
            f"resources and hopes, and {self.problems} of problems: {percent}% of what we "
            "counted is about what is strong in the person's life. It is a count of words, "
            "not a score: use it to notice the balance, not to grade the record."
        )

    def as_dict(self) -> dict:
        share = self.strengths_share
        return {
            "strengths": self.strengths,
            "problems": self.problems,
            "strengths_percent": None if share is None else round(100 * share),
        }


class BalanceMatcher:
    def __init__(self, matcher: Matcher):
        lexicon = matcher.lexicon
        self.kind: dict[str, str | None] = {}
        for entry in lexicon.entries.values():
            for wording in entry.wordings():
                self.kind[wording] = "problem"
        for word in lexicon.problems:
            self.kind.setdefault(word, "problem")
        for word in lexicon.strengths:
            self.kind.setdefault(word, "strength")
        for spared in lexicon.spared:
            self.kind[spared] = None
        self.pattern = compile_keys(self.kind)


def balance(text: str, matcher: Matcher | None = None) -> Balance:
    matcher = matcher or default_matcher()
    counter = getattr(matcher, "balance_matcher", None)
    if counter is None:  # compiled once per lexicon, and kept with it
        counter = matcher.balance_matcher = BalanceMatcher(matcher)
    strengths = problems = 0
    for match in counter.pattern.finditer(text):
        kind = counter.kind.get(key_of(match.group()))
        if kind == "strength":
            strengths += 1
        elif kind == "problem":
            problems += 1
    return Balance(strengths=strengths, problems=problems)
