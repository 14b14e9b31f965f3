from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from goodlife.accounts.access import CASEWORK_ROLES, PUBLIC, SIGNED_IN, access
from goodlife.accounts.forms import SignInForm
from goodlife.accounts.models import Role

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
    """Send practitioners to their caseload and managers to their team; tell everyone else
    what is here for them."""
    if request.user.role == Role.TEAM_MANAGER:
        return redirect("people:team")
    if request.user.role in CASEWORK_ROLES:
        return redirect("people:my-caseload")
    return TemplateResponse(request, "accounts/home.html", {})
