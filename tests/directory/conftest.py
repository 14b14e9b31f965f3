import datetime

import pytest

from goodlife.directory import services
from goodlife.directory.models import Place, Synonym


@pytest.fixture
def editor(db):
    from tests.factories import UserFactory

    return UserFactory(role="directory_editor", full_name="Ellen Marsh")


@pytest.fixture
def places(db):
    Place.objects.create(name="EB1 4QT", latitude=52.6350, longitude=-1.1300)
    Place.objects.create(name="EB1", latitude=52.6400, longitude=-1.1300)


def make_service(
    editor,
    name,
    description,
    *,
    free=False,
    days=(),
    opens=None,
    closes=None,
    lat=None,
    lon=None,
    access="",
    terms=(),
    **extra,
):
    location = None
    if lat is not None:
        location = {
            "name": "Community Hall",
            "address": "",
            "postcode": "EB1 4QT",
            "latitude": lat,
            "longitude": lon,
            "accessibility": access,
        }
    return services.save_service(
        None,
        by=editor,
        name=name,
        organization_name="",
        description=description,
        is_free=free,
        fees="",
        url="",
        email="",
        phone="",
        eligibility="",
        days=list(days),
        opens_at=opens,
        closes_at=closes,
        location=location,
        terms=list(terms),
        **extra,
    )


@pytest.fixture
def directory(editor, places):
    Synonym.objects.create(word="astronaut", related="space")
    Synonym.objects.create(word="astronaut", related="astronomy")
    return {
        "astronomy": make_service(
            editor,
            "Eastbrook Astronomical Society",
            "Friendly club for anyone curious about space and the night sky.",
            free=True,
            days=["TU"],
            opens=datetime.time(19),
            closes=datetime.time(21, 30),
            lat=52.6466,
            lon=-1.1300,
            access="Step-free entrance",
            terms=["astronomy"],
            offers_connect=True,
            offers_learn=True,
        ),
        "walk": make_service(
            editor,
            "Riverside walking group",
            "Gentle walks along the river.",
            free=True,
            days=["TU"],
            opens=datetime.time(9),
            closes=datetime.time(10, 30),
            lat=52.6360,
            lon=-1.1330,
            offers_be_active=True,
        ),
        "lunch": make_service(
            editor,
            "Thursday lunch club",
            "A hot lunch and company.",
            free=False,
            days=["TH"],
            opens=datetime.time(12),
            closes=datetime.time(14),
            lat=52.6600,
            lon=-1.2000,
            access="Step-free, hearing loop",
        ),
    }
