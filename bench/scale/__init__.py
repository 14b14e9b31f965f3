"""Synthetic benchmark data: `goodlife bench seed`, installed by the benchmark and test
settings only (bench/settings.py, tests/settings.py), never in production."""
