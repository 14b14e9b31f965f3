from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "goodlife.practice"
    label = "practice"
    verbose_name = "Conversations"

    def ready(self):
        from goodlife.practice import plugins

        plugins.register_all()
