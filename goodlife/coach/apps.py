from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "goodlife.coach"
    verbose_name = "Language coach"
