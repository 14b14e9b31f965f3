"""Sign-in pauses after repeated wrong passwords (django-axes does the counting).

Two counts. Per email address and client address together, so guessing one worker's
password is slowed to a few tries an hour while that worker can still sign in from their
own desk (SIGN_IN_ATTEMPTS, SIGN_IN_PAUSE_MINUTES). And per client address across every
account, so one wrong password tried against many accounts (password spraying) is slowed
too (SIGN_IN_ADDRESS_ATTEMPTS in SIGN_IN_ADDRESS_MINUTES): django-axes has one limit for
all its counts, so this one is Goodlife's own, kept in ``SignInFailure`` and checked by
axes's handler like its own. Its defaults leave room for a whole office behind one
address mistyping passwords on a Monday morning.
"""

import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver
from django.template.response import TemplateResponse
from django.utils import timezone

from goodlife.accounts.forms import SignInForm
from goodlife.accounts.models import SignInFailure
from goodlife.audit.middleware import client_ip
from goodlife.audit.models import Action
from goodlife.audit.services import record


def email_of(request, credentials) -> str:
    """The typed email address as the count knows it: case and spaces do not make a new
    address to guess against (sign-in itself ignores case too)."""
    typed = (credentials or {}).get("username") or request.POST.get("username") or ""
    return str(typed).strip().lower()[:254]


def _window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.GOODLIFE_SIGN_IN_ADDRESS_MINUTES)


def address_paused_until(request) -> datetime.datetime | None:
    """Until when sign-in from this request's client address waits, or None."""
    address = client_ip(request)
    if not address:
        return None
    limit = settings.GOODLIFE_SIGN_IN_ADDRESS_ATTEMPTS
    # The newest `limit` failures in the window: with that many, the address waits until
    # the oldest of them leaves the window.
    recent = list(
        SignInFailure.objects.filter(ip_address=address, at__gt=timezone.now() - _window())
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    return recent[-1] + _window()


class SignInHandler(AxesDatabaseHandler):
    """django-axes's own handler, which also refuses an address past its own limit."""

    def is_locked(self, request, credentials=None) -> bool:
        locked = super().is_locked(request, credentials) or (
            address_paused_until(request) is not None
        )
        # Asked before the password is checked: a refused try checked no password.
        request.goodlife_sign_in_refused = locked
        return locked

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        refused = getattr(request, "goodlife_sign_in_refused", False)
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        address = client_ip(request) if request is not None else None
        if not address:
            return
        if not refused:  # a try refused during a pause does not lengthen it
            SignInFailure.objects.filter(at__lt=timezone.now() - _window()).delete()
            SignInFailure.objects.create(ip_address=address[:64])
        if not getattr(request, "axes_locked_out", False) and address_paused_until(request):
            # As django-axes does for its own count: the middleware answers with `paused`.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes",
                request=request,
                username=email_of(request, credentials),
                ip_address=address,
            )


def paused(request, original_response=None, credentials=None):
    """The sign-in page again, saying why and until when, with the email address kept."""
    typed = email_of(request, credentials)
    now = timezone.now()
    address_until = address_paused_until(request)
    if address_until is not None:
        until, for_address = address_until, True
        wait = max(1, int((until - now).total_seconds()) + 1)
    else:
        until, for_address = now + settings.AXES_COOLOFF_TIME, False
        wait = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = TemplateResponse(
        request,
        "accounts/sign_in.html",
        {
            "form": SignInForm(request, initial={"username": typed}),
            "paused_until": timezone.localtime(until),
            "paused_for_address": for_address,
            "attempts": (
                settings.GOODLIFE_SIGN_IN_ADDRESS_ATTEMPTS
                if for_address
                else settings.AXES_FAILURE_LIMIT
            ),
            "address_minutes": settings.GOODLIFE_SIGN_IN_ADDRESS_MINUTES,
            "next": request.POST.get("next", ""),
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response.render()


@receiver(user_locked_out)
def _paused(sender, request, username, ip_address, **kwargs):
    if address_paused_until(request) is not None:
        summary = "Sign-in paused for a client address after wrong passwords for many accounts"
    else:
        summary = "Sign-in paused after repeated wrong passwords"
    record(
        Action.SIGN_IN_FAILED,
        summary=summary,
        detail={"email": username or "", "paused": True},
    )
