"""The one way anything is written to the audit trail."""

from django.db import transaction

from goodlife.audit import context
from goodlife.audit.models import Action, AuditEvent

# Keys that must never reach an audit row, whatever a caller passes in ``detail``.
_FORBIDDEN_KEYS = {"password", "csrfmiddlewaretoken", "sessionid", "session_key", "cookie"}


def record(
    action: Action,
    *,
    user=None,
    person_id=None,
    obj=None,
    summary: str = "",
    detail: dict | None = None,
) -> AuditEvent:
    """Write one audit row in the caller's transaction; if it fails, the caller fails."""
    if not transaction.get_connection().in_atomic_block:
        # Outside a request (a command, a signal) an audit row is still its own unit.
        with transaction.atomic():
            return record(
                action, user=user, person_id=person_id, obj=obj, summary=summary, detail=detail
            )
    where = context.current()
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    clean_detail = {k: v for k, v in (detail or {}).items() if k.lower() not in _FORBIDDEN_KEYS}
    return AuditEvent.objects.create(
        user=user if signed_in else None,
        user_label=(user.email if signed_in else "")[:254],
        role=(user.role if signed_in else "")[:32],
        action=action,
        person_id=person_id,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:255],
        detail=clean_detail,
        path=where.path if where else "",
        ip_address=where.ip_address if where else None,
    )
