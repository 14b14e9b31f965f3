"""The golden thread of a person's plan, in plain Python: each aspiration with the ideas
and outcomes that serve it, least intrusive ideas first; ideas and outcomes that serve no
aspiration last, under none."""

from goodlife.planning.tiers import ORDER


def threads(aspirations, ideas, outcomes) -> list[dict]:
    result = []
    for aspiration in [*aspirations, None]:
        key = aspiration.pk if aspiration else None
        own_ideas = sorted(
            (i for i in ideas if i.aspiration_id == key), key=lambda i: ORDER[i.tier]
        )
        own_outcomes = [o for o in outcomes if o.aspiration_id == key]
        if aspiration is None and not own_ideas and not own_outcomes:
            continue
        result.append({"aspiration": aspiration, "ideas": own_ideas, "outcomes": own_outcomes})
    return result
