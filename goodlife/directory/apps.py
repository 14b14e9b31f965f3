from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "goodlife.directory"
    label = "directory"
    verbose_name = "Community directory"

    def ready(self):
        from goodlife.directory import plugins

        plugins.register_all()
