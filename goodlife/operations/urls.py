from django.urls import path

from goodlife.operations import views

app_name = "health"

urlpatterns = [
    path("health/live", views.live, name="live"),
    path("health/ready", views.ready, name="ready"),
]
