"""The README's screenshot: Tom's page in a fresh demo, as his practitioner sees it.

`make screenshot` writes docs/images/person-overview.png from a throwaway SQLite database
with the demo borough, served for the moment it takes, in Chromium (as the browser
journeys use it). Run it again when the person page changes."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "images" / "person-overview.png"
CHROMIUM = os.getenv("GOODLIFE_CHROMIUM", "/usr/bin/chromium")
WIDTH = 1200
# Down to the end of the panels (plans, conversations, wellbeing): his timeline follows.
CUT_BEFORE = "Recent activity"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _goodlife(env, *args, **kwargs):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, env=env, check=True, **kwargs)  # noqa: S603 - our own command


def _wait_for(url, server):
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit("The server stopped before it answered")
        try:
            with urlopen(url, timeout=1):  # noqa: S310 - our own http:// server
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Nothing answered at {url}")


def main():
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DEBUG": "True",
            "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3",
        }
        env.pop("GOODLIFE_DEMO_PASSWORD", None)
        _goodlife(env, "migrate", "--noinput", stdout=subprocess.DEVNULL)
        _goodlife(env, "demo", stdout=subprocess.DEVNULL)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 - our own server
            [sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", f"{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(base + "/health/live", server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport={"width": WIDTH, "height": 900})
                page.goto(base + "/accounts/sign-in/")
                page.get_by_label("Email address").fill("practitioner@example.org")
                page.get_by_label("Password").fill("goodlife-demo")
                page.get_by_role("button", name="Sign in").click()
                page.get_by_role("link", name="Find a person").click()
                page.get_by_label("Name, NHS number or date of birth").fill("Tom")
                page.get_by_role("button", name="Search").click()
                page.get_by_role("link", name="Tom").click()
                page.locator("#plan-status").wait_for()
                cut = page.get_by_role("heading", name=CUT_BEFORE).bounding_box()
                height = cut["y"] - 10 if cut else page.evaluate("document.body.scrollHeight")
                page.screenshot(
                    path=OUT,
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": WIDTH, "height": height},
                )
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
