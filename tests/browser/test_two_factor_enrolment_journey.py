"""An administrator issues a two-factor set-up code; the worker needs it before the QR
code. Both pages pass axe and fit a 320-pixel screen."""

from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import expect

from goodlife.accounts.models import EnrolmentCode


def fits_320_pixels(v, name):
    v.page.set_viewport_size({"width": 320, "height": 800})
    wide = v.page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 320, f"{name} scrolls sideways at 320 px ({wide} px wide)"
    v.page.screenshot(path=f"tests/browser/screenshots/{name}-320.png", full_page=True)
    v.page.set_viewport_size({"width": 1200, "height": 900})


def test_an_administrator_issues_a_code_and_the_worker_sets_up_with_it(demo, visit, settings):
    # The administrator, in the administration pages (a password is enough in the demo).
    admin = visit()
    admin._javascript = False  # the Django admin is no GOV.UK Frontend page: not checked for it
    admin.sign_in("admin@example.org")
    admin.goto("/admin/accounts/user/")
    row = admin.page.get_by_role("row").filter(has_text="practitioner@example.org")
    row.get_by_role("checkbox").check()
    admin.page.get_by_label("Action:").select_option(label="Issue a two-factor set-up code")
    admin.page.get_by_role("button", name="Go").click()
    expect(admin.page.get_by_role("heading", level=1)).to_have_text("Two-factor set-up codes")
    code = admin.page.locator("code.enrolment-code").inner_text()
    assert len(code) == 14 and code.count("-") == 2
    # Chromium asks each Django admin page for /favicon.ico, which Goodlife does not serve.
    assert set(admin.errors) <= {
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    }
    admin.errors.clear()
    admin.check("admin-two-factor-set-up-codes")
    fits_320_pixels(admin, "admin-two-factor-set-up-codes")
    assert EnrolmentCode.objects.get().user.email == "practitioner@example.org"

    # The worker, who must now give a code after the password.
    settings.GOODLIFE_TWO_FACTOR = True
    v = visit()
    v.sign_in("practitioner@example.org")
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Enter your set-up code")
    expect(v.page.locator("svg")).to_have_count(0)
    v.check("two-factor-set-up-code")
    fits_320_pixels(v, "two-factor-set-up-code")
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("alert")).to_contain_text(
        "Enter the set-up code your administrator gave you"
    )
    v.page.get_by_label("Set-up code").fill("ABCD-EFGH-2345")
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("alert")).to_contain_text("That set-up code is not right")
    expect(v.page.get_by_label("Set-up code")).to_have_value("ABCD-EFGH-2345")
    v.check("two-factor-set-up-code-errors")

    v.page.get_by_label("Set-up code").fill(code.lower())
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    key = b32decode(v.page.locator("#key").inner_text().replace(" ", ""))
    v.page.get_by_label("Code").fill(f"{TOTP(key).token():06d}")
    v.page.get_by_role("button", name="Continue").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in is set up")
    v.page.get_by_role("link", name="Continue to Goodlife").click()
    expect(v.page.get_by_role("link", name="My caseload")).to_be_visible()
