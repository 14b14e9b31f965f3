from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "goodlife.operations"
    label = "operations"
    verbose_name = "Operations"
