import datetime

import pytest

from tests.factories import EpisodeFactory


@pytest.fixture
def episode(tom, practitioner):
    return EpisodeFactory(
        person=tom,
        by=practitioner,
        contact_on=datetime.date(2026, 11, 2),
        raised_by="Tom himself",
        reason="I want to be an astronaut.",
    )


def record_form(**changes):
    data = {
        "step": "gather",
        "happened_on_day": "9",
        "happened_on_month": "11",
        "happened_on_year": "2026",
        "place": "Eastbrook Library café",
        "who_was_there": "Tom, Priya",
        "narrative": "Tom told me about the Apollo crews.",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
