from goodlife.ui import apps_base


class DirectoryConfig(apps_base.PluginAppConfig):
    name = "goodlife.directory"
    label = "directory"
    verbose_name = "Community directory"
