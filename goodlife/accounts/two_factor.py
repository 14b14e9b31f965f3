"""Two-factor sign-in: a password, then a code from an authenticator app (TOTP, RFC 6238).

django-otp keeps the devices and checks the codes; this module is the policy and pages.
With ``GOODLIFE_TWO_FACTOR`` on (the default unless ``DEBUG``), a signed-in member of
staff whose session has not yet given a code reaches nothing but these pages and "Sign
out". The first time, they give the one-time set-up code an administrator issued them
(goodlife/accounts/enrolment.py), set up an app by scanning a QR code (or typing its
key) and get ten single-use backup codes; after that, each sign-in asks for the app's
code or a backup code. Wrong codes slow down: 1, 2, 4, 8 … seconds between tries.
"""

import base64
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from goodlife.accounts import enrolment, totp_keys
from goodlife.accounts.access import SIGNED_IN, access
from goodlife.accounts.models import AuthenticatorApp
from goodlife.audit.models import Action
from goodlife.audit.services import record
from goodlife.ui.fields import text_input

BACKUP_CODES = 10
APP = "Authenticator app"
BACKUP = "Backup codes"
# Views a signed-in member of staff may use before giving a code.
ALLOWED_BEFORE_CODE = {"accounts:two-factor", "accounts:two-factor-set-up", "accounts:sign-out"}


def owes_code(user) -> bool:
    """Whether this signed-in user's session must still give a code before anything else."""
    return (
        settings.GOODLIFE_TWO_FACTOR
        and user.is_authenticated
        and not getattr(user, "is_verified", lambda: False)()
    )


def _has_app(user) -> bool:
    return AuthenticatorApp.objects.filter(user=user, confirmed=True).exists()


