from goodlife.ui import apps_base


class WellbeingConfig(apps_base.PluginAppConfig):
    name = "goodlife.wellbeing"
    label = "wellbeing"
    verbose_name = "Wellbeing (WELL12)"
