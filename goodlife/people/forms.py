from django import forms

from goodlife.accounts.access import casework_staff
from goodlife.accounts.models import Team, User
from goodlife.people.identifiers import normalise_nhs_number, normalise_phone, normalise_postcode
from goodlife.people.models import NHS_NUMBER_RECORDED, PERSON_DETAILS, Person, Status
from goodlife.people.queries import nhs_number_recorded
from goodlife.ui.fields import checkbox, date_input, text_input, textarea
from goodlife.ui.forms import GovukRadioSelect


class PersonForm(forms.ModelForm):
    """Who the person is, in the order a conversation would find it out."""

    date_of_birth = date_input(
        "Date of birth", required=False, past_only=True, help_text="For example, 27 3 1981"
    )
    # Typed with spaces as printed on NHS letters; stored as ten digits.
    nhs_number = forms.CharField(
        label="NHS number",
        required=False,
        max_length=20,
        help_text="10 digits, for example 943 476 5919",
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-10", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "off"}),
    )
    # Read by ui.versions.edited_version, which refuses anything that is not a version.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = list(PERSON_DETAILS)
        labels = {
            "legal_name": "Full legal name",
            "preferred_name": "Name they like to be called",
            "pronouns": "Pronouns",
            "what_matters": "What matters to me",
            "communication_needs": "How I like to communicate",
            "address": "Address",
            "phone": "Phone number",
            "email": "Email address",
            "team": "Team",
            "allocated_worker": "Allocated worker",
            "status": "Status",
        }
        help_texts = {
            "preferred_name": "Leave blank if it is the same as their legal name",
            "pronouns": "Only if the person has said, for example she/her, they/them",
            "what_matters": "In the person's own words: what a good day looks like, "
            "what they care about, what they want to keep doing",
            "communication_needs": "For example, prefers text messages, needs a BSL "
            "interpreter, easy read, time to think before answering",
            "address": "Do not include the postcode",
        }
        widgets = {
            "legal_name": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "preferred_name": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            "pronouns": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "what_matters": forms.Textarea(attrs={"rows": 5}),
            "communication_needs": forms.Textarea(attrs={"rows": 3}),
            "address": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"class": "govuk-input--width-20", "type": "tel"}),
            "email": forms.EmailInput(attrs={"spellcheck": "false"}),
            "status": GovukRadioSelect(inline=True),
        }
        error_messages = {
            "legal_name": {"required": "Enter the person's full legal name"},
            "team": {
                "required": "Select the team that works with this person",
                "invalid_choice": "Select one of your teams",
            },
            "allocated_worker": {"invalid_choice": "Select a worker from the list"},
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.org"
            },
        }

    def __init__(self, *args, user: User, team_decisions: bool = True, **kwargs):
        """``team_decisions``: whether this worker may change who works with the person
        and whether the record is open (the person's own team may; break-glass may not).
        A person changes team only by a move (people/move.html), never by an edit."""
        super().__init__(*args, **kwargs)
        self.user = user
        adding = self.instance._state.adding
        team_ids = set(user.team_ids) if adding else {self.instance.team_id}
        self.fields["team"].queryset = Team.objects.filter(pk__in=team_ids)
        self.fields["team"].empty_label = None if len(team_ids) == 1 else "Select a team"
        self.fields["allocated_worker"].queryset = (
            casework_staff(User.objects.filter(teams__in=team_ids, is_active=True))
            .distinct()
            .order_by("full_name")
        )
        self.fields["allocated_worker"].empty_label = "Not allocated"
        self.fields["allocated_worker"].label_from_instance = lambda u: (
            f"{u.full_name} ({u.job_title})" if u.job_title else u.full_name
        )
        self.fields["status"].choices = Status.choices
        if adding:
            del self.fields["status"]
            del self.fields["version"]
        else:
            del self.fields["team"]
            if not team_decisions:
                del self.fields["allocated_worker"]
                del self.fields["status"]
            if not self.is_bound:
                self.initial["version"] = self.instance.version

    def clean_legal_name(self):
        name = " ".join(self.cleaned_data["legal_name"].split())
        if not name:
            raise forms.ValidationError("Enter the person's full legal name")
        return name

    def clean_preferred_name(self):
        return " ".join(self.cleaned_data["preferred_name"].split())

    def _normalised(self, name, normalise):
        """Blank stays blank; anything typed is tidied, or refused with the reason."""
        typed = self.cleaned_data[name].strip()
        if not typed:
            return ""
        try:
            return normalise(typed)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_nhs_number(self):
        number = self._normalised("nhs_number", normalise_nhs_number)
        if nhs_number_recorded(number, other_than=self.instance.pk):
            raise forms.ValidationError(NHS_NUMBER_RECORDED)
        return number

    def clean_postcode(self):
        return self._normalised("postcode", normalise_postcode)

    def clean_phone(self):
        return self._normalised("phone", normalise_phone)

    def clean(self):
        cleaned = super().clean()
        team = cleaned.get("team") or (None if self.instance._state.adding else self.instance.team)
        worker = cleaned.get("allocated_worker")
        if team and worker and not worker.teams.filter(pk=team.pk).exists():
            self.add_error(
                "allocated_worker",
                f"{worker.full_name} is not in {team.name}: choose someone who is",
            )
        return cleaned


class ConfirmNewPersonForm(forms.Form):
    not_a_duplicate = checkbox(
        "I have checked these records: this is a different person",
        required="Confirm that this is a different person, or open their record",
    )


class SearchForm(forms.Form):
    q = text_input(
        "Name, NHS number or date of birth",
        help_text="For example, Jane Smith, 943 476 5919 or 14/03/1981",
        max_length=200,
        required="Enter a name, NHS number or date of birth to search for",
    )


class BreakGlassForm(forms.Form):
    reason = textarea(
        "Why do you need to open this record?",
        rows=4,
        help_text="Your reason, your name and the time are recorded, and a manager of the "
        "person's team will review them.",
        max_length=2000,
        required="Enter why you need to open this record",
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if len(reason) < 10:
            raise forms.ValidationError(
                "Give a reason of at least 10 characters, so a manager can understand it"
            )
        return reason


class BreakGlassReviewForm(forms.Form):
    review_note = textarea("Review note (optional)", rows=2, required=False, max_length=2000)


class MoveForm(forms.Form):
    to_team = forms.ModelChoiceField(
        Team.objects.none(),
        label="Which team should take on the record?",
        empty_label="Select a team",
        error_messages={
            "required": "Select the team that should take on the record",
            "invalid_choice": "Select one of the teams in the list",
        },
    )
    reason = forms.CharField(
        label="Why should they take it on?",
        help_text="Their manager reads this before deciding. Say what the person needs "
        "and anything they should know first.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Say why the other team should take on the record",
            "max_length": "Why they should take it on must be 2,000 characters or fewer",
        },
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = Team.objects.exclude(pk=person.team_id)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Say why the other team should take on the record")
        return reason


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("decline", "Decline")])
    note = forms.CharField(
        required=False,
        max_length=300,
        error_messages={"max_length": "The note must be 300 characters or fewer"},
    )
