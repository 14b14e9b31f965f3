from django.db import models
from django.utils import timezone


class SentForm(models.Model):
    """A create form that was sent and saved: its one-time token, whose it was, where it led.

    The unique token is what stops a double click, or the same form sent twice at once,
    from saving twice (``ui.once``). Rows older than a token's lifetime are removed.
    """

    token = models.CharField(max_length=64, unique=True)
    # A plain id, as the audit trail keeps one: ui depends on no other app.
    user_id = models.UUIDField()
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    result = models.CharField(max_length=2000, blank=True)

    def __str__(self):
        return f"{self.token} → {self.result or '(saving)'}"
