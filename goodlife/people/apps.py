from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PeopleConfig(AppConfig):
    name = "goodlife.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from goodlife.people import (
            navigation,  # noqa: F401 - registers menu items
            panels,
            plugins,
            timeline,
        )
        from goodlife.people.views import recent_activity_panel

        timeline.register(plugins.details_source())
        post_migrate.connect(
            lambda sender, **kwargs: timeline.fill_if_empty(), sender=self, weak=False
        )
        panels.register(
            panels.PersonPanel(
                "recent", "people/_recent_activity_panel.html", recent_activity_panel, order=90
            )
        )
