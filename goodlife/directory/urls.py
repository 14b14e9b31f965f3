from django.urls import path

from goodlife.directory import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.directory_search, name="search"),
    path("directory/services/new/", views.service_new, name="service-new"),
    path("directory/services/<uuid:service_id>/", views.service_detail, name="service"),
    path("directory/services/<uuid:service_id>/edit/", views.service_edit, name="service-edit"),
    path(
        "directory/services/<uuid:service_id>/checked/",
        views.service_checked,
        name="service-checked",
    ),
    path("directory/stale/", views.stale, name="stale"),
    path("directory/unmet-needs/", views.unmet_needs, name="unmet-needs"),
    path("people/<uuid:person_id>/suggestions/", views.suggestions, name="suggestions"),
    path("openreferral/services", views.openreferral_services, name="oruk-services"),
    path(
        "openreferral/services/<uuid:service_id>", views.openreferral_service, name="oruk-service"
    ),
]
