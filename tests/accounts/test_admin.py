import pytest

from tests.conftest import client_for
from tests.factories import UserFactory


@pytest.fixture
def as_admin(db):
    return client_for(UserFactory(role="administrator"))


def test_administrators_manage_users_and_teams(as_admin):
    assert as_admin.get("/admin/accounts/user/").status_code == 200
    assert as_admin.get("/admin/accounts/user/add/").status_code == 200
    assert as_admin.get("/admin/accounts/team/add/").status_code == 200


def test_the_audit_trail_is_not_in_the_administration_pages(as_admin):
    # It is read by information governance on its own pages (tests/governance).
    assert as_admin.get("/admin/audit/auditevent/").status_code == 404
    assert as_admin.get("/admin/audit/auditevent/add/").status_code == 404


def test_people_are_not_in_the_admin(as_admin):
    # Person records are opened only through audited pages with their access rules.
    assert as_admin.get("/admin/people/person/").status_code == 404


def test_other_roles_cannot_use_the_admin(as_practitioner):
    response = as_practitioner.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_administrators_keep_the_synonyms_for_matching(as_admin):
    response = as_admin.post(
        "/admin/directory/synonym/add/", {"word": "knitting", "related": "crafts"}
    )
    assert response.status_code == 302
    from goodlife.directory.models import Synonym

    assert Synonym.objects.filter(word="knitting", related="crafts").exists()
