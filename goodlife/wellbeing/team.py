"""Caseload progression: how WELL12s changed across a team's people."""

from itertools import groupby

from goodlife.wellbeing import progression
from goodlife.wellbeing.models import ITEM_FIELDS, Well12Response


def team_distribution(team_ids) -> progression.Distribution:
    """First-to-latest change for every person in the teams with at least two WELL12s."""
    rows = (
        Well12Response.objects.filter(person__team_id__in=team_ids)
        .order_by("person_id", "completed_on", "recorded_at")
        .values_list("person_id", *ITEM_FIELDS)
    )
    pairs = []
    for _person, responses in groupby(rows, key=lambda r: r[0]):
        answers = [r[1:] for r in responses]
        if len(answers) >= 2:
            pairs.append((answers[0], answers[-1]))
    return progression.distribution(pairs)
