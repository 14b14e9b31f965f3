from django.urls import path

from goodlife.wellbeing import views

app_name = "wellbeing"

urlpatterns = [
    path("wellbeing/well12/blank/", views.blank, name="blank"),
    path("wellbeing/team/", views.team, name="team"),
    path("people/<uuid:person_id>/wellbeing/", views.progression_page, name="progression"),
    path("people/<uuid:person_id>/wellbeing/well12/new/", views.record, name="record"),
    path(
        "people/<uuid:person_id>/wellbeing/well12/<uuid:response_id>/",
        views.detail,
        name="detail",
    ),
    path(
        "people/<uuid:person_id>/wellbeing/well12/<uuid:response_id>/amend/",
        views.amend,
        name="amend",
    ),
]
