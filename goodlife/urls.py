from django.contrib import admin
from django.urls import include, path

from goodlife.accounts.views import home

admin.site.site_header = "Goodlife administration"
admin.site.site_title = "Goodlife administration"

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("goodlife.accounts.urls")),
    path("people/", include("goodlife.people.urls")),
    path("", include("goodlife.practice.urls")),
    path("", include("goodlife.wellbeing.urls")),
    path("", include("goodlife.strengths.urls")),
    path("", include("goodlife.directory.urls")),
    path("", include("goodlife.planning.urls")),
    path("", include("goodlife.coach.urls")),
    path("governance/", include("goodlife.governance.urls")),
    path("admin/", admin.site.urls),
    path("", include("goodlife.operations.urls")),
]

# 503 with Retry-After when the database is unavailable, Django's 500 page otherwise.
handler500 = "goodlife.operations.errors.server_error"
