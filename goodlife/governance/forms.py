from django import forms

from goodlife.audit.models import Action
from goodlife.ui.fields import date_input


class TrailFilterForm(forms.Form):
    """What to look for in the audit trail. Every filter is optional."""

    person = forms.UUIDField(
        label="Person's record id",
        required=False,
        help_text="The id in the address of the person's page, "
        "like 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed",
        error_messages={"invalid": "Enter a record id like 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    account = forms.CharField(
        label="Member of staff's email address",
        required=False,
        max_length=254,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    action = forms.ChoiceField(
        label="What they did",
        required=False,
        choices=[("", "Anything"), *Action.choices],
    )
    since = date_input("From", required=False, error_name="The 'from' date")
    until = date_input("To", required=False, error_name="The 'to' date")

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The 'to' date must be the same as or after the 'from' date")
        return cleaned
