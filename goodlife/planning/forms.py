from django import forms

from goodlife.coach.forms import CoachedForm
from goodlife.planning import rules
from goodlife.planning.models import (
    AgreedHow,
    Decision,
    FundingSource,
    IdeaStatus,
    OutcomeStatus,
    TakenAs,
    Who,
)
from goodlife.planning.tiers import COUNCIL_FUNDED, TIERS
from goodlife.ui.fields import (
    checkbox,
    checkboxes,
    date_input,
    money,
    radios,
    text_input,
    textarea,
)
from goodlife.wellbeing.domains import DOMAINS

# What a review's "Change" may alter, as the form's field names begin.
CHANGE_KEYS = ("new_description", "new_provided_by", "new_weekly_cost", "new_ends_on")


def _aspiration_choices(person):
    current = person.aspirations.filter(retired_at__isnull=True)
    return [("", "What matters to them (no single aspiration)")] + [
        (str(a.pk), f"“{a.text}”") for a in current
    ]


class IdeaForm(CoachedForm, forms.Form):
    aspiration = radios("Which aspiration or need is it for?", required=False)
    text = textarea(
        "The idea",
        rows=3,
        help_text="For example, get a book about space from the library",
        required="Enter the idea",
    )
    tier = radios(
        "Where would it come from?",
        TIERS,
        help_text="In order of least intrusion: start at the top",
        required="Select where the idea would come from",
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["aspiration"].choices = _aspiration_choices(person)

    def clean_aspiration(self):
        value = self.cleaned_data["aspiration"]
        if not value:
            return None
        aspiration = self.person.aspirations.filter(pk=value).first()
        if aspiration is None:
            raise forms.ValidationError("Select one of the person's aspirations")
        return aspiration


class IdeaStatusForm(CoachedForm, forms.Form):
    status = radios(
        "What did the person think?", IdeaStatus.choices, required="Select what the person thought"
    )
    reason = textarea("Why not? (if they did not want it)", rows=2, required=False)

    def clean(self):
        cleaned = super().clean()
        problem = rules.not_wanted_problem(
            cleaned.get("status") == IdeaStatus.NOT_WANTED, cleaned.get("reason", "")
        )
        if problem:
            self.add_error("reason", problem)
        return cleaned


class OutcomeForm(CoachedForm, forms.Form):
    aspiration = radios("Which aspiration does it serve?", required=False)
    text = textarea(
        "What will be different, in positive words?",
        rows=3,
        help_text="For example, Tom goes to the astronomy society at least twice a month",
        required="Enter what will be different",
    )
    how_we_will_know = textarea(
        "How will you both know?",
        rows=2,
        required=False,
        help_text="For example, Tom tells us at the review, and the society's register",
    )
    by_when = date_input("By when?", error_name="The date", required=False)
    short_term = checkbox("A small, likely win for the next few weeks", required=False)
    domains = checkboxes(
        "Areas of wellbeing it speaks to (Care Act)",
        [(d.key, d.short) for d in DOMAINS],
        required=False,
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["aspiration"].choices = _aspiration_choices(person)

    clean_aspiration = IdeaForm.clean_aspiration


class TaskForm(CoachedForm, forms.Form):
    what = textarea("What is the step?", rows=2, required="Enter the step")
    who = radios(
        "Who will do it?",
        Who.choices,
        help_text="The person first, wherever they can",
        required="Select who will do it",
    )
    who_name = text_input("Their name (optional)", required=False, max_length=120)
    by_when = date_input("By when? (optional)", error_name="The date", required=False)


class PlanTextsForm(CoachedForm, forms.Form):
    language_contexts = {"contingency": "risk"}  # what might go wrong is its subject
    contingency = textarea(
        "Contingency plan",
        rows=4,
        required=False,
        help_text="What happens if things do not go as planned, and who to call",
    )
    disengagement = textarea(
        "How the worker will step back",
        rows=4,
        required=False,
        help_text="The plan for the worker's gradual disengagement as the person takes over",
    )


class PlanItemForm(CoachedForm, forms.Form):
    description = textarea("What is the support?", rows=2, required="Enter what the support is")
    tier = radios(
        "Where does it come from?",
        TIERS,
        help_text="In order of least intrusion: start at the top",
        required="Select where the support comes from",
    )
    outcomes = checkboxes("Which outcomes does it serve?", required=False)
    provided_by = text_input("Who provides it? (optional)", required=False, max_length=200)
    starts_on = date_input("Start date", error_name="The start date", required=False)
    ends_on = date_input(
        "Planned end date",
        error_name="The planned end date",
        required=False,
        help_text="Council-funded support is short-term: give an end date",
    )
    open_ended_reason = textarea("If it has no end date, why? (optional)", rows=2, required=False)
    weekly_cost = money(
        "Weekly cost, for council-funded support (optional)", what="weekly cost", required=False
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["outcomes"].choices = [(str(o.pk), o.text) for o in person.outcomes.all()]

    def clean_outcomes(self):
        ids = self.cleaned_data["outcomes"]
        return list(self.person.outcomes.filter(pk__in=ids))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end <= start:
            self.add_error("ends_on", "The planned end date must be after the start date")
        return cleaned


class ConfirmForm(forms.Form):
    """A question asked once more before something is done: its button is the answer."""


class SignOffRequestForm(CoachedForm, forms.Form):
    note = textarea(
        "A note for your manager (optional)",
        rows=3,
        required=False,
        help_text="For example, why this support, and what the person and family give",
    )


class SignOffDecisionForm(CoachedForm, forms.Form):
    decision = radios(
        "Your decision",
        (("sign_off", "Sign it off"), ("return", "Return it to the practitioner")),
        required="Choose whether to sign it off or return it",
    )
    comment = textarea(
        "Your comment",
        rows=3,
        required=False,
        help_text="Kept with the sign-off. If you return it, say why: the practitioner sees it",
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say why you are returning it: the practitioner will see it")
        return cleaned


class AgreeForm(forms.Form):
    agreed_on = date_input(
        "When was it agreed?",
        error_name="The date",
        past_only=True,
        required="Enter when the plan was agreed",
    )
    agreed_how = radios(
        "How was it agreed with the person?", AgreedHow.choices, required="Select how it was agreed"
    )
    review_by = date_input(
        "When will you review it together?",
        help_text="Usually within 8 weeks of agreeing it, sooner for short-term support.",
        error_name="The review date",
        required="Enter when you will review the plan together",
    )

    def clean(self):
        cleaned = super().clean()
        problem = rules.agreed_review_problem(cleaned.get("agreed_on"), cleaned.get("review_by"))
        if problem:
            self.add_error("review_by", problem)
        return cleaned


class BudgetLineForm(forms.Form):
    source = radios(
        "Where does the money come from?",
        FundingSource.choices,
        required="Select where the money comes from",
    )
    weekly_amount = money(
        "Amount each week", what="amount each week", required="Enter the amount each week"
    )
    taken_as = forms.ChoiceField(
        label="How is it taken? (optional)",
        required=False,
        choices=[("", "Not decided yet"), *TakenAs.choices],
    )


class ReviewForm(CoachedForm, forms.Form):
    """One decision per plan item, and the progress of each outcome the plan serves."""

    reviewed_on = date_input(
        "Date of the review",
        error_name="The date",
        past_only=True,
        required="Enter the date of the review",
    )
    notes = textarea("What the person said about how things have gone", rows=4, required=False)
    next_review_by = date_input(
        "When will you next review it together? (optional)",
        help_text="Leave it blank if the plan ends here.",
        error_name="The next review date",
        required=False,
    )

    def __init__(self, *args, items, outcomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.items, self.outcomes = items, outcomes
        for outcome in outcomes:
            self.fields[f"outcome_{outcome.pk}"] = radios(
                outcome.text,
                OutcomeStatus.choices,
                initial=outcome.status,
                required="Select how this outcome has gone",
            )
        for item in items:
            self.fields[f"decision_{item.pk}"] = radios(
                item.description,
                Decision.choices,
                inline=True,
                initial=Decision.CONTINUE,
                required=f"Decide what happens to “{item.description}”",
            )
            self.fields[f"reason_{item.pk}"] = textarea(
                "Why? (needed to change or stop it)", rows=2, required=False
            )
            self._change_fields(item)

    def _change_fields(self, item):
        """What a "Change" changes, filled in with the item as it is: the worker alters
        what changes and leaves the rest."""
        pk = item.pk
        self.fields[f"new_description_{pk}"] = textarea(
            "If it changes: the support from now on",
            rows=2,
            required=False,
            initial=item.description,
        )
        self.fields[f"new_provided_by_{pk}"] = text_input(
            "If it changes: who provides it (optional)",
            required=False,
            max_length=200,
            initial=item.provided_by,
        )
        if item.tier in COUNCIL_FUNDED:
            self.fields[f"new_weekly_cost_{pk}"] = money(
                "If it changes: weekly cost from now on",
                what="weekly cost",
                required=False,
                initial=item.weekly_cost,
            )
        self.fields[f"new_ends_on_{pk}"] = date_input(
            "If it changes: planned end date",
            error_name="The planned end date",
            required=False,
            initial=item.ends_on,
        )

    def outcome_fields(self):
        return [self[f"outcome_{o.pk}"] for o in self.outcomes]

    def item_fields(self):
        """For each item: its decision, the reason, and what a change would make it."""
        return [
            (
                self[f"decision_{i.pk}"],
                self[f"reason_{i.pk}"],
                [self[name] for name in self._change_names(i)],
            )
            for i in self.items
        ]

    def _change_names(self, item):
        return [f"{key}_{item.pk}" for key in CHANGE_KEYS if f"{key}_{item.pk}" in self.fields]

    def changes(self, item) -> dict:
        """What a "Change" alters: each of the item's fields whose new value differs."""
        changed = {}
        for name in self._change_names(item):
            attribute = name.removeprefix("new_").removesuffix(f"_{item.pk}")
            value = self.cleaned_data.get(name)
            if value not in (None, "") and value != getattr(item, attribute):
                changed[attribute] = value
        return changed

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            problem = rules.decision_problem(
                item, cleaned.get(f"decision_{item.pk}"), cleaned.get(f"reason_{item.pk}", "")
            )
            if problem:
                self.add_error(f"reason_{item.pk}", problem)
            if cleaned.get(f"decision_{item.pk}") == Decision.CHANGE:
                problem = rules.change_problem(item, self.changes(item))
                if problem:
                    self.add_error(f"new_description_{item.pk}", problem)
        problem = rules.next_review_problem(
            cleaned.get("reviewed_on"), cleaned.get("next_review_by")
        )
        if problem:
            self.add_error("next_review_by", problem)
        return cleaned

    def decisions(self):
        return [
            (
                i,
                self.cleaned_data[f"decision_{i.pk}"],
                self.cleaned_data[f"reason_{i.pk}"],
                self.changes(i),
            )
            for i in self.items
        ]

    def outcome_statuses(self):
        return [(o, self.cleaned_data[f"outcome_{o.pk}"]) for o in self.outcomes]
