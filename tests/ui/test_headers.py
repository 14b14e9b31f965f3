def test_pages_send_a_strict_content_security_policy(client, db):
    response = client.get("/accounts/sign-in/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_about_people_are_not_cached(as_practitioner, tom):
    response = as_practitioner.get(f"/people/{tom.pk}/")
    assert response.headers["Cache-Control"] == "no-store"


def test_no_inline_scripts_or_styles(as_practitioner, tom):
    page = as_practitioner.get(f"/people/{tom.pk}/").content.decode()
    assert "<script>" not in page and "style=" not in page
