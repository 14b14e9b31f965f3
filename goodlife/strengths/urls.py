from django.urls import path

from goodlife.strengths import views

app_name = "strengths"

P = "people/<uuid:person_id>/"

urlpatterns = [
    path(P + "strengths/", views.profile, name="profile"),
    path(P + "strengths/add/", views.add_strength, name="add-strength"),
    path(P + "aspirations/add/", views.add_aspiration, name="add-aspiration"),
    path(
        P + "aspirations/<uuid:entry_id>/status/", views.aspiration_status, name="aspiration-status"
    ),
    path(P + "offers/add/", views.add_offer, name="add-offer"),
    path(P + "<str:kind>/<uuid:entry_id>/retire/", views.retire, name="retire"),
    path(P + "network/", views.network_page, name="network"),
    path(P + "network/add/", views.add_member, name="add-member"),
    path(P + "network/<uuid:member_id>/edit/", views.edit_member, name="edit-member"),
    path(P + "network/<uuid:member_id>/remove/", views.remove_member, name="remove-member"),
    path(P + "about-me/", views.about_me, name="about-me"),
]
