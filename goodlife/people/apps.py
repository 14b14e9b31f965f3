from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "goodlife.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from goodlife.people import navigation  # noqa: F401 - registers menu items
