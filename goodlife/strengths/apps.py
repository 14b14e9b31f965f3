from django.apps import AppConfig


class StrengthsConfig(AppConfig):
    name = "goodlife.strengths"
    label = "strengths"
    verbose_name = "Strengths, aspirations and network"

    def ready(self):
        from goodlife.strengths import plugins

        plugins.register_all()
