"""Every role × every URL × GET and POST: only the person's own team gets into a record,
nothing answers 500, and nobody outside the team changes anything by any URL."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from goodlife.accounts.models import Role
from goodlife.people.models import Person
from tests.accounts.test_access_rules import ADMIN_NAMESPACE, _walk
from tests.factories import UserFactory

# Pages of a person's record that anyone who may break glass is meant to reach: the
# break-glass question itself shows no personal data.
OPEN_TO_OUTSIDERS = {"people:break-glass"}


# Signing out would end the session the matrix is walking with.
SKIPPED = {"accounts:sign-out"}


def _paths(person_id):
    """A concrete path for every pattern: the person is Tom, every other id does not exist."""
    resolver = get_resolver()
    paths = []
    for namespace, pattern in _walk(resolver.url_patterns):
        name = f"{namespace}:{pattern.name}".lstrip(":")
        if namespace == ADMIN_NAMESPACE or name in SKIPPED:
            continue
        kwargs = {}
        for converter, key in re.findall(r"<(?:(\w+):)?(\w+)>", str(pattern.pattern)):
            if key == "person_id":
                kwargs[key] = person_id
            elif converter == "uuid":
                kwargs[key] = uuid.uuid4()
            elif converter == "int":
                kwargs[key] = 999999
            else:
                kwargs[key] = "missing"
        paths.append((name, reverse(name, kwargs=kwargs), "person_id" in kwargs))
    return paths


@pytest.fixture
def staff(north, river, practitioner, manager, other_practitioner):
    return {
        "own practitioner": (practitioner, True),
        "own manager": (manager, True),
        "other team's practitioner": (other_practitioner, False),
        "other team's manager": (UserFactory(role=Role.TEAM_MANAGER, teams=[river]), False),
        **{
            role.label: (UserFactory(role=role, teams=[north]), False)
            for role in Role
            if role not in (Role.PRACTITIONER, Role.TEAM_MANAGER)
        },
    }


def test_role_by_url_by_method(staff, tom):
    paths = _paths(tom.pk)
    assert len(paths) > 40
    version = tom.version
    problems = []
    for who, (user, own_team) in staff.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for name, path, of_person in paths:
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                status = response.status_code
                if status >= 500:
                    problems.append(f"{who} {method.upper()} {path} ({name}): {status}")
                if of_person and not own_team and name not in OPEN_TO_OUTSIDERS:
                    location = response.get("Location", "")
                    let_in = status == 200 or (status == 302 and "break-glass" not in location)
                    if let_in:
                        problems.append(
                            f"{who} {method.upper()} {path} ({name}) got in: {status} {location}"
                        )
        if own_team:
            assert client.get(f"/people/{tom.pk}/").status_code == 200, who
    assert problems == []
    tom.refresh_from_db()
    assert tom.version == version  # nobody changed Tom's details by any of this
    assert Person.objects.get(pk=tom.pk).team.name == "Northside Community Team"


def test_signed_out_every_url_goes_to_sign_in_or_is_public(db, tom):
    client = Client(raise_request_exception=False)
    for name, path, _of_person in _paths(tom.pk):
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code < 500, f"{method} {path}"
            if response.status_code == 200:
                assert name in {
                    "accounts:sign-in",
                    "directory:oruk-services",
                    "directory:oruk-service",
                    "health:live",  # the load balancer's probes, GET and HEAD only
                    "health:ready",
                }, f"{method} {path} answered signed out"
