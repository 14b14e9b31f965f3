from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from goodlife.audit.models import Action
from goodlife.audit.services import record


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    record(Action.SIGN_IN, user=user, summary="Signed in")


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(Action.SIGN_OUT, user=user, summary="Signed out")


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django masks secrets in ``credentials``; keep only the address that was typed.
    typed = str(credentials.get("username") or credentials.get("email") or "")[:254]
    record(Action.SIGN_IN_FAILED, summary="Failed sign-in", detail={"email": typed})
