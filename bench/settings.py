"""Goodlife's settings plus the calibration page: used only by the benchmarks."""

from goodlife.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
