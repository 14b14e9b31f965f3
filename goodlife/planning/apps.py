from goodlife.ui import apps_base


class PlanningConfig(apps_base.PluginAppConfig):
    name = "goodlife.planning"
    label = "planning"
    verbose_name = "Ideas, outcomes and plans"
