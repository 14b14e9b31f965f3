"""While the database is unavailable, pages answer 503 with Retry-After, not 500, and a
form that was sent comes back ready to send again."""

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK")


def fail_with(error):
    """Every query fails; the test's own transaction control still works."""

    def fail(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(TRANSACTION_CONTROL):
            return execute(sql, params, many, context)
        raise error

    return fail


@pytest.fixture
def as_worker(practitioner):
    client = Client(raise_request_exception=False)
    client.force_login(practitioner)
    return client


@pytest.mark.parametrize("error", [OperationalError("gone"), InterfaceError("closed")])
def test_a_page_says_the_database_is_unavailable(as_worker, error):
    with connection.execute_wrapper(fail_with(error)):
        response = as_worker.get("/people/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    page = response.content.decode()
    assert "Sorry, Goodlife cannot reach its records just now" in page
    assert "Nothing has been changed" in page
    assert 'href="/people/"' in page  # load this page again
    # Rendered without the request: no user, no menu, nothing that asks the database.
    assert "Priya Shah" not in page and "Sign out" not in page


def test_a_form_sent_comes_back_with_what_was_typed(as_worker, north):
    typed = {
        "legal_name": "Ada <b>Lovelace</b>",
        "preferred_name": "Ada",
        "what_matters": "Walking by the river\nand my garden",
        "password": "never echoed",
        "goodlife_form_token": "a-one-time-token",
    }
    with connection.execute_wrapper(fail_with(OperationalError("frozen"))):
        response = as_worker.post("/people/add/", typed)
    assert response.status_code == 503
    page = response.content.decode()
    assert "what you sent has not been saved" in page
    assert "What you typed is not lost" in page
    assert '<form method="post" action="/people/add/"' in page
    assert '<input type="hidden" name="legal_name" value="Ada &lt;b&gt;Lovelace&lt;/b&gt;">' in page
    assert "Walking by the river<br>and my garden" in page  # shown to copy
    assert "never echoed" not in page and 'name="password"' not in page
    # The form's one-time token is sent again but not shown as something typed.
    assert 'name="goodlife_form_token" value="a-one-time-token"' in page
    assert "Goodlife form token" not in page


def test_a_script_gets_json(as_worker):
    with connection.execute_wrapper(fail_with(OperationalError("stopped"))):
        response = as_worker.post("/people/add/", {}, headers={"Accept": "application/json"})
    assert response.status_code == 503
    assert response.json() == {"database_unavailable": True}
    assert response["Retry-After"] == "30"


def test_any_other_fault_is_still_the_500_page(as_worker):
    with connection.execute_wrapper(fail_with(ValueError("a bug"))):
        response = as_worker.get("/people/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with Goodlife" in response.content.decode()
    assert "Retry-After" not in response
