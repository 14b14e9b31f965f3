from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "goodlife.accounts"
    label = "accounts"
    verbose_name = "Accounts and teams"

    def ready(self):
        from goodlife.accounts import (
            sessions,  # noqa: F401 - times each sign-in's session
            throttle,  # noqa: F401 - audits a paused sign-in
        )
