from django.urls import path

from goodlife.practice import views

app_name = "practice"

urlpatterns = [
    path("my-work/", views.my_work, name="my-work"),
    path("people/<uuid:person_id>/episodes/new/", views.open_episode, name="episode-new"),
    path("people/<uuid:person_id>/episodes/<uuid:episode_id>/", views.episode, name="episode"),
    path(
        "people/<uuid:person_id>/episodes/<uuid:episode_id>/conversation/",
        views.move,
        name="move",
    ),
    path("people/<uuid:person_id>/episodes/<uuid:episode_id>/close/", views.close, name="close"),
    path(
        "people/<uuid:person_id>/episodes/<uuid:episode_id>/records/new/",
        views.record_new,
        name="record-new",
    ),
    path("people/<uuid:person_id>/records/<uuid:record_id>/", views.record_detail, name="record"),
    path(
        "people/<uuid:person_id>/records/<uuid:record_id>/edit/",
        views.record_edit,
        name="record-edit",
    ),
    path(
        "people/<uuid:person_id>/records/<uuid:record_id>/discard/",
        views.record_discard,
        name="record-discard",
    ),
    path(
        "people/<uuid:person_id>/records/<uuid:record_id>/amend/",
        views.record_amend,
        name="record-amend",
    ),
    path("people/<uuid:person_id>/holding-support/new/", views.holding_new, name="holding-new"),
    path(
        "people/<uuid:person_id>/holding-support/<uuid:holding_id>/review/",
        views.holding_review,
        name="holding-review",
    ),
]
