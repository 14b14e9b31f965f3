import pytest
from django.test import Client

from goodlife.accounts.models import Role
from goodlife.ui import once
from tests.factories import PersonFactory, TeamFactory, UserFactory


@pytest.fixture
def north(db):
    return TeamFactory(name="Northside Community Team")


@pytest.fixture
def river(db):
    return TeamFactory(name="Riverside Community Team")


@pytest.fixture
def practitioner(north):
    return UserFactory(role=Role.PRACTITIONER, teams=[north], full_name="Priya Shah")


@pytest.fixture
def other_practitioner(river):
    return UserFactory(role=Role.PRACTITIONER, teams=[river], full_name="Daniel Okafor")


@pytest.fixture
def manager(north):
    return UserFactory(role=Role.TEAM_MANAGER, teams=[north], full_name="Grace Whitfield")


@pytest.fixture
def tom(north, practitioner):
    return PersonFactory(
        legal_name="Thomas Baxter",
        preferred_name="Tom",
        team=north,
        allocated_worker=practitioner,
        nhs_number="9990000018",
        what_matters="I want to be an astronaut.",
    )


class FormClient(Client):
    """Posts as a browser posts a page's form: with the one-time token a create form
    carries (``goodlife.ui.once``), unless the test sends its own or ``token=False``.
    Tests of the token itself use a plain ``Client``."""

    def post(self, path, data=None, *args, token=True, **kwargs):
        user_id = self.session.get("_auth_user_id")
        if token and user_id and (data is None or isinstance(data, dict)):
            data = data or {}
            if once.FIELD not in data:
                data = {**data, once.FIELD: once.new_token(user_id)}
        return super().post(path, data, *args, **kwargs)


@pytest.fixture
def client():
    return FormClient()


def client_for(user) -> Client:
    client = FormClient()
    client.force_login(user)
    return client


@pytest.fixture
def as_practitioner(practitioner):
    return client_for(practitioner)


@pytest.fixture
def as_other_practitioner(other_practitioner):
    return client_for(other_practitioner)


@pytest.fixture
def as_manager(manager):
    return client_for(manager)


@pytest.fixture(autouse=True)
def timeline_matches_the_records(request):
    """After every test that touched the database, each person's stored timeline must be
    what the records say: a write path that forgets ``timeline.refresh`` fails here."""
    if "db" not in request.fixturenames or "live_server" in request.fixturenames:
        yield
        return
    request.getfixturevalue("db")
    yield
    from goodlife.people import timeline
    from goodlife.people.models import Person, TimelineItem

    for pk in Person.objects.values_list("pk", flat=True):
        stored = sorted(
            tuple(item.entry.__dict__.values()) for item in TimelineItem.objects.filter(person=pk)
        )
        computed = sorted(tuple(e.__dict__.values()) for e in timeline.computed_for(pk))
        assert stored == computed, f"the stored timeline of {pk} differs from its records"
