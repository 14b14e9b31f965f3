"""Deny by default: every view in Goodlife declares who may use it."""

from django.urls import URLPattern, URLResolver, get_resolver

from goodlife.accounts.access import rule_of

# The Django admin checks its own rule (signed-in administrators only) on every view.
ADMIN_NAMESPACE = "admin"


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


def test_roles_are_compared_only_in_the_access_rules():
    """Every rule is named in goodlife/accounts/access.py; code asks it, templates read
    ``can.<rule>``. A role compared anywhere else would be a rule of its own."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "goodlife"
    compared = re.compile(r"\.role\s*(==|!=|not in|in)\s|role__in=|role=Role\.")
    in_templates = re.compile(r"user\.role\b")
    found = []
    for path in [*root.rglob("*.py"), *root.rglob("*.html")]:
        if path.name == "access.py" and path.parent.name == "accounts":
            continue
        if "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            labels = ("_shown(", "url_name_for", "Role.values")  # naming a role, not a rule
            rule = (in_templates if path.suffix == ".html" else compared).search(line)
            if rule and not any(label in line for label in labels):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert found == []


def test_every_rule_a_template_asks_is_one_access_py_names():
    """``can.<rule>`` with a name that is not a rule would quietly be false in a template."""
    import re
    from pathlib import Path

    from goodlife.accounts.access import TEMPLATE_RULES

    root = Path(__file__).resolve().parents[2] / "goodlife"
    asked = {
        (path.relative_to(root), name)
        for path in root.rglob("*.html")
        for name in re.findall(r"\bcan\.(\w+)", path.read_text())
    }
    assert asked, "no template asks can.<rule>: the walk found nothing"
    assert {(path, name) for path, name in asked if name not in TEMPLATE_RULES} == set()
