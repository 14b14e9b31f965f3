"""The AppConfig of an app that plugs into others (panels, timeline, navigation, demo)."""

from importlib import import_module

from django.apps import AppConfig


class PluginAppConfig(AppConfig):
    """Calls the app's ``plugins.register_all()`` once every app is loaded. Subclass it as
    ``apps_base.PluginAppConfig``: Django takes the one AppConfig class an ``apps.py`` names,
    and would find two if this one were imported by name."""

    def ready(self):
        import_module(f"{self.name}.plugins").register_all()
