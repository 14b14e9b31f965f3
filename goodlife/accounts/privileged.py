"""Privileged acts on staff accounts: each one is an audit event, and record access is
never given by one person alone.

Whoever does it and however (the administration pages, a command, a shell), creating an
account, changing its name, email, role or active flag, its password, its teams or its
two-factor devices writes an ``AuditEvent`` (``Action.ACCOUNT``) with what changed, from
what to what, never a secret. The signals below see every save; the administration
pages add what only they know (a sign-in pause lifted, each page used).

Joining a team is what opens a team's person records, so an administrator only *asks*
(``request_membership``); a manager of that team accepts or declines
(``decide_membership``). A change of role takes the account out of its teams and asks
again, so that a manager who accepted a directory editor is asked again before that
account becomes a practitioner with the team's caseload.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django_otp.models import Device

from goodlife.accounts.access import MANAGE_TEAM, team_managers
from goodlife.accounts.models import MembershipRequest, Role, Team, User
from goodlife.audit.context import acting_user
from goodlife.audit.models import Action
from goodlife.audit.services import record
from goodlife.errors import NotAllowed

# The details of an account whose changes are recorded with their values.
WATCHED = ("email", "full_name", "job_title", "role", "is_active", "is_superuser")


def _label(user: User) -> str:
    return f"{user.full_name} <{user.email}>" if user.full_name else user.email


def _shown(name: str, value):
    if name == "role":
        return Role(value).label if value in Role.values else value
    return value


@receiver(pre_save, sender=User)
def _remember_before(sender, instance: User, update_fields=None, raw=False, **kwargs):
    if raw or instance._state.adding:
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a sign-in stamping its time: not a change to the account
    before = User.objects.filter(pk=instance.pk).values(*WATCHED, "password").first()
    instance._before = before


def _account_row(actor, account: User, summary: str, **detail):
    """The audit row for a change to a staff account, naming the account."""
    record(
        Action.ACCOUNT,
        user=actor,
        obj=account,
        summary=summary[:255],
        detail={"account": account.email, **detail},
    )


@receiver(post_save, sender=User)
def _account_saved(sender, instance: User, created: bool, raw=False, **kwargs):
    if raw:
        return
    actor = acting_user()
    if created:
        _account_row(
            actor,
            instance,
            f"Created account for {_label(instance)} as {Role(instance.role).label}",
            after={n: _shown(n, getattr(instance, n)) for n in WATCHED},
            password_set=instance.has_usable_password(),
        )
        return
    before = getattr(instance, "_before", None)
    if before is None:
        return
    del instance._before
    changed = [n for n in WATCHED if before[n] != getattr(instance, n)]
    password_changed = before["password"] != instance.password
    if not changed and not password_changed:
        return
    words = [f"{n.replace('_', ' ')}" for n in changed]
    if password_changed:
        words.append("password")
    _account_row(
        actor,
        instance,
        f"Changed {', '.join(words)} of {_label(instance)}",
        before={n: _shown(n, before[n]) for n in changed},
        after={n: _shown(n, getattr(instance, n)) for n in changed},
        password_changed=password_changed,
    )
    if "role" in changed:
        _ask_again_after_role_change(instance, actor=actor, old_role=before["role"])


def _ask_again_after_role_change(user: User, *, actor, old_role: str) -> None:
    teams = list(user.teams.all())
    if not teams:
        return
    user.teams.clear()
    for team in teams:
        request_membership(
            user,
            team,
            by=actor,
            note=f"Role changed from {_shown('role', old_role)} to {_shown('role', user.role)}",
        )


@receiver(m2m_changed, sender=User.teams.through)
def _teams_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:
        # team.members.add(user, …): one row per account.
        team_names = [instance.name]
        users = list(User.objects.filter(pk__in=pk_set or []))
    else:
        users = [instance]
        if action == "pre_clear":
            team_names = list(instance.teams.values_list("name", flat=True))
        else:
            teams = Team.objects.filter(pk__in=pk_set or [])
            team_names = list(teams.values_list("name", flat=True))
    if not team_names:
        return
    joined = action == "post_add"
    for user in users:
        record(
            Action.ACCOUNT,
            user=acting_user(),
            obj=user,
            summary=(
                f"{'Added' if joined else 'Removed'} {_label(user)} "
                f"{'to' if joined else 'from'} {', '.join(sorted(team_names))}"
            )[:255],
            detail={"account": user.email, "teams": sorted(team_names), "joined": joined},
        )


@receiver(post_save)
def _device_saved(sender, instance, created: bool, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Device):
        return
    actor = acting_user()
    if actor is not None and actor.pk == instance.user_id:
        return  # a worker setting up their own app: recorded by the set-up page
    record(
        Action.ACCOUNT,
        user=actor,
        obj=instance,
        summary=f"Added a two-factor device ({instance._meta.verbose_name}) "
        f"for {_label(instance.user)}"[:255],
        detail={"account": instance.user.email, "device": instance._meta.label_lower},
    )


@receiver(post_delete)
def _device_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Device):
        return
    user = User.objects.filter(pk=instance.user_id).first()
    record(
        Action.ACCOUNT,
        user=acting_user(),
        obj=instance,
        summary=f"Removed a two-factor device ({instance._meta.verbose_name}) "
        f"of {_label(user) if user else instance.user_id}"[:255],
        detail={"account": user.email if user else "", "device": instance._meta.label_lower},
    )


# Team membership -----------------------------------------------------------------------


@transaction.atomic
def request_membership(user: User, team: Team, *, by, note: str = "") -> MembershipRequest:
    """Ask that ``user`` join ``team``; nothing opens until a manager of the team accepts."""
    existing = MembershipRequest.objects.filter(
        user=user, team=team, decision=MembershipRequest.Decision.PENDING
    ).first()
    if existing is not None:
        return existing
    asked = MembershipRequest.objects.create(user=user, team=team, note=note[:300], requested_by=by)
    record(
        Action.ACCOUNT,
        user=by,
        obj=asked,
        summary=f"Asked that {_label(user)} join {team.name}"[:255],
        detail={"account": user.email, "team": team.name, "role": _shown("role", user.role)},
    )
    return asked


def deciders(team: Team):
    """Who may decide on joining ``team``: its managers; for a team with none yet, any
    team manager (so a new team's first manager still needs a second person)."""
    managers = team_managers(User.objects.filter(is_active=True))
    own = managers.filter(teams=team)
    return own if own.exists() else managers


def may_decide(user: User, team: Team) -> bool:
    return MANAGE_TEAM.allows(user) and deciders(team).filter(pk=user.pk).exists()


def waiting_for(user: User):
    """The requests this manager may decide, oldest first."""
    pending = MembershipRequest.objects.filter(decision=MembershipRequest.Decision.PENDING)
    if not MANAGE_TEAM.allows(user):
        return pending.none()
    teams_with_managers = Team.objects.filter(
        members__in=team_managers(User.objects.filter(is_active=True))
    )
    return (
        (pending.filter(team_id__in=user.team_ids) | pending.exclude(team__in=teams_with_managers))
        .select_related("user", "team", "requested_by")
        .order_by("requested_at")
    )


@transaction.atomic
def decide_membership(
    asked: MembershipRequest, *, by: User, accept: bool, note: str = ""
) -> MembershipRequest:
    asked = (
        MembershipRequest.objects.select_for_update()
        .select_related("user", "team")
        .get(pk=asked.pk)
    )
    if asked.decision != MembershipRequest.Decision.PENDING:
        return asked  # decided already (a second click, or another manager)
    if not may_decide(by, asked.team):
        raise NotAllowed(f"Only a manager of {asked.team.name} can decide this")
    if asked.user_id == by.pk:
        raise NotAllowed("Someone else must decide on your own request to join a team")
    asked.decision = (
        MembershipRequest.Decision.ACCEPTED if accept else MembershipRequest.Decision.DECLINED
    )
    asked.decided_by = by
    asked.decided_at = timezone.now()
    asked.decision_note = note[:300]
    asked.save(update_fields=["decision", "decided_by", "decided_at", "decision_note"])
    record(
        Action.ACCOUNT,
        user=by,
        obj=asked,
        summary=(
            f"{'Accepted' if accept else 'Declined'} {_label(asked.user)} joining {asked.team.name}"
        )[:255],
        detail={"account": asked.user.email, "team": asked.team.name, "note": note[:300]},
    )
    if accept:
        asked.user.teams.add(asked.team)
    return asked


class AdminAuditMiddleware:
    """Every use of the administration pages is on the trail: who opened which list or
    account, and what they searched for, as well as what they changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or "admin" not in match.namespaces:
            return None
        if user is None or not user.is_authenticated:
            return None
        record(
            Action.ADMIN,
            user=user,
            summary=f"Administration: {request.method} {request.path}"[:255],
            detail={"view": match.view_name, "query": request.GET.urlencode()[:500]},
            durable=True,
        )
        return None
