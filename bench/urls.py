"""The product's pages plus the calibration page, which exists only in the benchmark."""

from django.urls import include, path

from bench.calibration import calibration

urlpatterns = [
    path("bench/calibration/", calibration),
    path("", include("goodlife.urls")),
]
