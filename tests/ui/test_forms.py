"""Every form's fields get GOV.UK classes, keeping the classes a widget asks for."""

from django import forms


class AmountForm(forms.Form):
    amount = forms.CharField(widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}))
    note = forms.CharField(widget=forms.Textarea)


def test_a_width_asked_for_is_kept_beside_the_govuk_class():
    html = str(AmountForm()["amount"])
    assert 'class="govuk-input govuk-input--width-5"' in html
    assert 'class="govuk-textarea"' in str(AmountForm()["note"])


def test_a_field_with_an_error_is_marked_and_keeps_its_width():
    form = AmountForm({"amount": "", "note": ""})
    assert not form.is_valid()
    html = str(form["amount"])
    assert 'class="govuk-input govuk-input--width-5 govuk-input--error"' in html


# --- Dates ------------------------------------------------------------------------------

import pytest  # noqa: E402

from goodlife.ui.forms import (  # noqa: E402
    LINE_TEXT_LIMIT,
    LONG_TEXT_LIMIT,
    GovukDateField,
)


class BirthForm(forms.Form):
    born = GovukDateField(label="Date of birth", past_only=True)


def date_error(day, month, year):
    form = BirthForm({"born_day": day, "born_month": month, "born_year": year})
    assert not form.is_valid()
    return form.errors["born"]


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("99999999999999999999", "3", "1981", "Date of birth must be a real date"),
        ("1", "99999999999999999999", "1981", "Date of birth must be a real date"),
        ("2147483648", "2147483648", "1981", "Date of birth must be a real date"),
        ("123", "3", "1981", "Date of birth must be a real date"),
        ("31", "2", "1981", "Date of birth must be a real date"),
        ("0", "3", "1981", "Date of birth must be a real date"),
        ("²", "3", "1981", "Date of birth must be a real date, written in numbers"),
        ("-1", "3", "1981", "Date of birth must be a real date, written in numbers"),
        ("1", "3", "99999999999999999999", "Year must include 4 numbers, for example 1981"),
        ("1", "3", "1899", "Date of birth must be after 1900"),
        ("1", "", "1981", "Date of birth must include a month"),
        ("1", "3", "2999", "Date of birth must be today or in the past"),
    ],
)
def test_every_wrong_date_gets_the_govuk_message(day, month, year, message):
    assert date_error(day, month, year) == [message]


def test_a_date_far_in_the_future_is_refused_before_arithmetic_overflows():
    class ReviewForm(forms.Form):
        review_by = GovukDateField(label="Review date")

    form = ReviewForm({"review_by_day": "31", "review_by_month": "12", "review_by_year": "9999"})
    assert form.errors["review_by"] == ["Review date must be before 2100"]
    form = ReviewForm({"review_by_day": "03", "review_by_month": "07", "review_by_year": "2099"})
    assert form.is_valid(), form.errors


# --- How much may be typed --------------------------------------------------------------


class NotesForm(forms.Form):
    notes = forms.CharField(label="Notes (optional)", required=False, widget=forms.Textarea)
    place = forms.CharField(label="Where?", required=False)
    code = forms.CharField(label="Code", max_length=10, required=False)


def test_a_text_box_has_a_limit_and_says_so_in_govuk_words():
    form = NotesForm({"notes": "a" * (LONG_TEXT_LIMIT + 1), "place": "b" * (LINE_TEXT_LIMIT + 1)})
    assert form.errors == {
        "notes": ["Notes must be 10,000 characters or fewer (it has 10,001)"],
        # A label that asks a question is not the name of the thing.
        "place": ["Your answer must be 300 characters or fewer (it has 301)"],
    }
    assert NotesForm({"notes": "a" * LONG_TEXT_LIMIT, "place": "b" * LINE_TEXT_LIMIT}).is_valid()


def test_a_field_keeps_its_own_limit_with_the_govuk_message():
    form = NotesForm({"code": "c" * 11})
    assert form.errors == {"code": ["Code must be 10 characters or fewer (it has 11)"]}


def test_text_too_long_is_shown_back_whole_and_a_textarea_has_no_maxlength():
    typed = "My notes. " * 1001
    form = NotesForm({"notes": typed})
    assert not form.is_valid()
    html = str(form["notes"])
    assert typed in html
    assert "maxlength" not in html


def test_a_nul_character_is_refused_with_a_message_and_the_text_kept():
    form = NotesForm({"notes": "Went to the\x00 shops"})
    assert form.errors == {
        "notes": [
            "Notes contains a character that cannot be saved (a null character): remove it "
            "and try again"
        ]
    }
    assert "Went to the\x00 shops" in str(form["notes"])


