"""GOV.UK Frontend markup for every Django form, through one form renderer.

Forms keep Django's own ids (``id_<name>``, ``id_<name>_helptext``, ``id_<name>_error``) so
``aria-describedby`` and the error summary's links stay right.

Every text box has a limit on how much may be typed into it, set here for all forms at once
(see ``limit_text``), with a message that names the box and keeps what was typed.
"""

import datetime
import re

from django import forms
from django.core import validators
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

# How many characters may be typed into a text box that does not set its own max_length:
# a box of several lines (notes, reasons, descriptions), and a one-line box.
LONG_TEXT_LIMIT = 10_000
LINE_TEXT_LIMIT = 300
# The longest box of all, a conversation's record: what the language coach checks at most.
RECORD_TEXT_LIMIT = 50_000

_BASE_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.PasswordInput: "govuk-input",
    forms.TextInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.NumberInput: "govuk-input",
    forms.DateInput: "govuk-input",
    forms.URLInput: "govuk-input",
}


def _base_class(widget) -> str | None:
    for widget_type in type(widget).__mro__:
        if widget_type in _BASE_CLASSES:
            return _BASE_CLASSES[widget_type]
    return None


def _error_name(field) -> str:
    """What error messages call a field: its ``error_name``, else its label without
    "(optional)"; a label that is a question becomes "Your answer"."""
    name = getattr(field, "error_name", None)
    if name:
        return name
    label = re.sub(r"\s*\(optional\)\s*$", "", str(field.label or "")).strip()
    if not label or label.endswith("?"):
        return "Your answer"
    return label


class TextLimitValidator(validators.MaxLengthValidator):
    """Django's max_length check, with the GOV.UK message ("Notes must be 10,000
    characters or fewer")."""

    def __init__(self, limit_value, name):
        self.name = name
        super().__init__(limit_value)

    def __call__(self, value):
        if self.compare(self.clean(value), self.limit_value):
            raise forms.ValidationError(
                f"{self.name} must be {self.limit_value:,} characters or fewer "
                f"(it has {len(value):,})",
                code="max_length",
            )


def limit_text(field) -> None:
    """Give a text field its limit and GOV.UK messages: every text box of every form
    (ModelForms' TextFields too) goes through here when the form is bound."""
    if not isinstance(field, forms.CharField) or getattr(field, "_text_limited", False):
        return
    if isinstance(field, forms.UUIDField | forms.JSONField):
        return  # cleaned to a UUID or to data, not to text: their own checks suffice
    field._text_limited = True
    name = _error_name(field)
    long = isinstance(field.widget, forms.Textarea)
    if field.max_length is None:
        field.max_length = LONG_TEXT_LIMIT if long else LINE_TEXT_LIMIT
    if long:
        # A browser cuts pasted text at maxlength without a word; the message says instead.
        field.widget.attrs.pop("maxlength", None)
    kept = [
        v
        for v in field.validators
        if not isinstance(
            v, validators.MaxLengthValidator | validators.ProhibitNullCharactersValidator
        )
    ]
    null = validators.ProhibitNullCharactersValidator(
        message=f"{name} contains a character that cannot be saved (a null character): "
        "remove it and try again"
    )
    field.validators = [*kept, TextLimitValidator(field.max_length, name), null]


# The range of an integer column on SQLite and PostgreSQL alike (PostgreSQL's "integer").
INTEGER_RANGE = (-(2**31), 2**31 - 1)


def _default_message(field, code: str) -> bool:
    """Whether the field's message for ``code`` is Django's own, not one its form chose."""
    defaults = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    return str(field.error_messages.get(code)) == str(defaults.get(code))


