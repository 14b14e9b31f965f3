from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "goodlife.accounts"
    label = "accounts"
    verbose_name = "Accounts and teams"

    def ready(self):
        from goodlife.accounts import (  # noqa: F401 - signals
            privileged,  # audits every privileged act on an account
            sessions,  # times each sign-in's session
            throttle,  # audits a paused sign-in
        )
