from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Sign in by email. A failure never says whether the email or the password was wrong."""

    error_messages = {
        "invalid_login": ("The email address or password is not right. Check them and try again."),
        "inactive": "The email address or password is not right. Check them and try again.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"] = forms.EmailField(
            label="Email address",
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
            error_messages={
                "required": "Enter your email address",
                "invalid": "Enter an email address in the correct format, like name@example.org",
            },
        )
        self.fields["password"].label = "Password"
        self.fields["password"].error_messages = {"required": "Enter your password"}
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
