from django.apps import AppConfig


class WellbeingConfig(AppConfig):
    name = "goodlife.wellbeing"
    label = "wellbeing"
    verbose_name = "Wellbeing (WELL12)"

    def ready(self):
        from goodlife.wellbeing import plugins

        plugins.register_all()
