"""Sign-in pauses after repeated wrong passwords (django-axes does the counting).

Counted per email address and client address together, so guessing one worker's password
is slowed to a few tries an hour while that worker can still sign in from their own desk.
The settings are in goodlife/settings.py (SIGN_IN_ATTEMPTS, SIGN_IN_PAUSE_MINUTES).
"""

from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver
from django.template.response import TemplateResponse
from django.utils import timezone

from goodlife.accounts.forms import SignInForm
from goodlife.audit.models import Action
from goodlife.audit.services import record


def email_of(request, credentials) -> str:
    """The typed email address as the count knows it: case and spaces do not make a new
    address to guess against (sign-in itself ignores case too)."""
    typed = (credentials or {}).get("username") or request.POST.get("username") or ""
    return str(typed).strip().lower()[:254]


def paused(request, original_response=None, credentials=None):
    """The sign-in page again, saying why and until when, with the email address kept."""
    typed = email_of(request, credentials)
    until = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    response = TemplateResponse(
        request,
        "accounts/sign_in.html",
        {
            "form": SignInForm(request, initial={"username": typed}),
            "paused_until": until,
            "attempts": settings.AXES_FAILURE_LIMIT,
            "next": request.POST.get("next", ""),
        },
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response.render()


@receiver(user_locked_out)
def _paused(sender, request, username, ip_address, **kwargs):
    record(
        Action.SIGN_IN_FAILED,
        summary="Sign-in paused after repeated wrong passwords",
        detail={"email": username or "", "paused": True},
    )