def limit_number(field) -> None:
    """Give a number field a range its database column can hold, and GOV.UK messages
    ("Weekly cost must be 10,000,000 or less") in place of Django's own."""
    if not isinstance(field, forms.IntegerField) or getattr(field, "_number_limited", False):
        return
    field._number_limited = True
    name = _error_name(field)
    whole = not isinstance(field, forms.FloatField | forms.DecimalField)
    if whole:
        field.min_value = INTEGER_RANGE[0] if field.min_value is None else field.min_value
        field.max_value = INTEGER_RANGE[1] if field.max_value is None else field.max_value
    if _default_message(field, "invalid"):
        field.error_messages["invalid"] = f"{name} must be a {'whole ' if whole else ''}number"
    kept = [
        v
        for v in field.validators
        if not isinstance(
            v,
            validators.MinValueValidator
            | validators.MaxValueValidator
            | validators.DecimalValidator,
        )
    ]
    if field.min_value is not None:
        kept.append(
            validators.MinValueValidator(
                field.min_value, message=f"{name} must be {field.min_value:,} or more"
            )
        )
    if field.max_value is not None:
        kept.append(
            validators.MaxValueValidator(
                field.max_value, message=f"{name} must be {field.max_value:,} or less"
            )
        )
    if isinstance(field, forms.DecimalField) and field.max_digits is not None:
        digits = validators.DecimalValidator(field.max_digits, field.decimal_places)
        places = field.decimal_places or 0
        below = 10 ** (field.max_digits - places)
        digits.messages = {
            **digits.messages,
            "max_digits": f"{name} must be less than {below:,}",
            "max_whole_digits": f"{name} must be less than {below:,}",
            "max_decimal_places": f"{name} must have no more than {places} decimal places",
        }
        kept.append(digits)
    field.validators = kept


