from django import forms
from django.http import JsonResponse
from django.template.response import TemplateResponse

from goodlife import language
from goodlife.accounts.access import USE_COACH, access
from goodlife.coach import queries, services
from goodlife.ui.forms import RECORD_TEXT_LIMIT
from goodlife.ui.http import post_only


class CheckForm(forms.Form):
    # As long as the longest box the coach sits beside (a conversation's record).
    text = forms.CharField(label="Text", required=False, strip=False, max_length=RECORD_TEXT_LIMIT)
    context = forms.ChoiceField(choices=[(c, c) for c in language.CONTEXTS], required=False)
    scope = forms.CharField(max_length=300)
    field_id = forms.RegexField(regex=r"^[A-Za-z0-9_\-]{1,100}$")
    field_name = forms.RegexField(regex=r"^[A-Za-z0-9_\-]{1,100}$")


class KeepForm(forms.Form):
    scope = forms.CharField(max_length=300)
    phrase = forms.CharField(max_length=200)
    text = forms.CharField(max_length=200)


@access(USE_COACH)
@post_only
def check(request):
    """The findings for what is being typed, as the HTML shown beneath the box. Nothing
    is stored: the text is checked and forgotten."""
    form = CheckForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    data = form.cleaned_data
    coaching = queries.coach(
        data["text"],
        user=request.user,
        scope=data["scope"],
        context=data["context"] or "general",
        field_id=data["field_id"],
        field_name=data["field_name"],
    )
    return TemplateResponse(request, "coach/_findings.html", {"coaching": coaching})


@access(USE_COACH)
@post_only
def keep(request):
    """Keep a flagged wording in this place: one click, remembered for this worker."""
    form = KeepForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    services.keep(request.user, **form.cleaned_data)
    return JsonResponse({"kept": True})
