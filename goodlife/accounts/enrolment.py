"""One-time codes that let a worker set up two-factor sign-in.

A password alone must not be enough to attach a new authenticator app to an account, or
whoever learns a worker's password before they first sign in owns their second factor.
So the set-up page first asks for a code an administrator issued for that worker (in the
administration pages, or ``goodlife enrolment_code`` for the first administrator). The
code is shown once, stored only as a hash, expires after ``GOODLIFE_ENROLMENT_CODE_HOURS``
(24 by default) and works once; a reset after a lost phone needs a new one.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import get_random_string

from goodlife.accounts.models import EnrolmentCode
from goodlife.audit.models import Action
from goodlife.audit.services import record

# No 0/O, 1/I/L: read aloud or copied from a screen without mistakes. 31^12 is about 2^59.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
SESSION_KEY = "goodlife_enrolled"


def normalise(typed: str) -> str:
    return "".join(ch for ch in str(typed).upper() if ch.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def _shown(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def issue(user, *, by) -> tuple[str, datetime.datetime]:
    """A new code for ``user`` (any earlier unused one stops working), and its expiry."""
    code = get_random_string(LENGTH, ALPHABET)
    now = timezone.now()
    expires_at = now + datetime.timedelta(hours=settings.GOODLIFE_ENROLMENT_CODE_HOURS)
    with transaction.atomic():
        EnrolmentCode.objects.filter(user=user, used_at=None, expires_at__gt=now).update(
            expires_at=now
        )
        EnrolmentCode.objects.create(
            user=user, code_hash=_hash(code), issued_by=by, expires_at=expires_at
        )
        record(
            Action.ACCOUNT,
            user=by,
            obj=user,
            summary=f"Issued a two-factor set-up code for {user.email}"[:255],
            detail={"for": user.email, "expires_at": expires_at.isoformat()},
        )
    return _shown(code), expires_at


def redeem(user, typed: str) -> bool:
    """Whether ``typed`` is a live code of this user's; if so, it is used up."""
    wanted = _hash(typed)
    with transaction.atomic():
        live = EnrolmentCode.objects.select_for_update().filter(
            user=user, used_at=None, expires_at__gt=timezone.now()
        )
        for code in live:
            if hmac.compare_digest(code.code_hash, wanted):
                code.used_at = timezone.now()
                code.save(update_fields=["used_at"])
                return True
    return False


def enrolled(request) -> bool:
    """Whether this session gave an enrolment code for its signed-in user."""
    return request.session.get(SESSION_KEY) == str(request.user.pk)


@admin.action(description="Issue a two-factor set-up code", permissions=["change"])
def issue_set_up_codes(modeladmin, request, queryset):
    """The administration pages' action: a code for each chosen worker, shown once."""
    others = [user for user in queryset if user.pk != request.user.pk]
    if len(others) < len(queryset):
        modeladmin.message_user(
            request,
            "You cannot issue a set-up code for your own account: ask another administrator.",
            messages.ERROR,
        )
        if not others:
            return None
    issued = [(user, *issue(user, by=request.user)) for user in others]
    response = TemplateResponse(
        request,
        "admin/accounts/enrolment_codes.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": "Two-factor set-up codes",
            "issued": issued,
            "hours": settings.GOODLIFE_ENROLMENT_CODE_HOURS,
            "opts": modeladmin.model._meta,
        },
    )
    response["Cache-Control"] = "no-store"  # the codes are shown once, never kept
    return response
