"""Goodlife's settings plus what only the benchmarks have: the calibration page and the
benchmark data generator (`goodlife bench seed`, bench/scale/)."""

from goodlife.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench.scale"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
