"""`CoachedForm`: every free-text box in the form gets the language coach.

After a draft is saved, or when "Check the wording" is pressed (no JavaScript needed),
each text box shows its findings beneath it; with JavaScript they follow typing. Pressing
"Check the wording" or "Keep my wording" never saves and never loses what was typed: the
form is shown again as it was.

Enter in a one-line box (a date, a place) presses the form's first submit button, which
would otherwise be a finding's "Keep my wording" (keeping a wording nobody chose) or
"Check the wording". So the first coached box is preceded by a hidden copy of the form's
main button, and Enter does what that button does.
"""

from django import forms
from django.forms.utils import ErrorDict
from django.urls import reverse

from goodlife.coach import queries
from goodlife.coach.middleware import current_request
from goodlife.coach.queries import CHECK, KEEP


class CoachedForm:
    # The context each field is written in, where it is not "general": "risk" for a
    # risk-enablement or contingency plan, "safeguarding" for a safeguarding record.
    language_contexts: dict[str, str] = {}
    # Forms with drafts show findings after "Save draft" instead.
    coach_check_button = True
    # The button Enter presses, as (name, value) of one of the form's visible buttons;
    # ("", "") for an unnamed one, the usual "Save".
    default_submit: tuple[str, str] = ("", "")

    def _coach_scope(self, name: str) -> str:
        request = current_request()
        return queries.scope_for(request.path if request else "", self.add_prefix(name))

    def coach_attrs(self, bound_field) -> dict:
        if not isinstance(bound_field.field.widget, forms.Textarea):
            return {}
        return {
            "data-coach-url": reverse("coach:check"),
            "data-coach-context": self.language_contexts.get(bound_field.name, "general"),
            "data-coach-scope": self._coach_scope(bound_field.name),
        }

    def coach_for(self, bound_field):
        if not isinstance(bound_field.field.widget, forms.Textarea):
            return None
        request = current_request()
        coaching = queries.coach(
            bound_field.value() or "",
            user=getattr(request, "user", None),
            scope=self._coach_scope(bound_field.name),
            context=self.language_contexts.get(bound_field.name, "general"),
            field_id=bound_field.auto_id,
            field_name=bound_field.html_name,
        )
        # One "Check the wording" button, after the form's last text box.
        last = [n for n, f in self.fields.items() if isinstance(f.widget, forms.Textarea)][-1]
        coaching.check_button = self.coach_check_button and bound_field.name == last
        # Fields are coached in the order the page shows them: the first one shown gets
        # the hidden default button, ahead of every coach button in the form.
        if not getattr(self, "_default_submit_shown", False):
            self._default_submit_shown = True
            coaching.enter_presses = self.default_submit
        return coaching

    @property
    def coach_only(self) -> bool:
        """The worker asked the coach something: show the form again, save nothing."""
        return self.is_bound and (CHECK in self.data or KEEP in self.data)

    def is_valid(self):
        # "Keep my wording" was remembered before the view ran (CoachRequestMiddleware):
        # validating a form writes nothing.
        if self.coach_only:
            self._errors = ErrorDict()  # not a failed save: no error messages
            return False
        return super().is_valid()