class GovukBoundField(BoundField):
    """Adds GOV.UK classes to widgets, and the error modifier when the field has errors.
    It also gives every text and number field its limits (``limit_text``,
    ``limit_number``): all forms are bound through here, so none is edited by hand."""

    def __init__(self, form, field, name):
        limit_text(field)
        limit_number(field)
        super().__init__(form, field, name)

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        base = _base_class(widget)
        if base:
            # The widget's own classes (a width, say) too: the attrs built here replace them.
            own = widget.attrs.get("class", "").split()
            classes = [base, *own, *attrs.get("class", "").split()]
            if self.errors:
                classes.append(f"{base}--error")
            attrs["class"] = " ".join(dict.fromkeys(c for c in classes if c))
        coach_attrs = getattr(self.form, "coach_attrs", None)
        if coach_attrs is not None:
            attrs.update(coach_attrs(self))
        return attrs

    @property
    def coach(self):
        """The language coach's findings for this field, when its form asks for them."""
        coach_for = getattr(self.form, "coach_for", None)
        return coach_for(self) if coach_for is not None else None

    @property
    def error_anchor(self) -> str:
        """The id the error summary links to: the first input of a group."""
        widget = self.field.widget
        if isinstance(widget, forms.MultiWidget | forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"{self.auto_id}_0"
        return self.auto_id


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "ui/forms/form.html"
    field_template_name = "ui/forms/field.html"
    bound_field_class = GovukBoundField


class GovukRadioSelect(forms.RadioSelect):
    template_name = "ui/widgets/radios.html"
    option_template_name = "ui/widgets/radio_option.html"

    def __init__(self, *args, inline=False, small=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.inline = inline
        self.small = small

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["inline"] = self.inline
        context["widget"]["small"] = self.small
        return context


class CheckboxSelect(forms.CheckboxSelectMultiple):
    """GOV.UK checkboxes: choose any of several."""

    template_name = "ui/widgets/checkboxes.html"
    option_template_name = "ui/widgets/checkbox_option.html"


class GovukCheckbox(forms.CheckboxInput):
    """One GOV.UK checkbox; the field template puts its label after it."""

    def __init__(self, attrs=None, check_test=None):
        super().__init__({"class": "govuk-checkboxes__input", **(attrs or {})}, check_test)


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    template_name = "ui/widgets/date_input.html"

    def __init__(self, attrs=None):
        part = {"class": "govuk-input govuk-date-input__input", "inputmode": "numeric"}
        widgets = {
            "day": forms.TextInput(
                attrs={**part, "class": part["class"] + " govuk-input--width-2"}
            ),
            "month": forms.TextInput(
                attrs={**part, "class": part["class"] + " govuk-input--width-2"}
            ),
            "year": forms.TextInput(
                attrs={**part, "class": part["class"] + " govuk-input--width-4"}
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = ("Day", "Month", "Year")
        invalid = context["widget"]["attrs"].get("aria-invalid") == "true"
        for subwidget, label in zip(context["widget"]["subwidgets"], labels, strict=True):
            subwidget["label"] = label
            if invalid:
                subwidget["attrs"]["class"] += " govuk-input--error"
        return context


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK pattern's error messages."""

    widget = GovukDateInput

    def __init__(self, *, past_only=False, error_name=None, **kwargs):
        """``error_name`` starts error messages ("Date of birth must include a month");
        it defaults to the label, which suits labels that are not questions."""
        self.past_only = past_only
        self.error_name = error_name
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        name = self.error_name or self.label or "Date"
        return parse_date_parts(*data_list, label=name, past_only=self.past_only)

    def clean(self, value):
        if self.required and (not value or not any(v.strip() for v in value if v)):
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return self.compress([(v or "").strip() for v in value] if value else [])


# A date's parts as typed: a day and month of one or two numbers (03 or 3), a year of four.
_DAY_OR_MONTH = re.compile(r"0*[0-9]{1,2}")
_YEAR = re.compile(r"[0-9]{4}")
# No date typed in Goodlife is as late as this (and date arithmetic stays far from year 9999).
LAST_YEAR = 2099


def parse_date_parts(
    day: str, month: str, year: str, *, label: str, past_only: bool = False
) -> datetime.date:
    """Turn three typed parts into a date, or say precisely what is wrong with them, in the
    words of the GOV.UK date input pattern. Any text at all gives a message, never an
    exception: a day of 99999999999999999999 is not a real date."""
    missing = [name for name, v in (("day", day), ("month", month), ("year", year)) if not v]
    if missing:
        raise forms.ValidationError(f"{label} must include a {' and a '.join(missing)}")
    # Only ASCII digits: str.isdigit() accepts "²" and other digits int() refuses.
    if not all(re.fullmatch(r"[0-9]+", part) for part in (day, month, year)):
        raise forms.ValidationError(f"{label} must be a real date, written in numbers")
    if not _YEAR.fullmatch(year):
        raise forms.ValidationError("Year must include 4 numbers, for example 1981")
    if not (_DAY_OR_MONTH.fullmatch(day) and _DAY_OR_MONTH.fullmatch(month)):
        raise forms.ValidationError(f"{label} must be a real date")
    try:
        value = datetime.date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        raise forms.ValidationError(f"{label} must be a real date") from None
    if past_only and value > datetime.date.today():  # noqa: DTZ011 - a calendar date
        raise forms.ValidationError(f"{label} must be today or in the past")
    if value.year < 1900:
        raise forms.ValidationError(f"{label} must be after 1900")
    if value.year > LAST_YEAR:
        raise forms.ValidationError(f"{label} must be before {LAST_YEAR + 1}")
    return value


class MoneyInput(forms.TextInput):
    """A GOV.UK text input with a £ prefix (the GOV.UK "input prefix")."""

    template_name = "ui/widgets/money.html"

    def __init__(self, attrs=None):
        super().__init__({"class": "govuk-input--width-5", "inputmode": "decimal", **(attrs or {})})


_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d*)?$")


class MoneyField(forms.DecimalField):
    """A sum of money in pounds, as people write it: "£45", "45", "45.00", "£1,200.50".

    ``what`` names it in the GOV.UK messages: ``what="weekly cost"`` gives "Enter a weekly
    cost of £0 or more" and "Enter the weekly cost as an amount in pounds, like £45 or
    £87.50". The least it may be is £0; the most, what its column holds."""

    widget = MoneyInput

    def __init__(self, *, what, max_digits=9, **kwargs):
        kwargs.setdefault("min_value", 0)
        super().__init__(max_digits=max_digits, decimal_places=2, **kwargs)
        self._number_limited = True  # its messages are its own (limit_number leaves it)
        article = "an" if what[:1].lower() in "aeiou" else "a"
        below = 10 ** (max_digits - 2)
        self.error_messages["invalid"] = (
            f"Enter the {what} as an amount in pounds, like £45 or £87.50"
        )
        limits = []
        if self.min_value is not None:
            limits.append(
                validators.MinValueValidator(
                    self.min_value, message=f"Enter {article} {what} of £{self.min_value:,} or more"
                )
            )
        digits = validators.DecimalValidator(max_digits, 2)
        too_large = f"Enter {article} {what} of less than £{below:,}"
        digits.messages = {
            **digits.messages,
            "max_digits": too_large,
            "max_whole_digits": too_large,
            "max_decimal_places": f"Enter the {what} in pounds and pence, like £87.50: "
            "no more than 2 numbers after the point",
        }
        self.validators = [*limits, digits]

    def to_python(self, value):
        if isinstance(value, str):
            text = "".join(value.split())  # "£ 1 200" as well as "£1200"
            negative = text.startswith("-")
            text = text.lstrip("-")
            if text.startswith("£"):
                text = text[1:]
            if text.lower().startswith("gbp"):
                text = text[3:]
            if _THOUSANDS.match(text):
                text = text.replace(",", "")
            value = ("-" if negative else "") + text
        return super().to_python(value)
