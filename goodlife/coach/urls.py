from django.urls import path

from goodlife.coach import views

app_name = "coach"

urlpatterns = [
    path("language/check/", views.check, name="check"),
    path("language/keep/", views.keep, name="keep"),
]
