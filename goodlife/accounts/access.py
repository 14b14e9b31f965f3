"""Who may use which view. Deny by default: every view declares one rule.

Decorate each view with ``@access(rule)``. A test walks every URL pattern and fails on
any view without a rule, so a forgotten check cannot ship. Person records have their own
rule (``goodlife.people.access.person_view``) built on the same decorator.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.template.response import TemplateResponse

from goodlife.accounts.models import Role
from goodlife.audit.models import Action
from goodlife.audit.services import record

# Staff whose work gives them a caseload: they see the people of their own teams.
CASEWORK_ROLES = frozenset({Role.PRACTITIONER, Role.TEAM_MANAGER})
# Roles that never open person records, not even by break-glass: providers report on
# outcomes; commissioners see aggregates; administrators manage accounts (an account that
# could open records would let them give themselves any record); information governance
# reads the audit trail. Everyone else may open a record outside their teams only by
# break-glass.
NO_PERSON_RECORDS = frozenset(
    {Role.PROVIDER, Role.COMMISSIONER, Role.ADMINISTRATOR, Role.INFORMATION_GOVERNANCE}
)


@dataclass(frozen=True)
class Rule:
    """An access rule: who may use a view, and a sentence saying so."""

    description: str
    allows: Callable[[object], bool] = field(compare=False)
    public: bool = False


PUBLIC = Rule("Anyone, signed in or not", lambda user: True, public=True)
SIGNED_IN = Rule("Any signed-in member of staff", lambda user: user.is_authenticated)


def roles(*allowed: Role) -> Rule:
    names = ", ".join(Role(r).label.lower() for r in allowed)
    allowed_set = frozenset(allowed)
    return Rule(
        f"Signed-in staff with the role: {names}",
        lambda user: user.is_authenticated and user.role in allowed_set,
    )


def _signed_in_with(test):
    return lambda user: user.is_authenticated and test(user.role)


# --- The rules, named by what they allow. Views declare them (``@access(EDIT_DIRECTORY)``),
# services ask them (``MANAGE_TEAM.allows(user)``), navigation shows by them, and
# templates read them as ``can.<name>`` (``CAN`` below): no role is compared anywhere else.

# A caseload: the people of one's own teams, My work, adding people.
CASEWORK = Rule("Practitioners and team managers", _signed_in_with(CASEWORK_ROLES.__contains__))
# Opening a person's record: by relationship (casework in the person's team) or by
# break-glass; the language coach, which only people who write about people use.
OPEN_RECORDS = Rule(
    "Staff who may open person records",
    _signed_in_with(lambda role: role not in NO_PERSON_RECORDS),
)
# Writing in a person's record (forms, sign-off, plans). Other staff who open a record by
# break-glass (a quality lead, a directory editor) read it and change nothing.
WRITE_RECORDS = Rule(
    "Practitioners and team managers (in the person's team, or by break-glass)",
    _signed_in_with(CASEWORK_ROLES.__contains__),
)
# The language coach: staff who write about people, in records or in the directory.
USE_COACH = Rule(
    "Staff who write about people (not providers, commissioners, administrators or "
    "information governance)",
    _signed_in_with(lambda role: role not in NO_PERSON_RECORDS),
)
MANAGE_TEAM = Rule("Team managers", _signed_in_with(Role.TEAM_MANAGER.__eq__))
EDIT_DIRECTORY = roles(Role.DIRECTORY_EDITOR, Role.ADMINISTRATOR)
KEEP_DIRECTORY_CURRENT = roles(Role.DIRECTORY_EDITOR)
USE_DIRECTORY = Rule(
    "Staff who work with people or commission for them (not providers)",
    _signed_in_with(Role.PROVIDER.__ne__),
)
SEE_GAPS = roles(Role.COMMISSIONER, Role.TEAM_MANAGER, Role.QUALITY_LEAD, Role.ADMINISTRATOR)
COMMISSION = roles(Role.COMMISSIONER)
DELIVER_SUPPORT = roles(Role.PROVIDER)
READ_AUDIT_TRAIL = roles(Role.INFORMATION_GOVERNANCE)
ADMINISTER = roles(Role.ADMINISTRATOR)

# What templates may ask, as ``{% if can.edit_directory %}``.
TEMPLATE_RULES = {
    "casework": CASEWORK,
    "open_records": OPEN_RECORDS,
    "write_records": WRITE_RECORDS,
    "manage_team": MANAGE_TEAM,
    "edit_directory": EDIT_DIRECTORY,
    "keep_directory_current": KEEP_DIRECTORY_CURRENT,
    "use_directory": USE_DIRECTORY,
    "see_gaps": SEE_GAPS,
    "commission": COMMISSION,
    "deliver_support": DELIVER_SUPPORT,
    "read_audit_trail": READ_AUDIT_TRAIL,
    "administer": ADMINISTER,
}


def in_team(user, team_id) -> bool:
    """Casework in ``team_id``: the person's own team, who decide about them."""
    return CASEWORK.allows(user) and team_id in user.team_ids


def manages(user, team_id) -> bool:
    """A manager of ``team_id``."""
    return MANAGE_TEAM.allows(user) and team_id in user.team_ids


def casework_staff(users):
    """Those of ``users`` (a queryset) who hold a caseload: who may be allocated a person."""
    return users.filter(role__in=CASEWORK_ROLES)


def team_managers(users):
    """Those of ``users`` (a queryset) who manage teams."""
    return users.filter(role=Role.TEAM_MANAGER)


class Can:
    """The rules for one user, for templates: ``can.manage_team`` is True or False."""

    def __init__(self, user):
        self._user = user

    def __getattr__(self, name):
        rule = TEMPLATE_RULES.get(name)
        if rule is None:
            raise AttributeError(name)
        user = self._user
        return user is not None and user.is_authenticated and rule.allows(user)


def can(request) -> dict:
    """Context processor: ``can`` in every template (an error page answered before
    sign-in is looked at has no user, and can do nothing)."""
    return {"can": Can(getattr(request, "user", None))}


def refuse(request, *, reason: str, person_id=None, status: int = 403) -> TemplateResponse:
    """Record a refused access and show the person a plain explanation."""
    record(
        Action.ACCESS_REFUSED,
        user=request.user,
        person_id=person_id,
        summary=f"Refused: {request.method} {request.path}"[:255],
        detail={"reason": reason},
        durable=True,
    )
    return TemplateResponse(request, "403.html", {"reason": reason}, status=status)


def access(rule: Rule):
    """Declare and enforce the access rule of a function view."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not rule.allows(request.user):
                return refuse(
                    request,
                    reason="Your role does not include this page.",
                    person_id=kwargs.get("person_id"),
                )
            return view(request, *args, **kwargs)

        wrapped.access_rule = rule
        if rule.public:
            wrapped = login_not_required(wrapped)
        return wrapped

    return decorator


def rule_of(view) -> Rule | None:
    """The rule a view declares: ``access`` and ``person_view`` put it on the view."""
    return getattr(view, "access_rule", None)
