from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from goodlife.accounts.enrolment import issue_set_up_codes
from goodlife.accounts.models import Team, User


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "role")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreateForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "role", "job_title", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    search_fields = ["full_name", "email"]
    filter_horizontal = ["teams"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("About", {"fields": ["full_name", "job_title"]}),
        ("Access", {"fields": ["role", "teams", "is_active"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"fields": ["email", "full_name", "role", "usable_password", "password1", "password2"]},
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]
    actions = [issue_set_up_codes]  # two-factor set-up codes: goodlife/accounts/enrolment.py
