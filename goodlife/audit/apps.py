from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "goodlife.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from goodlife.audit import signals  # noqa: F401 - connects sign-in receivers
