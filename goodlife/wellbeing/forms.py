from django import forms

from goodlife.ui.fields import date_input, radios, text_input, textarea
from goodlife.wellbeing import well12
from goodlife.wellbeing.models import ITEM_FIELDS, CompletedHow, RecentEvent
from goodlife.wellbeing.services import RESPONSE_FIELDS


class Well12Form(forms.Form):
    """The WELL12 on one page: twelve statements as radios, then items 13 and 14."""

    completed_on = date_input(
        "Date",
        error_name="The date",
        past_only=True,
        help_text="For example, 14 3 2026",
        required="Enter the date the WELL12 was completed",
    )
    completed_by = text_input(
        "Who completed it?",
        help_text="For example, the person themselves, or the person with their daughter",
        max_length=200,
        required="Enter who completed the WELL12",
    )
    how = radios(
        "How was it completed?",
        CompletedHow.choices,
        required="Select how the WELL12 was completed",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, (name, statement) in enumerate(
            zip(ITEM_FIELDS, well12.STATEMENTS, strict=True), 1
        ):
            self.fields[name] = radios(
                f"{number}. {statement}",
                [(value, f"{value} = {text}") for value, text in well12.SCALE],
                coerce=int,
                empty_value=None,
                required=False,
                inline=True,
                small=True,
            )
        self.fields["recent_event"] = radios(
            f"13. {well12.RECENT_EVENT_QUESTION}", RecentEvent.choices, required=False, inline=True
        )
        self.fields["recent_event_detail"] = textarea(
            well12.RECENT_EVENT_DETAIL_QUESTION, rows=3, required=False
        )
        self.fields["notes"] = textarea(f"14. {well12.NOTES_LABEL}", rows=4, required=False)

    @property
    def statement_fields(self):
        return [self[name] for name in ITEM_FIELDS]

    def clean(self):
        cleaned = super().clean()
        answers = [cleaned.get(name) for name in ITEM_FIELDS]
        item_errors = any(name in self.errors for name in ITEM_FIELDS)
        if not item_errors and all(a is None for a in answers):
            self.add_error(ITEM_FIELDS[0], "Answer at least one of the 12 statements")
        detail = cleaned.get("recent_event_detail", "").strip()
        if detail and cleaned.get("recent_event") not in ("yes", "not_sure"):
            self.add_error(
                "recent_event", "Select yes or not sure, as you have said what the event was"
            )
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in RESPONSE_FIELDS}


class Well12AmendForm(Well12Form):
    amendment_reason = textarea(
        "Why are you correcting this WELL12?",
        rows=2,
        required="Enter why you are correcting this WELL12",
    )
