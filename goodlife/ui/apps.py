from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "goodlife.ui"
    label = "ui"
    verbose_name = "User interface"
