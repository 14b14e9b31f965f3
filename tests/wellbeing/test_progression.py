"""How a team's WELL12s changed: counted from each person's first and latest answers."""

import random
from collections import Counter

from goodlife.wellbeing import progression, well12
from goodlife.wellbeing.domains import DOMAINS

SAME = (2,) * 12


def counts(rows):
    return {name: dict(counter) for name, counter in rows}


def test_two_people_counted_by_total_statement_and_area_of_life():
    better_sleep = (4,) + (2,) * 11  # statement 1 (health only) up by 2
    harder_home = (2, 2, 0) + (2,) * 9  # statement 3 (accommodation only) down by 2
    result = progression.distribution([(SAME, better_sleep), (SAME, harder_home)])

    assert result.people == 2
    assert dict(result.total_bands) == {
        "down 5 or more": 0,
        "down 1 to 4": 1,
        "no change": 0,
        "up 1 to 4": 1,
        "up 5 or more": 0,
    }
    items = counts(result.items)
    names = well12.SHORT_NAMES
    assert items[names[0]] == {"better": 1, "same": 1}
    assert items[names[2]] == {"worse": 1, "same": 1}
    assert items[names[5]] == {"same": 2}
    domains = counts(result.domains)
    short = {d.key: d.short for d in DOMAINS}
    assert domains[short["health"]] == {"better": 1, "same": 1}
    assert domains[short["accommodation"]] == {"worse": 1, "same": 1}
    assert domains[short["relationships"]] == {"same": 2}


def test_unanswered_statements_are_unknown_and_totals_not_compared():
    first = (None,) + (2,) * 11
    result = progression.distribution([(first, SAME)])
    assert dict(result.total_bands)["not comparable (different statements answered)"] == 1
    assert counts(result.items)[well12.SHORT_NAMES[0]] == {"unknown": 1}


def reference(pairs):
    """The same counts made the long way, from each person's own comparison (what a
    person's WELL12 page shows)."""
    bands, items, domains = Counter(), [Counter() for _ in range(12)], Counter()
    for first, latest in pairs:
        before, after = well12.score(first), well12.score(latest)
        if before.answered != after.answered:
            bands["not comparable (different statements answered)"] += 1
        else:
            delta = after.total - before.total
            bands[next(n for n, test in progression.TOTAL_BANDS if test(delta))] += 1
        for change in progression.compare(first, latest):
            items[change.number - 1][change.direction] += 1
        for change in progression.domain_changes(first, latest):
            domains[(change.name, change.direction)] += 1
    return bands, items, domains


def test_a_large_team_counts_the_same_as_person_by_person():
    rng = random.Random(12)  # noqa: S311 - test data, not secrets

    def answers():
        return tuple(None if rng.random() < 0.04 else rng.randrange(5) for _ in range(12))

    pairs = [(answers(), answers()) for _ in range(2000)]
    result = progression.distribution(pairs)
    bands, items, domains = reference(pairs)

    assert result.people == 2000
    assert {name: n for name, n in result.total_bands if n} == {
        name: n for name, n in bands.items() if n
    }
    assert [counter for _, counter in result.items] == items
    assert {
        (name, direction): n for name, counter in result.domains for direction, n in counter.items()
    } == dict(domains)
