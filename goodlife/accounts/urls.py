from django.urls import path

from goodlife.accounts import two_factor, views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("two-factor/", two_factor.two_factor, name="two-factor"),
    path("two-factor/set-up/", two_factor.set_up, name="two-factor-set-up"),
]
