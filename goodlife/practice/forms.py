from django import forms
from django.utils import timezone

from goodlife.coach.forms import CoachedForm
from goodlife.practice.framework import CONTEXT_AREAS, CONVERSATIONS
from goodlife.practice.models import (
    RECORD_FIELDS,
    STEP_CHOICES,
    ContactMethod,
    EndReason,
    Outcome,
)
from goodlife.ui.fields import date_input, radios, text_input, textarea
from goodlife.ui.forms import RECORD_TEXT_LIMIT


class EpisodeForm(CoachedForm, forms.Form):
    contact_on = date_input(
        "When did the contact happen?",
        error_name="The date of the contact",
        past_only=True,
        help_text="For example, 14 3 2026",
        required="Enter the date of the contact",
    )
    contact_method = radios(
        "How did the contact come in?",
        ContactMethod.choices,
        required="Select how the contact came in",
    )
    raised_by = text_input(
        "Who got in touch?",
        help_text="For example, Tom himself, or his sister Jane Baxter",
        max_length=200,
        required="Enter who got in touch",
    )
    reason = textarea(
        "What do they want, in their own words?",
        rows=4,
        help_text="Write it as they said it, for example “I want to get out of the house more”",
        required="Enter what the person wants, in their own words",
    )


class MoveForm(CoachedForm, forms.Form):
    conversation = radios(
        "Which conversation now?", coerce=int, required="Select which conversation to move to"
    )
    reason = textarea(
        "Why?",
        rows=3,
        help_text="For conversation 2, say what puts the person at risk",
        required="Enter why the conversation is changing",
    )

    def __init__(self, *args, current: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["conversation"].choices = [
            (n, f"Conversation {n}: {c.name.lower()}")
            for n, c in CONVERSATIONS.items()
            if n != current
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("conversation") == 2 and len(cleaned.get("reason", "").split()) < 3:
            self.add_error(
                "reason",
                "Conversation 2 is only for when the person is at risk: say what the risk is",
            )
        return cleaned


class CloseForm(CoachedForm, forms.Form):
    outcome = radios(
        "What was the outcome?", Outcome.choices, required="Select the outcome of this episode"
    )
    end_reason = radios(
        "Why is the episode ending?", EndReason.choices, required="Select why the episode is ending"
    )
    closed_on = date_input(
        "Date it ended",
        error_name="The date it ended",
        past_only=True,
        required="Enter the date the episode ended",
    )
    note = textarea("Anything to add (optional)", rows=3, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("end_reason") == EndReason.OTHER and not cleaned.get("note", "").strip():
            self.add_error("note", "Say what the other reason is")
        return cleaned


class RecordForm(CoachedForm, forms.Form):
    """A conversation record. Drafts may be incomplete; finishing needs the essentials."""

    coach_check_button = False  # "Save draft" shows the coach's findings
    default_submit = ("save_draft", "1")  # Enter saves a draft; finishing is a choice

    step = radios("Which step is this?", STEP_CHOICES, required=False)
    happened_on = date_input(
        "When did you talk?",
        error_name="The date you talked",
        required=False,
        past_only=True,
        help_text="For example, 14 3 2026",
    )
    place = text_input(
        "Where did it take place?",
        help_text="For example, at Tom's home, by phone, at the library café",
        required=False,
        max_length=200,
    )
    who_was_there = textarea("Who was there?", rows=2, required=False)
    narrative = textarea(
        "What you talked about",
        rows=12,
        help_text="In the person's words where you can: what matters to them, what is "
        "working well, what they want to do",
        required=False,
        max_length=RECORD_TEXT_LIMIT,
    )

    def __init__(self, *args, finishing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.finishing = finishing
        for key, label in CONTEXT_AREAS:
            self.fields[key] = textarea(label, rows=3, required=False)

    def clean(self):
        cleaned = super().clean()
        if self.finishing:
            if not cleaned.get("step") and "step" not in self.errors:
                self.add_error("step", "Select which step of the conversation this is")
            if not cleaned.get("happened_on") and "happened_on" not in self.errors:
                self.add_error("happened_on", "Enter when you talked")
            if not cleaned.get("narrative", "").strip():
                self.add_error("narrative", "Write what you talked about before finishing")
        elif not self.errors and not any(
            cleaned.get(name) for name in RECORD_FIELDS if name != "step"
        ):
            raise forms.ValidationError("Type something before saving a draft")
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in RECORD_FIELDS}

    @property
    def context_fields(self):
        return [self[key] for key, _ in CONTEXT_AREAS]

    @property
    def has_context_notes(self) -> bool:
        return any(self[key].value() for key, _ in CONTEXT_AREAS)


class AmendForm(RecordForm):
    default_submit = ("", "")  # "Save amendment", the page's only button
    amendment_reason = textarea(
        "Why are you amending this record?",
        rows=2,
        help_text="For example, corrected the date, or added what Tom's sister told us later",
        required="Enter why you are amending this record",
    )

    def __init__(self, *args, **kwargs):
        kwargs["finishing"] = True
        super().__init__(*args, **kwargs)


class HoldingSupportForm(CoachedForm, forms.Form):
    what = textarea(
        "What holding support is in place?",
        rows=3,
        help_text="For example, a carer visits twice a day while Nancy's wrist heals",
        required="Enter what holding support is in place",
    )
    starts_on = date_input(
        "Start date", error_name="The start date", required="Enter the start date"
    )
    planned_end_on = date_input(
        "Planned end date",
        error_name="The planned end date",
        help_text="Holding support is short-term: usually no more than six weeks",
        required="Enter the planned end date",
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("planned_end_on")
        if start and end and end <= start:
            self.add_error("planned_end_on", "Planned end date must be after the start date")
        return cleaned


class HoldingReviewForm(CoachedForm, forms.Form):
    decision = radios(
        "What happens now?",
        [("end", "It has ended"), ("continue", "It continues to a new end date")],
        required="Select whether the holding support has ended",
    )
    ended_on = date_input(
        "Date it ended", error_name="The date it ended", required=False, past_only=True
    )
    continue_until = date_input(
        "New planned end date", error_name="The new planned end date", required=False
    )
    note = textarea("What was decided, and why", rows=3, required="Enter what was decided")

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        ending = cleaned.get("decision") == "end"
        if ending and not cleaned.get("ended_on") and "ended_on" not in self.errors:
            self.add_error("ended_on", "Enter the date it ended")
        if cleaned.get("decision") == "continue":
            until = cleaned.get("continue_until")
            if not until and "continue_until" not in self.errors:
                self.add_error("continue_until", "Enter the new planned end date")
            elif until and until <= today:
                self.add_error("continue_until", "New planned end date must be in the future")
        return cleaned
