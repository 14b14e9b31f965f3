import re

from django import forms
from django.utils import timezone

from goodlife.coach.forms import CoachedForm
from goodlife.strengths.models import (
    AspirationStatus,
    Frequency,
    IdentifiedBy,
    MemberKind,
    Ring,
    StrengthKind,
    Term,
    Trust,
)
from goodlife.ui.forms import GovukCheckbox, GovukDateField, GovukRadioSelect


class StrengthForm(CoachedForm, forms.Form):
    description = forms.CharField(
        label="The strength, in the person's own words",
        help_text="For example, “I know the name of every Apollo crew”",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the strength, in the person's own words"},
    )
    kind = forms.ChoiceField(
        label="What kind of strength is it?",
        choices=StrengthKind.choices,
        widget=GovukRadioSelect,
        error_messages={"required": "Select what kind of strength it is"},
    )
    identified_by = forms.ChoiceField(
        label="Who named it?",
        choices=IdentifiedBy.choices,
        widget=GovukRadioSelect(inline=True),
        error_messages={"required": "Select who named this strength"},
    )
    identified_on = GovukDateField(
        label="When?",
        error_name="The date it was named",
        past_only=True,
        error_messages={"required": "Enter when the strength was named"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("identified_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class AspirationForm(CoachedForm, forms.Form):
    text = forms.CharField(
        label="What do they hope for, in their own words?",
        help_text="For example, “I want to be an astronaut”",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the person hopes for, in their own words"},
    )
    term = forms.ChoiceField(
        label="Is it for the short or the long term?",
        choices=Term.choices,
        widget=GovukRadioSelect,
        error_messages={"required": "Select short term or long term"},
    )
    interests = forms.CharField(
        label="Interests behind it (optional)",
        help_text="Separate them with commas, for example: space, astronomy, science. "
        "They help find groups and places that fit.",
        required=False,
        max_length=300,
    )

    def clean_interests(self):
        words = [w.strip() for w in re.split(r"[,;\n]", self.cleaned_data["interests"])]
        words = [w for w in words if w]
        too_long = [w for w in words if len(w) > 60]
        if too_long:
            raise forms.ValidationError(
                f"“{too_long[0][:30]}…” is too long for an interest: use a few words"
            )
        return words


class AspirationStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Where is this aspiration now?",
        choices=AspirationStatus.choices,
        widget=GovukRadioSelect,
        error_messages={"required": "Select where the aspiration is now"},
    )


class OfferForm(CoachedForm, forms.Form):
    what = forms.CharField(
        label="What could they share with others?",
        help_text="Skills, knowledge or time, for example "
        "“I could show people how to use a telescope”",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the person could share"},
    )
    when = forms.CharField(
        label="When could they do it? (optional)",
        help_text="For example, Tuesday evenings",
        required=False,
        max_length=200,
    )
    share_with_community = forms.BooleanField(
        label="The person agrees that community groups may be told about this offer",
        required=False,
        widget=GovukCheckbox,
    )


class MemberForm(CoachedForm, forms.Form):
    name = forms.CharField(
        label="Name",
        help_text="A person, a group or a place, for example Jane Baxter or Eastbrook Library",
        max_length=120,
        error_messages={"required": "Enter the name of the person, group or place"},
    )
    kind = forms.ChoiceField(
        label="Who or what are they?",
        choices=MemberKind.choices,
        widget=GovukRadioSelect,
        error_messages={"required": "Select who or what they are"},
    )
    relationship = forms.CharField(
        label="How are they connected? (optional)",
        help_text="For example, sister, next-door neighbour, GP",
        required=False,
        max_length=120,
    )
    ring = forms.TypedChoiceField(
        label="How close are they?",
        choices=Ring.choices,
        coerce=int,
        widget=GovukRadioSelect,
        error_messages={"required": "Select how close they are"},
    )
    frequency = forms.ChoiceField(
        label="How often are they in touch?",
        choices=Frequency.choices,
        widget=GovukRadioSelect,
        error_messages={"required": "Select how often they are in touch"},
    )
    gives = forms.CharField(
        label="What do they give? (optional)",
        help_text="For example, a lift to church on Sundays",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    receives = forms.CharField(
        label="What do they get from the person? (optional)",
        help_text="Support can go both ways, for example “Tom fixes her computer”",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    trusted = forms.ChoiceField(
        label="Does the person trust them to talk to?",
        choices=Trust.choices,
        widget=GovukRadioSelect(inline=True),
        error_messages={"required": "Select whether the person trusts them to talk to"},
    )

    def __init__(self, *args, person=None, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person, self.member = person, member

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if self.person is not None:
            others = self.person.network.filter(retired_at__isnull=True, name__iexact=name)
            if self.member is not None:
                others = others.exclude(pk=self.member.pk)
            if others.exists():
                raise forms.ValidationError(
                    f"{name} is already on the map: change their entry instead"
                )
        return name


class RetireForm(CoachedForm, forms.Form):
    reason = forms.CharField(
        label="Why?",
        help_text="It stays on the record, marked as no longer current",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter why"},
    )
