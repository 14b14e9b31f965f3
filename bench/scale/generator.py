"""A council-sized synthetic dataset for benchmarks, reproducible from a seed.

Everything is written with bulk inserts in batches, bypassing the services (and so the
audit trail): it is synthetic data for measuring speed, never demo or real data. People
have years of history: episodes, conversation records, WELL12s, strengths, aspirations,
network maps, ideas, outcomes with steps, and support plans.

The sizes of each scale are in scales.py; each part of the data is made by one module
(borough.py, history.py, support.py), all drawing on one random stream (writing.py).
"""

from django.db import transaction

from bench.scale.borough import Borough
from bench.scale.history import History
from bench.scale.scales import PASSWORD, SCALES
from bench.scale.support import Support
from goodlife.accounts.models import Team
from goodlife.people.models import TimelineItem

__all__ = ["PASSWORD", "SCALES", "Generator", "seed"]


class Generator(Borough, History, Support):
    def run(self) -> dict:
        counts = {}
        with transaction.atomic():
            counts["staff"] = self.staff()
            counts["services"] = self.services()
            counts["people"] = self.people()
        for name, make in (
            ("conversation records", self.records),
            ("holding support", self.holding),
            ("WELL12s", self.well12s),
            ("strengths and networks", self.strengths),
            ("plans and outcomes", self.plans),
            ("suggestions and unmet needs", self.suggestions),
        ):
            with transaction.atomic():
                counts[name] = make()
            self.say(f"{name}: {counts[name]:,}")
        counts["timeline entries"] = TimelineItem.objects.count()
        return counts


def seed(scale: str, *, seed: int = 1, say=print) -> dict:
    if Team.objects.filter(name__startswith="Bench team ").exists():
        raise ValueError("This database already has benchmark data: use a fresh database")
    return Generator(SCALES[scale], seed, say).run()
