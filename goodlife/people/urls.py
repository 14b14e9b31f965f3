from django.urls import path

from goodlife.people import views

app_name = "people"

urlpatterns = [
    path("", views.my_caseload, name="my-caseload"),
    path("team/", views.team, name="team"),
    path("search/", views.search, name="search"),
    path("add/", views.add, name="add"),
    path("break-glass/", views.break_glass_reviews, name="break-glass-reviews"),
    path(
        "break-glass/<uuid:grant_id>/review/",
        views.review_break_glass,
        name="review-break-glass",
    ),
    path("requests/", views.team_requests, name="team-requests"),
    path("moves/<uuid:move_id>/decide/", views.decide_move, name="decide-move"),
    path("moves/<uuid:move_id>/withdraw/", views.withdraw_move, name="withdraw-move"),
    path("joining/<int:request_id>/decide/", views.decide_joining, name="decide-joining"),
    path("<uuid:person_id>/", views.overview, name="overview"),
    path("<uuid:person_id>/move/", views.move, name="move"),
    path("<uuid:person_id>/edit/", views.edit, name="edit"),
    path("<uuid:person_id>/timeline/", views.person_timeline, name="timeline"),
    path("<uuid:person_id>/who-has-looked/", views.access_log, name="access-log"),
    path("<uuid:person_id>/break-glass/", views.break_glass, name="break-glass"),
]
