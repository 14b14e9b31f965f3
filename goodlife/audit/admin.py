from django.contrib import admin

from goodlife.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail cannot be changed from the application."""

    list_display = ["at", "user_label", "role", "action", "summary", "person_id", "ip_address"]
    list_filter = ["action", "role"]
    search_fields = ["user_label", "summary", "=person_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
