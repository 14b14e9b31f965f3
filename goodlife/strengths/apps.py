from goodlife.ui import apps_base


class StrengthsConfig(apps_base.PluginAppConfig):
    name = "goodlife.strengths"
    label = "strengths"
    verbose_name = "Strengths, aspirations and network"
