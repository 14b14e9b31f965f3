"""How much the benchmark data holds at each scale, and what every part of it shares.

Sizes follow issue 9's table (small: 10,000 people; council: 200,000). "tiny" is for
tests of the generator itself.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    people: int
    records: int
    well12s: int
    plans: int
    outcomes: int
    services: int
    staff: int


SCALES = {
    "tiny": Scale(
        people=60, records=1_200, well12s=120, plans=30, outcomes=150, services=20, staff=6
    ),
    "small": Scale(
        people=10_000,
        records=200_000,
        well12s=20_000,
        plans=5_000,
        outcomes=25_000,
        services=1_000,
        staff=100,
    ),
    "council": Scale(
        people=200_000,
        records=4_000_000,
        well12s=400_000,
        plans=100_000,
        outcomes=500_000,
        services=5_000,
        staff=1_000,
    ),
}

BATCH = 5_000
YEARS = 6
PASSWORD = "goodlife-bench"  # noqa: S105 - synthetic benchmark users only
