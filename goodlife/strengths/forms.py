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
from goodlife.ui.fields import checkbox, date_input, radios, text_input, textarea


class StrengthForm(CoachedForm, forms.Form):
    description = textarea(
        "The strength, in the person's own words",
        rows=3,
        help_text="For example, “I know the name of every Apollo crew”",
        required="Enter the strength, in the person's own words",
    )
    kind = radios(
        "What kind of strength is it?",
        StrengthKind.choices,
        required="Select what kind of strength it is",
    )
    identified_by = radios(
        "Who named it?",
        IdentifiedBy.choices,
        inline=True,
        required="Select who named this strength",
    )
    identified_on = date_input(
        "When?",
        error_name="The date it was named",
        past_only=True,
        required="Enter when the strength was named",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("identified_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class AspirationForm(CoachedForm, forms.Form):
    text = textarea(
        "What do they hope for, in their own words?",
        rows=3,
        help_text="For example, “I want to be an astronaut”",
        required="Enter what the person hopes for, in their own words",
    )
    term = radios(
        "Is it for the short or the long term?",
        Term.choices,
        required="Select short term or long term",
    )
    interests = text_input(
        "Interests behind it (optional)",
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
    status = radios(
        "Where is this aspiration now?",
        AspirationStatus.choices,
        required="Select where the aspiration is now",
    )


class OfferForm(CoachedForm, forms.Form):
    what = textarea(
        "What could they share with others?",
        rows=3,
        help_text="Skills, knowledge or time, for example "
        "“I could show people how to use a telescope”",
        required="Enter what the person could share",
    )
    when = text_input(
        "When could they do it? (optional)",
        help_text="For example, Tuesday evenings",
        required=False,
        max_length=200,
    )
    share_with_community = checkbox(
        "The person agrees that community groups may be told about this offer", required=False
    )


class MemberForm(CoachedForm, forms.Form):
    name = text_input(
        "Name",
        help_text="A person, a group or a place, for example Jane Baxter or Eastbrook Library",
        max_length=120,
        required="Enter the name of the person, group or place",
    )
    kind = radios(
        "Who or what are they?", MemberKind.choices, required="Select who or what they are"
    )
    relationship = text_input(
        "How are they connected? (optional)",
        help_text="For example, sister, next-door neighbour, GP",
        required=False,
        max_length=120,
    )
    ring = radios(
        "How close are they?", Ring.choices, coerce=int, required="Select how close they are"
    )
    frequency = radios(
        "How often are they in touch?",
        Frequency.choices,
        required="Select how often they are in touch",
    )
    gives = textarea(
        "What do they give? (optional)",
        rows=2,
        help_text="For example, a lift to church on Sundays",
        required=False,
    )
    receives = textarea(
        "What do they get from the person? (optional)",
        rows=2,
        help_text="Support can go both ways, for example “Tom fixes her computer”",
        required=False,
    )
    trusted = radios(
        "Does the person trust them to talk to?",
        Trust.choices,
        inline=True,
        required="Select whether the person trusts them to talk to",
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


def suggested_member(params) -> dict:
    """The add form's first values from its address, as a suggestion on the network map
    links to it (``?name=Jane&relationship=sister&kind=family``). Each is taken only if the
    form would accept it; anything else (too long, unprintable, a kind there is not) is
    left out, and the worker still checks and saves the form."""
    initial = {}
    for name in ("name", "relationship"):
        value = params.get(name)
        if not isinstance(value, str):
            continue
        value = " ".join(value.split())
        limit = MemberForm.base_fields[name].max_length
        if value and len(value) <= limit and value.isprintable() and "\ufffd" not in value:
            initial[name] = value
    if params.get("kind") in MemberKind.values:
        initial["kind"] = params["kind"]
    return initial


class RetireForm(CoachedForm, forms.Form):
    reason = textarea(
        "Why?",
        rows=2,
        help_text="It stays on the record, marked as no longer current",
        required="Enter why",
    )
