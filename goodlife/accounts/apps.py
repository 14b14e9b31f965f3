from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "goodlife.accounts"
    label = "accounts"
    verbose_name = "Accounts and teams"
