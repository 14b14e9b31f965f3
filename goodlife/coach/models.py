from django.conf import settings
from django.db import models

from goodlife.fields import timestamp


class Dismissal(models.Model):
    """A worker's decision to keep a flagged wording in one place (a field of a page).

    The coach does not flag it there again for them; it still does elsewhere."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(max_length=300)  # the page's path and the field's name
    phrase = models.CharField(max_length=200)
    text = models.CharField(max_length=200)  # the wording as flagged, lower-cased
    at = timestamp()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "scope", "phrase", "text"], name="one_dismissal_per_wording"
            )
        ]

    def __str__(self):
        return f"{self.phrase} kept at {self.scope}"
