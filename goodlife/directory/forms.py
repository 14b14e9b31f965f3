import datetime
import re

from django import forms

from goodlife.directory import anonymity
from goodlife.directory.models import DAYS, OFFERINGS
from goodlife.directory.needs import names_on_record, neighbourhoods_named
from goodlife.directory.search import ACCESS_NEEDS
from goodlife.ui.forms import GovukCheckbox, GovukRadioSelect

THEMES = (
    ("social", "Company and friendship"),
    ("active", "Being active"),
    ("learning", "Learning and skills"),
    ("work", "Work and volunteering"),
    ("interests", "Hobbies and interests"),
    ("transport", "Getting about"),
    ("home", "Home and daily living"),
    ("carers", "Support for carers"),
    ("other", "Something else"),
)


class CheckboxSelect(forms.CheckboxSelectMultiple):
    template_name = "ui/widgets/checkboxes.html"
    option_template_name = "ui/widgets/checkbox_option.html"


def parse_time(text: str) -> datetime.time:
    """Times as people write them: 19:00, 7pm, 7.30pm, 10am."""
    cleaned = text.strip().lower().replace(".", ":").replace(" ", "")
    suffix = cleaned[-2:] if cleaned[-2:] in ("am", "pm") else ""
    digits = cleaned[:-2] if suffix else cleaned
    hours, _, minutes = digits.partition(":")
    # ASCII digits only, and few of them: "²".isdigit() is true but int() refuses it.
    if not re.fullmatch(r"[0-9]{1,2}", hours) or (
        minutes and not re.fullmatch(r"[0-9]{1,2}", minutes)
    ):
        raise forms.ValidationError("Enter a time like 19:00 or 7pm")
    h, m = int(hours), int(minutes or 0)
    if suffix:
        if not 1 <= h <= 12:
            raise forms.ValidationError("Enter a time like 19:00 or 7pm")
        h = h % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= h < 24 and 0 <= m < 60):
        raise forms.ValidationError("Enter a real time, like 19:00 or 7pm")
    return datetime.time(h, m)


