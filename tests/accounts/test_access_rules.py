"""Deny by default: every view in Goodlife declares who may use it."""

from django.urls import URLPattern, URLResolver, get_resolver

# The Django admin checks its own rule (signed-in administrators only) on every view.
ADMIN_NAMESPACE = "admin"


def rule_of(view):
    """The rule a view declares: the access decorators (goodlife/accounts/access.py,
    goodlife/people/access.py) put it on the view they wrap."""
    return getattr(view, "access_rule", None)


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield namespace, entry


def test_every_view_declares_an_access_rule():
    missing = []
    for namespace, pattern in _walk(get_resolver().url_patterns):
        if namespace == ADMIN_NAMESPACE:
            continue
        if rule_of(pattern.callback) is None:
            missing.append(f"{namespace}:{pattern.name} ({pattern.lookup_str})")
    assert missing == []


def test_the_walk_sees_the_views_it_should():
    names = {f"{ns}:{p.name}" for ns, p in _walk(get_resolver().url_patterns)}
    assert {"people:overview", "people:edit", "accounts:sign-in", ":home"} <= names


def test_only_sign_in_the_open_referral_feed_and_the_probes_are_public():
    # The feed publishes community resources only; it never includes anything about people.
    # The load balancer's probes say "live", "ready" or "database unavailable", nothing else.
    public = {
        f"{ns}:{p.name}"
        for ns, p in _walk(get_resolver().url_patterns)
        if ns != ADMIN_NAMESPACE and rule_of(p.callback) and rule_of(p.callback).public
    }
    assert public == {
        "accounts:sign-in",
        "directory:oruk-services",
        "directory:oruk-service",
        "health:live",
        "health:ready",
    }
