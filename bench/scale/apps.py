from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "bench.scale"
    verbose_name = "Scale: synthetic data for benchmarks"
