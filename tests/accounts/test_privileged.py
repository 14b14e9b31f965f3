"""Privileged acts are audit events, and an administrator never gives record access alone."""

import pytest
from axes.models import AccessAttempt
from django_otp.plugins.otp_totp.models import TOTPDevice

from goodlife.accounts.models import MembershipRequest, Role, User
from goodlife.audit.models import Action, AuditEvent
from tests.conftest import client_for
from tests.factories import UserFactory


@pytest.fixture
def admin_user(db):
    return UserFactory(role=Role.ADMINISTRATOR, full_name="Ade Williams")


@pytest.fixture
def as_admin(admin_user):
    return client_for(admin_user)


def _account_events(**filters):
    return AuditEvent.objects.filter(action=Action.ACCOUNT, **filters).order_by("id")


def _create_in_admin(client, email="new.worker@example.org", role=Role.PRACTITIONER):
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": email,
            "full_name": "New Worker",
            "role": role,
            "usable_password": "true",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return User.objects.get(email=email)


def _edit_in_admin(client, user, **changes):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "job_title": user.job_title,
        "role": user.role,
        "is_active": "on" if user.is_active else "",
        "last_login_0": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "membership_requests-TOTAL_FORMS": "0",
        "membership_requests-INITIAL_FORMS": str(user.membership_requests.count()),
        "membership_requests-MIN_NUM_FORMS": "0",
        "membership_requests-MAX_NUM_FORMS": "1000",
        **changes,
    }
    data = {k: v for k, v in data.items() if v != ""}
    response = client.post(f"/admin/accounts/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_creating_an_account_is_audited_without_its_password(as_admin, admin_user):
    user = _create_in_admin(as_admin)
    event = _account_events(object_id=str(user.pk)).first()
    assert event.user == admin_user
    assert "Created account for New Worker" in event.summary
    assert event.detail["after"]["role"] == "Practitioner"
    text = str(event.detail)
    assert "passphrase" not in text and user.password not in text


def test_an_administrator_cannot_give_record_access_alone(as_admin, admin_user, north, tom):
    """The reproduction: create a practitioner, add it to Northside, sign in as it."""
    user = _create_in_admin(as_admin)
    _edit_in_admin(as_admin, user, ask_to_join=[str(north.pk)], teams=[str(north.pk)])
    user.refresh_from_db()
    assert list(user.teams.all()) == []  # only asked
    asked = MembershipRequest.objects.get(user=user)
    assert asked.decision == MembershipRequest.Decision.PENDING
    assert asked.requested_by == admin_user
    as_new = client_for(user)
    assert "break-glass" in as_new.get(f"/people/{tom.pk}/").url
    assert _account_events(summary__startswith="Asked that New Worker").exists()


def test_the_teams_manager_accepts_a_member(as_admin, admin_user, north, tom, manager, as_manager):
    user = _create_in_admin(as_admin)
    _edit_in_admin(as_admin, user, ask_to_join=[str(north.pk)])
    asked = MembershipRequest.objects.get(user=user)
    page = as_manager.get("/people/requests/").content.decode()
    assert "New Worker to join Northside Community Team" in page
    response = as_manager.post(f"/people/joining/{asked.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.decision == MembershipRequest.Decision.ACCEPTED and asked.decided_by == manager
    assert north in user.teams.all()
    assert client_for(user).get(f"/people/{tom.pk}/").status_code == 200
    accepted = _account_events(summary__startswith="Accepted New Worker").get()
    assert accepted.user == manager
    joined = _account_events(summary__startswith="Added New Worker").get()
    assert joined.detail["teams"] == ["Northside Community Team"]


def test_another_teams_manager_cannot_accept(as_admin, north, river):
    user = _create_in_admin(as_admin)
    _edit_in_admin(as_admin, user, ask_to_join=[str(north.pk)])
    UserFactory(role=Role.TEAM_MANAGER, teams=[north])
    river_manager = UserFactory(role=Role.TEAM_MANAGER, teams=[river])
    asked = MembershipRequest.objects.get(user=user)
    response = client_for(river_manager).post(
        f"/people/joining/{asked.pk}/decide/", {"decision": "accept"}
    )
    assert response.status_code == 403
    assert not user.teams.exists()


def test_a_role_change_is_audited_and_asks_the_team_again(as_admin, admin_user, north):
    editor = UserFactory(role=Role.DIRECTORY_EDITOR, teams=[north], full_name="Ed Itor")
    _edit_in_admin(as_admin, editor, role=Role.PRACTITIONER)
    editor.refresh_from_db()
    assert editor.role == Role.PRACTITIONER
    assert not editor.teams.exists()  # a practitioner's caseload needs the manager again
    assert MembershipRequest.objects.get(user=editor).decision == "pending"
    changed = _account_events(summary__startswith="Changed role of Ed Itor").get()
    assert changed.user == admin_user
    assert changed.detail["before"] == {"role": "Directory editor"}
    assert changed.detail["after"] == {"role": "Practitioner"}


def test_administrators_cannot_change_their_own_role(as_admin, admin_user):
    page = as_admin.get(f"/admin/accounts/user/{admin_user.pk}/change/").content.decode()
    assert 'name="role"' not in page
    _edit_in_admin(as_admin, admin_user, role=Role.PRACTITIONER)
    admin_user.refresh_from_db()
    assert admin_user.role == Role.ADMINISTRATOR


def test_setting_a_password_is_audited_without_it(as_admin, admin_user, practitioner):
    response = as_admin.post(
        f"/admin/accounts/user/{practitioner.pk}/password/",
        {
            "usable_password": "true",
            "password1": "another long passphrase 7",
            "password2": "another long passphrase 7",
        },
    )
    assert response.status_code == 302
    event = _account_events(summary__contains="password", user=admin_user).get()
    assert event.user == admin_user and event.detail["password_changed"] is True
    assert "passphrase" not in str(event.detail)
    practitioner.refresh_from_db()
    assert practitioner.password not in str(event.detail)


def test_removing_a_two_factor_device_is_audited(as_admin, admin_user, practitioner):
    device = TOTPDevice.objects.create(user=practitioner, name="Phone", confirmed=True)
    response = as_admin.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    event = _account_events(summary__startswith="Removed a two-factor device").get()
    assert event.user == admin_user
    assert practitioner.email in event.summary
    assert device.key not in str(event.detail)


def test_lifting_a_sign_in_pause_is_audited(as_admin, admin_user):
    attempt = AccessAttempt.objects.create(
        username="priya@example.org",
        ip_address="192.0.2.1",
        user_agent="test",
        failures_since_start=10,
        get_data="",
        post_data="",
        http_accept="*/*",
        path_info="/accounts/sign-in/",
    )
    response = as_admin.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    event = _account_events(summary="Lifted the sign-in pause of priya@example.org").get()
    assert event.user == admin_user and event.detail["ip_address"] == "192.0.2.1"


def test_using_the_administration_pages_is_audited(as_admin, admin_user):
    as_admin.get("/admin/accounts/user/?q=priya")
    event = AuditEvent.objects.filter(action=Action.ADMIN).latest("id")
    assert event.user == admin_user
    assert event.path == "/admin/accounts/user/"
    assert event.detail["query"] == "q=priya"


def test_team_changes_in_a_shell_are_audited_too(north):
    user = UserFactory(role=Role.PRACTITIONER)
    user.teams.add(north)
    event = _account_events(summary__startswith=f"Added {user.full_name}").get()
    assert event.user is None  # a command, not a signed-in member of staff
    assert event.detail["teams"] == [north.name]
