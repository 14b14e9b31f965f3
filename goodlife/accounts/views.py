from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from goodlife.accounts import home as home_pages
from goodlife.accounts.access import PUBLIC, SIGNED_IN, access
from goodlife.accounts.forms import SignInForm
from goodlife.accounts.sessions import IDLE, TIMED_OUT
from goodlife.accounts.typed_work import OWNER_COOKIE
from goodlife.ui.http import post_only


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        timed_out = self.request.session.get(TIMED_OUT)
        if timed_out and timed_out.get("why") == IDLE:
            context["timed_out"] = (
                f"You were signed out after {settings.GOODLIFE_SESSION_IDLE_MINUTES} "
                "minutes without using Goodlife."
            )
        elif timed_out:
            context["timed_out"] = (
                f"You were signed out because you had been signed in for "
                f"{settings.GOODLIFE_SESSION_MAX_HOURS} hours."
            )
        return context


sign_in = access(PUBLIC)(SignInView.as_view())


@post_only
@access(SIGNED_IN)
def sign_out(request):
    """Sign out (POST only): the session goes, and with it anything this browser held."""
    response = auth_views.LogoutView.as_view()(request)
    response.delete_cookie(OWNER_COOKIE, samesite="Lax")
    return response


@access(SIGNED_IN)
def home(request):
    """Send each role to the home page an app registered for it, or say what is here."""
    url_name = home_pages.url_name_for(request.user.role)
    if url_name:
        return redirect(url_name)
    return TemplateResponse(request, "accounts/home.html", {})
