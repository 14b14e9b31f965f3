from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from goodlife.accounts import home as home_pages
from goodlife.accounts.access import PUBLIC, SIGNED_IN, access
from goodlife.accounts.forms import SignInForm

sign_in = access(PUBLIC)(
    auth_views.LoginView.as_view(
        template_name="accounts/sign_in.html",
        authentication_form=SignInForm,
        redirect_authenticated_user=True,
    )
)

sign_out = access(SIGNED_IN)(auth_views.LogoutView.as_view())


@access(SIGNED_IN)
def home(request):
    """Send each role to the home page an app registered for it, or say what is here."""
    url_name = home_pages.url_name_for(request.user.role)
    if url_name:
        return redirect(url_name)
    return TemplateResponse(request, "accounts/home.html", {})
