"""The audit trail is read through its own role, and every read of it is audited."""

import pytest

from goodlife.accounts.models import Role
from goodlife.audit.models import Action, AuditEvent
from goodlife.audit.services import record
from tests.conftest import client_for
from tests.factories import UserFactory


@pytest.fixture
def governance(db):
    return UserFactory(role=Role.INFORMATION_GOVERNANCE, full_name="Hannah Reid")


@pytest.fixture
def as_governance(governance):
    return client_for(governance)


def test_governance_reads_the_trail_and_the_read_is_on_it(as_governance, governance, tom):
    record(Action.SEARCH, summary="Searched people", detail={"query": "Thomas 9990000018"})
    response = as_governance.get("/governance/audit-trail/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Thomas 9990000018" in page  # search details are shown here
    read = AuditEvent.objects.filter(action=Action.AUDIT_READ).get()
    assert read.user == governance


def test_a_detail_named_like_a_dict_method_is_shown(as_governance, tom):
    # A sign-off records how many items it covered as "items".
    record(Action.CHANGE, summary="Signed off", person_id=tom.pk, detail={"items": 2})
    response = as_governance.get("/governance/audit-trail/", {"person": str(tom.pk)})
    assert response.status_code == 200
    assert "<strong>items</strong>: 2" in response.content.decode()


def test_filters_narrow_the_trail_and_are_recorded(as_governance, tom, practitioner):
    record(Action.VIEW, user=practitioner, person_id=tom.pk, summary="Viewed overview")
    record(Action.VIEW, user=practitioner, summary="Viewed team list")
    response = as_governance.get(f"/governance/audit-trail/?person={tom.pk}")
    page = response.content.decode()
    assert "Viewed overview" in page and "Viewed team list" not in page
    read = AuditEvent.objects.filter(action=Action.AUDIT_READ).latest("id")
    assert read.detail["filters"] == {"person": str(tom.pk)}


def test_a_wrong_filter_says_what_is_wrong_and_keeps_it(as_governance):
    page = as_governance.get(
        "/governance/audit-trail/?person=not-an-id&since_day=31&since_month=2&since_year=2026"
    ).content.decode()
    assert "Enter a record id like" in page
    assert 'value="not-an-id"' in page
    assert "must be a real date" in page


@pytest.mark.parametrize(
    "role",
    [r for r in Role.values if r != Role.INFORMATION_GOVERNANCE],
)
def test_no_other_role_reads_the_trail(db, role):
    user = UserFactory(role=role)
    response = client_for(user).get("/governance/audit-trail/")
    assert response.status_code == 403
    refused = AuditEvent.objects.filter(action=Action.ACCESS_REFUSED, user=user)
    assert refused.exists()
