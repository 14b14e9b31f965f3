import datetime
import re

from django import forms

from goodlife.directory import anonymity
from goodlife.directory.models import DAYS, OFFERINGS
from goodlife.directory.needs import names_on_record, neighbourhoods_named
from goodlife.directory.search import ACCESS_NEEDS
from goodlife.ui.fields import checkbox, checkboxes, radios, text_input, textarea

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


def _coordinate(name: str, limit: int, *, example: str) -> forms.FloatField:
    """An optional latitude or longitude, from -limit to limit degrees."""
    return forms.FloatField(
        label=f"{name} (optional)",
        required=False,
        min_value=-limit,
        max_value=limit,
        error_messages={"invalid": f"{name} must be a number, like {example}"},
    )


class SearchForm(forms.Form):
    q = text_input(
        "What are you looking for?",
        required=False,
        max_length=200,
        help_text="For example, walking group, astronomy, lunch club",
    )
    free = checkbox("Free only", required=False)
    offering = forms.ChoiceField(
        label="Strengths it builds", required=False, choices=[("", "Any"), *OFFERINGS]
    )
    day = forms.ChoiceField(label="Day", required=False, choices=[("", "Any day"), *DAYS])
    time = text_input(
        "Time (optional)", required=False, max_length=10, help_text="For example, 7pm", width=5
    )
    near = text_input("Near a postcode or place", required=False, max_length=60, width=10)
    within = forms.TypedChoiceField(
        label="Within",
        required=False,
        coerce=float,
        empty_value=None,
        choices=[("", "Any distance"), ("1", "1 mile"), ("2", "2 miles"), ("5", "5 miles")],
    )
    access = checkboxes(
        "Access needs", [(k, label) for k, (label, _) in ACCESS_NEEDS.items()], required=False
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
    name = text_input("Name", max_length=300, required="Enter the name of the resource")
    organization_name = text_input(
        "Organisation that runs it (optional)", required=False, max_length=300
    )
    description = textarea("What happens there", rows=5, required="Enter what happens there")
    offerings = checkboxes(
        "Strengths it builds (the five ways to wellbeing)", OFFERINGS, required=False
    )
    is_free = checkbox("It is free", required=False)
    fees = text_input(
        "Cost (optional)",
        required=False,
        max_length=300,
        help_text="For example, £2 a session, tea included",
    )
    days = checkboxes("Days it runs (optional)", DAYS, required=False)
    opens_at = text_input("From (optional)", required=False, max_length=10, width=5)
    closes_at = text_input("Until (optional)", required=False, max_length=10, width=5)
    eligibility = textarea("Who it is for (optional)", rows=2, required=False)
    place_name = text_input("Place name (optional)", required=False, max_length=300)
    address = textarea("Address (optional)", rows=3, required=False)
    postcode = text_input("Postcode (optional)", required=False, max_length=10, width=10)
    latitude = _coordinate("Latitude", 90, example="52.6369")
    longitude = _coordinate("Longitude", 180, example="-1.1398")
    accessibility = textarea(
        "Access (optional)",
        rows=2,
        required=False,
        help_text="For example, step-free entrance, hearing loop",
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
    phone = text_input("Phone (optional)", required=False, max_length=40)
    terms = text_input(
        "Topics (optional)",
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
    what = textarea(
        "What is missing?",
        rows=3,
        help_text="For example, no astronomy group within 5 miles that meets in the day",
        required="Enter what is missing",
    )
    theme = radios("Theme", THEMES, required="Select a theme")
    area = text_input(
        "Area",
        max_length=60,
        help_text="A postcode district or neighbourhood, for example EB1: not an address or a "
        "full postcode",
        required="Enter the area",
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