class RequireTwoFactorMiddleware:
    """After the password, every page waits for the code (set up first if need be)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not owes_code(request.user):
            return None
        match = request.resolver_match
        if match and match.view_name in ALLOWED_BEFORE_CODE:
            return None
        url = reverse("accounts:two-factor")
        if request.method == "GET":
            url += "?" + _next_query(request.get_full_path())
        return redirect(url)


def _next_query(path: str) -> str:
    return urlencode({"next": path})


def _next(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("home")


def _code_box(label, required, max_length, *, autocomplete="one-time-code", **attrs):
    """A box for a code: ten characters wide, never spell-checked."""
    attrs = {"autocomplete": autocomplete, **attrs, "spellcheck": "false"}
    return text_input(label, required=required, width=10, max_length=max_length, attrs=attrs)


class CodeForm(forms.Form):
    code = _code_box("Code", "Enter the code from your authenticator app", 20, inputmode="numeric")

    def __init__(self, *args, devices, backup_allowed=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.backup_allowed = backup_allowed
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).lower()
        if not code.isdigit() and not self.backup_allowed:
            raise forms.ValidationError("Enter the 6 numbers your authenticator app shows")
        # django-otp slows wrong codes down per device: (allowed, {"locked_until": …}).
        allowed = [(device, device.verify_is_allowed()) for device in self.devices]
        for device, (ok, _) in allowed:
            if ok and device.verify_token(code):
                self.device = device
                return code
        if any(getattr(device, "unreadable", False) for device in self.devices):
            raise forms.ValidationError(
                "Goodlife cannot check codes from your authenticator app at the moment. "
                + ("Enter one of your backup codes, or ask" if self.backup_allowed else "Ask")
                + " your Goodlife administrator for help."
            )
        waiting = [data for _, (ok, data) in allowed if not ok]
        if waiting and len(waiting) == len(allowed):
            until = max(data["locked_until"] for data in waiting)
            seconds = max(1, int((until - timezone.now()).total_seconds()) + 1)
            raise forms.ValidationError(
                f"There have been several wrong codes. Wait {seconds} second"
                f"{'s' if seconds != 1 else ''}, then enter the code your app shows."
            )
        raise forms.ValidationError(
            "That code is not right. Enter the code your app shows now: it changes every "
            "30 seconds" + (", or one of your backup codes." if self.backup_allowed else ".")
        )


def _readable(device) -> bool:
    try:
        device.bin_key  # noqa: B018
    except totp_keys.SecretUnreadable:
        return False
    return True


def _code_given(request, device) -> None:
    """The session has given its code: from now on it is a new session (a new key), so a
    key seen before the code (the password step) is worth nothing."""
    otp_login(request, device)
    request.session.cycle_key()


def _devices(user):
    """What can give a sign-in code: the app, and the backup codes."""
    return [
        *AuthenticatorApp.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]


@access(SIGNED_IN)
def two_factor(request):
    """The code after the password; the set-up the first time."""
    if not _has_app(request.user):
        url = reverse("accounts:two-factor-set-up")
        if request.GET.get("next"):
            url += "?" + _next_query(request.GET["next"])
        return redirect(url)
    if request.user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None, devices=_devices(request.user))
    if request.method == "POST":
        with transaction.atomic():
            if form.is_valid():
                _code_given(request, form.device)
                kind = "a backup code" if isinstance(form.device, StaticDevice) else "an app code"
                record(Action.SIGN_IN, user=request.user, summary=f"Gave {kind}")
                return redirect(_next(request))
            record(Action.SIGN_IN_FAILED, user=request.user, summary="Wrong two-factor code")
    return TemplateResponse(
        request, "accounts/two_factor.html", {"form": form, "next": _next(request)}
    )


@access(SIGNED_IN)
@never_cache  # the key and the backup codes stay out of every cache
def set_up(request):
    """Scan the QR code (or type the key), enter one code, keep the backup codes."""
    if _has_app(request.user):
        return redirect(reverse("accounts:two-factor") + "?" + _next_query(_next(request)))
    if not enrolment.enrolled(request):
        return _enrol(request)
    with transaction.atomic():
        device = (
            AuthenticatorApp.objects.select_for_update()
            .filter(user=request.user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is not None and not _readable(device):
            device.delete()  # sealed under a key no longer configured: start afresh
            device = None
        device = device or AuthenticatorApp.objects.create(
            user=request.user, name=APP, confirmed=False
        )
        form = CodeForm(request.POST or None, devices=[device], backup_allowed=False)
        if request.method == "POST":
            if form.is_valid():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                AuthenticatorApp.objects.filter(user=request.user, confirmed=False).delete()
                request.session.pop(enrolment.SESSION_KEY, None)
                _code_given(request, device)
                codes = _new_backup_codes(request.user)
                record(Action.CHANGE, user=request.user, summary="Set up two-factor sign-in")
                return TemplateResponse(
                    request,
                    "accounts/two_factor_codes.html",
                    {"codes": codes, "next": _next(request)},
                )
            record(Action.SIGN_IN_FAILED, user=request.user, summary="Wrong two-factor code")
    key = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "accounts/two_factor_set_up.html",
        {
            "form": form,
            "next": _next(request),
            "qr": _qr_svg(device),
            "key_groups": [key[i : i + 4] for i in range(0, len(key), 4)],
        },
    )


class EnrolmentCodeForm(forms.Form):
    code = _code_box(
        "Set-up code", "Enter the set-up code your administrator gave you", 40, autocomplete="off"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_code(self):
        code = self.cleaned_data["code"]
        if len(enrolment.normalise(code)) != enrolment.LENGTH:
            raise forms.ValidationError(
                f"Enter the {enrolment.LENGTH} letters and numbers of your set-up code"
            )
        if not enrolment.redeem(self.user, code):
            raise forms.ValidationError(
                "That set-up code is not right, has been used or has expired. Check it, "
                "or ask your Goodlife administrator for a new one."
            )
        return code


def _enrol(request):
    """Before the QR code: the one-time code an administrator issued."""
    form = EnrolmentCodeForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            request.session[enrolment.SESSION_KEY] = str(request.user.pk)
            record(Action.SIGN_IN, user=request.user, summary="Gave a two-factor set-up code")
            return redirect(
                reverse("accounts:two-factor-set-up") + "?" + _next_query(_next(request))
            )
        record(Action.SIGN_IN_FAILED, user=request.user, summary="Wrong two-factor set-up code")
    return TemplateResponse(
        request,
        "accounts/two_factor_enrol.html",
        {"form": form, "next": _next(request), "hours": settings.GOODLIFE_ENROLMENT_CODE_HOURS},
    )


def _new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def _qr_svg(device) -> str:
    """The app's set-up address as an SVG QR code, drawn here: no image service."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#0b0c0c", light="#ffffff", omitsize=False
    )
    return mark_safe(svg)  # noqa: S308 - segno's own markup, from a URL we made
