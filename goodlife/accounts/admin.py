from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from goodlife.accounts import privileged
from goodlife.accounts.enrolment import issue_set_up_codes
from goodlife.accounts.models import MembershipRequest, Team, User
from goodlife.audit.models import Action
from goodlife.audit.services import record


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "role")


class UserEditForm(UserChangeForm):
    ask_to_join = forms.ModelMultipleChoiceField(
        Team.objects.all(),
        required=False,
        label="Ask to join teams",
        help_text="A manager of each team is asked to accept: team membership opens the "
        "team's person records, so it is never given by an administrator alone.",
        widget=forms.CheckboxSelectMultiple,
    )
    take_out_of = forms.ModelMultipleChoiceField(
        Team.objects.none(),
        required=False,
        label="Take out of teams",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ("email", "full_name", "job_title", "role", "is_active")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "take_out_of" in self.fields and self.instance.pk:
            self.fields["take_out_of"].queryset = self.instance.teams.all()
            self.fields["ask_to_join"].queryset = Team.objects.exclude(
                pk__in=self.instance.teams.values("pk")
            )


class MembershipRequestInline(admin.TabularInline):
    model = MembershipRequest
    fk_name = "user"
    extra = 0
    can_delete = False
    fields = ["team", "requested_by", "requested_at", "decision", "decided_by", "decided_at"]
    readonly_fields = fields
    verbose_name = "request to join a team"
    verbose_name_plural = "Requests to join teams (decided by the team's manager)"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreateForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "role", "job_title", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    search_fields = ["full_name", "email"]
    inlines = [MembershipRequestInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("About", {"fields": ["full_name", "job_title"]}),
        ("Access", {"fields": ["role", "is_active", "teams", "ask_to_join", "take_out_of"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"fields": ["email", "full_name", "role", "usable_password", "password1", "password2"]},
        ),
    ]
    readonly_fields = ["last_login", "date_joined", "teams"]
    actions = [issue_set_up_codes]  # two-factor set-up codes: goodlife/accounts/enrolment.py

    def _own(self, request, obj) -> bool:
        # Nobody raises or keeps their own access: another administrator does it.
        return obj is not None and obj.pk == request.user.pk

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self._own(request, obj):
            fields += ["role", "is_active"]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._own(request, obj):
            return fieldsets
        asking = {"ask_to_join", "take_out_of"}
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in asking]})
            for name, opts in fieldsets
        ]

    def get_inline_instances(self, request, obj=None):
        return super().get_inline_instances(request, obj) if obj is not None else []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        for team in form.cleaned_data.get("take_out_of") or []:
            user.teams.remove(team)
        for team in form.cleaned_data.get("ask_to_join") or []:
            privileged.request_membership(user, team, by=request.user)


admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class SignInPauseAdmin(AccessAttemptAdmin):
    """Paused sign-ins: lifting one early is a privileged act, so it is on the trail."""

    def delete_model(self, request, obj):
        self._lifted(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._lifted(request, list(queryset))
        super().delete_queryset(request, queryset)

    def _lifted(self, request, attempts):
        for attempt in attempts:
            record(
                Action.ACCOUNT,
                user=request.user,
                obj=attempt,
                summary=f"Lifted the sign-in pause of {attempt.username}"[:255],
                detail={
                    "email": attempt.username,
                    "ip_address": attempt.ip_address,
                    "failures": attempt.failures_since_start,
                },
            )
