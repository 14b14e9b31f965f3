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
