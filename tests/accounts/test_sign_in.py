import pytest
from django.contrib.auth.hashers import identify_hasher

from goodlife.audit.models import Action, AuditEvent
from tests.factories import UserFactory

URL = "/accounts/sign-in/"


@pytest.fixture
def priya(db, north):
    return UserFactory(email="priya@example.org", teams=[north])


def test_it_signs_in_by_email_in_any_case(client, priya):
    response = client.post(
        URL, {"username": "Priya@Example.org", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.get("/people/").status_code == 200
    assert AuditEvent.objects.filter(action=Action.SIGN_IN, user=priya).exists()


@pytest.mark.parametrize(
    "email, password",
    [("priya@example.org", "wrong"), ("nobody@example.org", "correct horse battery")],
)
def test_a_wrong_email_or_password_gets_the_same_message(client, priya, email, password):
    response = client.post(URL, {"username": email, "password": password})
    assert response.status_code == 200
    page = response.content.decode()
    assert "The email address or password is not right" in page
    assert "There is a problem" in page
    # Nothing typed but the email address is sent back.
    assert password not in page


def test_a_failed_sign_in_is_audited_without_the_password(client, priya):
    client.post(URL, {"username": "priya@example.org", "password": "hunter2-secret"})
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert event.detail == {"email": "priya@example.org"}
    assert event.ip_address == "127.0.0.1"
    assert "hunter2" not in str(event.detail) + event.summary


def test_empty_fields_get_specific_errors(client, db):
    page = client.post(URL, {"username": "", "password": ""}).content.decode()
    assert "Enter your email address" in page
    assert "Enter your password" in page


def test_an_inactive_user_cannot_sign_in(client, priya):
    priya.is_active = False
    priya.save()
    response = client.post(
        URL, {"username": "priya@example.org", "password": "correct horse battery"}
    )
    assert "The email address or password is not right" in response.content.decode()


def test_passwords_use_argon2(settings, db):
    from django.conf import settings as live

    assert live.PASSWORD_HASHERS != []  # the test settings swap in a fast hasher
    from goodlife import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = UserFactory()
    assert identify_hasher(user.password).algorithm == "argon2"


def test_sign_out_is_a_post_and_audited(client, priya):
    client.force_login(priya)
    assert client.get("/accounts/sign-out/").status_code == 405
    response = client.post("/accounts/sign-out/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=Action.SIGN_OUT, user=priya).exists()
    assert client.get("/people/").status_code == 302


def test_signed_in_users_are_sent_to_their_home(client, priya):
    client.force_login(priya)
    assert client.get("/").url == "/my-work/"


def test_managers_land_on_their_team(client, db, north):
    client.force_login(UserFactory(role="team_manager", teams=[north]))
    assert client.get("/").url == "/people/team/"


@pytest.mark.parametrize("role", ["provider", "commissioner", "quality_lead"])
def test_other_roles_get_a_home_page(client, db, role):
    client.force_login(UserFactory(role=role))
    response = client.get("/")
    assert response.status_code == 200
    assert "Welcome" in response.content.decode()
