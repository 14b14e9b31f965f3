from goodlife.ui import apps_base


class PracticeConfig(apps_base.PluginAppConfig):
    name = "goodlife.practice"
    label = "practice"
    verbose_name = "Conversations"
