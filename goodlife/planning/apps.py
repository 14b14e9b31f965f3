from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "goodlife.planning"
    label = "planning"
    verbose_name = "Ideas, outcomes and plans"

    def ready(self):
        from goodlife.planning import plugins

        plugins.register_all()
