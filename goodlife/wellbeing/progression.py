"""How WELL12 answers changed between two responses, in plain words. Plain Python."""

from collections import Counter
from dataclasses import dataclass

from goodlife.wellbeing import well12
from goodlife.wellbeing.domains import DOMAINS


def direction_of(delta) -> str:
    """A higher answer is better; no answer on either side: unknown."""
    if delta is None:
        return "unknown"
    return "better" if delta > 0 else "worse" if delta < 0 else "same"


@dataclass(frozen=True)
class ItemChange:
    number: int
    before: int | None
    after: int | None

    @property
    def name(self) -> str:
        return well12.SHORT_NAMES[self.number - 1]

    @property
    def statement(self) -> str:
        return well12.STATEMENTS[self.number - 1]

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def direction(self) -> str:
        return direction_of(self.delta)

    @property
    def words(self) -> str:
        """For example: "sleep: from Disagree to Agree"."""
        before, after = well12.label(self.before), well12.label(self.after)
        if before == after:
            return f"{self.name}: still {after}"
        return f"{self.name}: from {before} to {after}"


def compare(before, after) -> list[ItemChange]:
    before, after = well12.validate(before), well12.validate(after)
    return [ItemChange(n, b, a) for n, (b, a) in enumerate(zip(before, after, strict=True), 1)]


def in_words(changes: list[ItemChange]) -> dict[str, list[ItemChange]]:
    """The changes grouped as a person would tell them: better, worse, the same."""
    grouped = {"better": [], "worse": [], "same": [], "unknown": []}
    for change in changes:
        grouped[change.direction].append(change)
    grouped["better"].sort(key=lambda c: -c.delta)
    grouped["worse"].sort(key=lambda c: c.delta)
    return grouped


@dataclass(frozen=True)
class DomainChange:
    key: str
    name: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)

    @property
    def direction(self) -> str:
        return direction_of(self.delta)


def domain_changes(before, after) -> list[DomainChange]:
    first, latest = well12.domain_scores(before), well12.domain_scores(after)
    return [DomainChange(d.key, d.short, first[d.key], latest[d.key]) for d in DOMAINS]


# Bands for how a person's total changed between their first and latest WELL12.
TOTAL_BANDS = (
    ("down 5 or more", lambda d: d <= -5),
    ("down 1 to 4", lambda d: -5 < d < 0),
    ("no change", lambda d: d == 0),
    ("up 1 to 4", lambda d: 0 < d < 5),
    ("up 5 or more", lambda d: d >= 5),
)


@dataclass
class Distribution:
    people: int
    total_bands: list[tuple[str, int]]
    items: list[tuple[str, Counter]]
    domains: list[tuple[str, Counter]]


def distribution(pairs) -> Distribution:
    """For (first answers, latest answers) of each person: how many got better, stayed
    the same or got worse, in total, per statement and per domain."""
    bands = Counter()
    items = [Counter() for _ in range(well12.ITEM_COUNT)]
    domains = {d.key: Counter() for d in DOMAINS}
    count = 0
    # A team's thousands of pairs: each response is checked and scored once, and the
    # changes counted without building an ItemChange or DomainChange for each.
    for first, latest in pairs:
        count += 1
        first, latest = well12.validate(first), well12.validate(latest)
        before, after = well12.score(first), well12.score(latest)
        if after.answered == before.answered:
            delta = after.total - before.total
            bands[next(name for name, test in TOTAL_BANDS if test(delta))] += 1
        else:
            bands["not comparable (different statements answered)"] += 1
        for counter, b, a in zip(items, first, latest, strict=True):
            counter[direction_of(None if b is None or a is None else a - b)] += 1
        first_domains, latest_domains = well12.domain_scores(first), well12.domain_scores(latest)
        for key, counter in domains.items():
            b, a = first_domains[key], latest_domains[key]
            counter[direction_of(None if b is None or a is None else round(a - b, 2))] += 1
    band_rows = [(name, bands[name]) for name, _ in TOTAL_BANDS]
    if bands["not comparable (different statements answered)"]:
        band_rows.append(
            (
                "not comparable (different statements answered)",
                bands["not comparable (different statements answered)"],
            )
        )
    return Distribution(
        people=count,
        total_bands=band_rows,
        items=[(well12.SHORT_NAMES[i], items[i]) for i in range(well12.ITEM_COUNT)],
        domains=[(d.short, domains[d.key]) for d in DOMAINS],
    )
