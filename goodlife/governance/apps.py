from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "goodlife.governance"
    label = "governance"
    verbose_name = "Information governance"

    def ready(self):
        from goodlife.accounts import home
        from goodlife.accounts.access import READ_AUDIT_TRAIL
        from goodlife.accounts.models import Role
        from goodlife.ui.navigation import NavItem, register

        register(
            NavItem(
                "Audit trail",
                "governance:audit-trail",
                READ_AUDIT_TRAIL.allows,
                order=90,
            )
        )
        home.register(Role.INFORMATION_GOVERNANCE, "governance:audit-trail", priority=10)
