"""Model fields that many of Goodlife's tables share, each written once.

Every helper returns the field the models used to spell out in full, with the same
arguments, so the migrations see no change. This module imports no Goodlife app: any
app's models may use it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


def uuid_key():
    """A primary key that is a random UUID, set once and never edited."""
    return models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)


def staff_member(*, optional=False, related_name="+"):
    """The member of staff who did something; an account a row names is never deleted.
    ``optional``: the row may name nobody (no one has done it yet)."""
    if optional:
        return models.ForeignKey(
            settings.AUTH_USER_MODEL,
            null=True,
            blank=True,
            on_delete=models.PROTECT,
            related_name=related_name,
        )
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name=related_name
    )


def timestamp():
    """When something happened: the moment the row is made, unless it is given."""
    return models.DateTimeField(default=timezone.now)
