"""Short ways to declare the GOV.UK questions Goodlife's forms ask again and again.

Each helper returns the Django field a form would otherwise spell out in full, with the
GOV.UK widget. ``required`` is always said: the message shown when the question is left
unanswered ("Select how the contact came in"), or ``False`` when it may be.
"""

from django import forms

from goodlife.ui.forms import (
    CheckboxSelect,
    GovukCheckbox,
    GovukDateField,
    GovukRadioSelect,
    MoneyField,
)


def _required(required) -> dict:
    """The field's arguments for ``required``: its message when empty, or not required."""
    if required is False:
        return {"required": False}
    if not isinstance(required, str):
        raise TypeError("required is the message shown when it is left empty, or False")
    return {"error_messages": {"required": required}}


def radios(label, choices=(), *, required, inline=False, small=False, coerce=None, **kwargs):
    """GOV.UK radios: choose one. ``coerce`` turns the value chosen into a number, say."""
    widget = GovukRadioSelect(inline=inline, small=small)
    if coerce is None:
        field = forms.ChoiceField
    else:
        field, kwargs = forms.TypedChoiceField, {"coerce": coerce, **kwargs}
    return field(label=label, choices=choices, widget=widget, **_required(required), **kwargs)


def checkbox(label, *, required):
    """One GOV.UK checkbox: ticked or not."""
    return forms.BooleanField(label=label, widget=GovukCheckbox, **_required(required))


def checkboxes(label, choices=(), *, required):
    """GOV.UK checkboxes: choose any of several."""
    return forms.MultipleChoiceField(
        label=label, choices=choices, widget=CheckboxSelect, **_required(required)
    )


def text_input(label, *, required, width=None, attrs=None, **kwargs):
    """A one-line GOV.UK text input; ``width`` is its GOV.UK width in characters (5, 10),
    ``attrs`` the input's other attributes (``autocomplete``, ``inputmode``)."""
    if width is not None or attrs:
        shown = {**(attrs or {})}
        if width is not None:
            shown["class"] = f"govuk-input--width-{width}"
        kwargs["widget"] = forms.TextInput(attrs=shown)
    return forms.CharField(label=label, **_required(required), **kwargs)


def textarea(label, *, rows, required, **kwargs):
    """A GOV.UK textarea ``rows`` lines high; a ``CoachedForm`` coaches what is typed in it."""
    widget = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(label=label, widget=widget, **_required(required), **kwargs)


def date_input(label, *, required, **kwargs):
    """A GOV.UK date input, day, month and year: a ``GovukDateField`` (``error_name``,
    ``past_only``)."""
    return GovukDateField(label=label, **_required(required), **kwargs)


def money(label, *, what, required, **kwargs):
    """A sum of money in pounds with a £ prefix, taken as people write it ("£1,200.50"):
    a ``MoneyField``; ``what`` names it in its messages ("weekly cost")."""
    return MoneyField(label=label, what=what, **_required(required), **kwargs)
