"""Playwright journeys against a live Goodlife, in Debian's Chromium, checked with axe-core.

Screenshots of every page visited are saved in tests/browser/screenshots/ (git-ignored).
"""

import io
import json
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM calls that the test
# makes between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.getenv("GOODLIFE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_SOURCE = AXE.read_text() + "\n;undefined" if AXE.exists() else ""
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DEMO_PASSWORD = "goodlife-demo"

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: `make test` installs the npm packages")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db, monkeypatch):
    monkeypatch.delenv("GOODLIFE_DEMO_PASSWORD", raising=False)
    call_command("demo", stdout=io.StringIO())


class Visit:
    """One person's browser session: navigation helpers, axe checks and screenshots."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        # Script errors and CSP violations show up in the console.
        self.errors = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def goto(self, path):
        self.page.goto(self.base_url + path)
        return self.page

    def sign_in(self, email, password=DEMO_PASSWORD):
        self.goto("/accounts/sign-in/")
        self.page.get_by_label("Email address").fill(email)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        return self.page

    def check(self, name):
        """Screenshot the page, then assert it has no WCAG 2.2 A/AA violations."""
        SCREENSHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
        assert self.page.locator("h1").count() == 1, f"{name}: a page has exactly one h1"
        assert self.page.title(), f"{name}: the page has a title"
        if self.page.context.pages and self._javascript:
            assert "govuk-frontend-supported" in (self.page.get_attribute("body", "class") or "")
        assert self.errors == [], f"{name}: console errors {self.errors}"
        # Evaluated through the DevTools protocol, so the page's own strict CSP stays on.
        self.page.evaluate(AXE_SOURCE)
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
        )
        violations = [
            {"id": v["id"], "help": v["help"], "nodes": [n["html"][:200] for n in v["nodes"]]}
            for v in result["violations"]
        ]
        assert violations == [], f"{name}: " + json.dumps(violations, indent=2)

    def check_reflow(self, name, width=320):
        """At 320 CSS pixels wide (WCAG 1.4.10 Reflow) the page does not scroll sideways."""
        size = self.page.viewport_size
        self.page.set_viewport_size({"width": width, "height": 800})
        try:
            self.page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
            overflow = self.page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                # Name the widest elements, so the fix can start from them.
                wide = self.page.evaluate(
                    """w => [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > w + 1)
                        .filter(e => {  // not inside a box that scrolls on its own
                            let p = e.parentElement;
                            for (; p && p !== document.body; p = p.parentElement) {
                                if (['auto', 'scroll', 'hidden'].includes(
                                    getComputedStyle(p).overflowX)) return false;
                            }
                            return true;
                        })
                        .slice(0, 5)
                        .map(e => e.tagName + '.' + e.className + ' ' +
                             Math.round(e.getBoundingClientRect().right))""",
                    width,
                )
                raise AssertionError(
                    f"{name}: scrolls sideways by {overflow}px at {width}px wide: {wide}"
                )
        finally:
            self.page.set_viewport_size(size)


@pytest.fixture
def visit(browser, live_server):
    contexts = []

    def open_visit(javascript=True):
        context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": 1200, "height": 900}
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        visit = Visit(context.new_page(), live_server.url)
        visit._javascript = javascript
        return visit

    yield open_visit
    for context in contexts:
        context.close()


def uuid_in(url: str) -> str:
    return re.search(r"[0-9a-f]{8}-[0-9a-f-]{27}", url).group(0)