@pytest.mark.django_db
def test_a_model_forms_text_field_gets_the_limit_too():
    from goodlife.accounts.models import Team

    class TeamForm(forms.ModelForm):
        class Meta:
            model = Team
            fields = ["name", "description"]

    form = TeamForm({"name": "n" * 121, "description": "d" * (LONG_TEXT_LIMIT + 1)})
    assert form.errors == {
        "name": ["Name must be 120 characters or fewer (it has 121)"],
        "description": ["Description must be 10,000 characters or fewer (it has 10,001)"],
    }


# --- Numbers ----------------------------------------------------------------------------


class VisitsForm(forms.Form):
    visits = forms.IntegerField(label="Number of visits", required=False)
    amount = forms.DecimalField(label="Amount", max_digits=9, decimal_places=2, required=False)
    hours = forms.FloatField(label="Hours", min_value=0, max_value=168, required=False)


@pytest.mark.parametrize(
    ("typed", "visits", "amount", "hours"),
    [
        (
            "99999999999999999999",
            "Number of visits must be 2,147,483,647 or less",
            "Amount must be less than 10,000,000",
            "Hours must be 168 or less",
        ),
        (
            "-2147483649",
            "Number of visits must be -2,147,483,648 or more",
            "Amount must be less than 10,000,000",
            "Hours must be 0 or more",
        ),
        (
            "1.234",
            "Number of visits must be a whole number",
            "Amount must have no more than 2 decimal places",
            None,
        ),
        (
            "NaN",
            "Number of visits must be a whole number",
            "Amount must be a number",
            "Hours must be a number",
        ),
        (
            "inf",
            "Number of visits must be a whole number",
            "Amount must be a number",
            "Hours must be a number",
        ),
        (
            "1e400",
            "Number of visits must be a whole number",
            "Amount must be less than 10,000,000",
            "Hours must be a number",
        ),
    ],
)
def test_a_number_out_of_range_for_its_column_gets_a_govuk_message(typed, visits, amount, hours):
    form = VisitsForm({"visits": typed, "amount": typed, "hours": typed})
    assert not form.is_valid()
    assert form.errors.get("visits", [None]) == [visits]
    assert form.errors.get("amount", [None]) == [amount]
    assert form.errors.get("hours", [None]) == [hours]
    assert f'value="{typed}"' in str(form["amount"])


@pytest.mark.parametrize(
    "typed, pounds",
    [
        ("£45", "45"),
        ("45", "45"),
        ("45.00", "45.00"),
        ("£1,200.50", "1200.50"),
        (" £ 87.5 ", "87.5"),
        ("1,000,000", "1000000"),
        ("0", "0"),
    ],
)
def test_money_is_taken_as_people_write_it(typed, pounds):
    from decimal import Decimal

    from goodlife.planning.forms import BudgetLineForm

    form = BudgetLineForm({"source": "council", "weekly_amount": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["weekly_amount"] == Decimal(pounds)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-1", "Enter an amount each week of £0 or more"),
        ("-£5", "Enter an amount each week of £0 or more"),
        ("10000000", "Enter an amount each week of less than £10,000,000"),
        (
            "12.345",
            "Enter the amount each week in pounds and pence, like £87.50: "
            "no more than 2 numbers after the point",
        ),
        ("forty", "Enter the amount each week as an amount in pounds, like £45 or £87.50"),
        ("1,20", "Enter the amount each week as an amount in pounds, like £45 or £87.50"),
        ("NaN", "Enter the amount each week as an amount in pounds, like £45 or £87.50"),
        ("", "Enter the amount each week"),
    ],
)
def test_a_wrong_sum_of_money_gets_a_govuk_message_and_keeps_what_was_typed(typed, message):
    from goodlife.planning.forms import BudgetLineForm

    form = BudgetLineForm({"source": "council", "weekly_amount": typed})
    assert form.errors["weekly_amount"] == [message]
    if typed:
        assert f'value="{typed}"' in str(form["weekly_amount"])


@pytest.mark.django_db
def test_a_weekly_cost_says_so_in_its_message_and_shows_a_pound_prefix():
    from goodlife.planning.forms import PlanItemForm
    from tests.factories import PersonFactory

    form = PlanItemForm(
        {"description": "Care", "tier": "long_term", "weekly_cost": "-45"},
        person=PersonFactory(),
    )
    assert form.errors["weekly_cost"] == ["Enter a weekly cost of £0 or more"]
    html = str(form["weekly_cost"])
    assert '<div class="govuk-input__prefix" aria-hidden="true">£</div>' in html
    assert 'inputmode="decimal"' in html and "govuk-input--width-5" in html


def test_a_uuid_field_is_not_given_a_text_limit():
    import uuid

    from django import forms

    class Lookup(forms.Form):
        record = forms.UUIDField(required=False)

    value = uuid.uuid4()
    form = Lookup({"record": str(value)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["record"] == value
