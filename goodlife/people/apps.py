from django.apps import AppConfig


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
        panels.register(
            panels.PersonPanel(
                "recent", "people/_recent_activity_panel.html", recent_activity_panel, order=90
            )
        )
