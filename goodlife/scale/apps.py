from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "goodlife.scale"
    verbose_name = "Scale: synthetic data for benchmarks"
