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