class SearchForm(forms.Form):
    q = forms.CharField(
        label="What are you looking for?",
        required=False,
        max_length=200,
        help_text="For example, walking group, astronomy, lunch club",
    )
    free = forms.BooleanField(label="Free only", required=False, widget=GovukCheckbox)
    offering = forms.ChoiceField(
        label="Strengths it builds", required=False, choices=[("", "Any"), *OFFERINGS]
    )
    day = forms.ChoiceField(label="Day", required=False, choices=[("", "Any day"), *DAYS])
    time = forms.CharField(
        label="Time (optional)",
        required=False,
        max_length=10,
        help_text="For example, 7pm",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    near = forms.CharField(
        label="Near a postcode or place",
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    within = forms.TypedChoiceField(
        label="Within",
        required=False,
        coerce=float,
        empty_value=None,
        choices=[("", "Any distance"), ("1", "1 mile"), ("2", "2 miles"), ("5", "5 miles")],
    )
    access = forms.MultipleChoiceField(
        label="Access needs",
        required=False,
        widget=CheckboxSelect,
        choices=[(k, label) for k, (label, _) in ACCESS_NEEDS.items()],
    )

    def clean_time(self):
        text = self.cleaned_data["time"]
        return parse_time(text) if text.strip() else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("time") and not cleaned.get("day"):
            self.add_error("day", "Choose a day to search by time")
        return cleaned


class ServiceForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=300, error_messages={"required": "Enter the name of the resource"}
    )
    organization_name = forms.CharField(
        label="Organisation that runs it (optional)", required=False, max_length=300
    )
    description = forms.CharField(
        label="What happens there",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter what happens there"},
    )
    offerings = forms.MultipleChoiceField(
        label="Strengths it builds (the five ways to wellbeing)",
        required=False,
        choices=OFFERINGS,
        widget=CheckboxSelect,
    )
    is_free = forms.BooleanField(label="It is free", required=False, widget=GovukCheckbox)
    fees = forms.CharField(
        label="Cost (optional)",
        required=False,
        max_length=300,
        help_text="For example, £2 a session, tea included",
    )
    days = forms.MultipleChoiceField(
        label="Days it runs (optional)", required=False, choices=DAYS, widget=CheckboxSelect
    )
    opens_at = forms.CharField(
        label="From (optional)",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    closes_at = forms.CharField(
        label="Until (optional)",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    eligibility = forms.CharField(
        label="Who it is for (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    place_name = forms.CharField(label="Place name (optional)", required=False, max_length=300)
    address = forms.CharField(
        label="Address (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    postcode = forms.CharField(
        label="Postcode (optional)",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    latitude = forms.FloatField(
        label="Latitude (optional)",
        required=False,
        min_value=-90,
        max_value=90,
        error_messages={"invalid": "Latitude must be a number, like 52.6369"},
    )
    longitude = forms.FloatField(
        label="Longitude (optional)",
        required=False,
        min_value=-180,
        max_value=180,
        error_messages={"invalid": "Longitude must be a number, like -1.1398"},
    )
    accessibility = forms.CharField(
        label="Access (optional)",
        required=False,
        help_text="For example, step-free entrance, hearing loop",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    url = forms.URLField(
        label="Website (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address like https://example.org"},
    )
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.org"
        },
    )
    phone = forms.CharField(label="Phone (optional)", required=False, max_length=40)
    terms = forms.CharField(
        label="Topics (optional)",
        required=False,
        max_length=300,
        help_text="Separate with commas, for example: astronomy, science",
    )

    def _time(self, name):
        text = self.cleaned_data[name]
        return parse_time(text) if text.strip() else None

    def clean_opens_at(self):
        return self._time("opens_at")

    def clean_closes_at(self):
        return self._time("closes_at")

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The end time must be after the start time")
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", "Enter both latitude and longitude, or neither")
        return cleaned

    def values(self) -> dict:
        d = self.cleaned_data
        offerings = set(d["offerings"])
        return {
            "name": d["name"],
            "organization_name": d["organization_name"],
            "description": d["description"],
            "url": d["url"],
            "email": d["email"],
            "phone": d["phone"],
            "fees": d["fees"],
            "is_free": d["is_free"],
            "eligibility": d["eligibility"],
            **{f"offers_{key}": key in offerings for key, _ in OFFERINGS},
            "days": d["days"],
            "opens_at": d["opens_at"],
            "closes_at": d["closes_at"],
            "location": {
                "name": d["place_name"],
                "address": d["address"],
                "postcode": d["postcode"].upper(),
                "latitude": d["latitude"],
                "longitude": d["longitude"],
                "accessibility": d["accessibility"],
            },
            "terms": [t.strip().lower() for t in d["terms"].split(",") if t.strip()],
        }


class UnmetNeedForm(forms.Form):
    what = forms.CharField(
        label="What is missing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, no astronomy group within 5 miles that meets in the day",
        error_messages={"required": "Enter what is missing"},
    )
    theme = forms.ChoiceField(
        label="Theme",
        choices=THEMES,
        widget=GovukRadioSelect,
        error_messages={"required": "Select a theme"},
    )
    area = forms.CharField(
        label="Area",
        max_length=60,
        help_text="A postcode district or neighbourhood, for example EB1: not an address or a "
        "full postcode",
        error_messages={"required": "Enter the area"},
    )

    def __init__(self, *args, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_what(self):
        what = self.cleaned_data["what"].strip()
        found = anonymity.identifiers_in(what, names=names_on_record(self.person))
        if found:
            raise forms.ValidationError(anonymity.advice(found))
        return what

    def clean_area(self):
        typed = self.cleaned_data["area"]
        try:
            return anonymity.area_of(typed, neighbourhoods=neighbourhoods_named(typed))
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
