from django.test import RequestFactory

from goodlife.audit.middleware import client_ip


def test_without_proxies_the_socket_address_is_used(settings):
    settings.GOODLIFE_TRUSTED_PROXIES = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.0.0.5"


def test_behind_one_proxy_the_forwarded_address_is_used(settings):
    settings.GOODLIFE_TRUSTED_PROXIES = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    # A client can prepend anything; only the address our proxy appended is trusted.
    assert client_ip(request) == "203.0.113.7"
