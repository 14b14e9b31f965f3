from django.db import models

from goodlife.fields import staff_member


class Action(models.TextChoices):
    VIEW = "view", "Viewed"
    SEARCH = "search", "Searched"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
    SIGN_OUT = "sign_out", "Signed out"
    ACCESS_REFUSED = "access_refused", "Access refused"
    BREAK_GLASS = "break_glass", "Break-glass access"
    CONFLICT = "conflict", "Edit refused: changed by someone else"
    NOT_FOUND = "not_found", "Not found"
    FAILED = "failed", "Request failed"
    # Privileged acts: accounts, roles, team membership, passwords, two-factor devices,
    # sign-in pauses lifted, and every administration page used.
    ACCOUNT = "account", "Staff account changed"
    ADMIN = "admin", "Used the administration pages"
    AUDIT_READ = "audit_read", "Read the audit trail"


class AuditEvent(models.Model):
    """One thing someone did or tried to do. Append-only: never updated, never deleted.

    ``person_id`` is the person whose record was involved. It is a plain UUID rather than
    a foreign key so the audit trail depends on nothing above it and outlives any record.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = staff_member(optional=True)
    # Copied at the time of the event: a role or name can change later.
    user_label = models.CharField(max_length=254, blank=True)
    role = models.CharField(max_length=32, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices)
    person_id = models.UUIDField(null=True, blank=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    summary = models.CharField(max_length=255, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    path = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["person_id", "-at"], name="audit_person_at"),
            models.Index(fields=["user", "-at"], name="audit_user_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_label} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only")
