"""What the people pages read beyond one query: a version's details, likely duplicates,
whether an NHS number is recorded, moves waiting between teams. Reads only; every write
is in ``services.py``."""

from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Lower

from goodlife.accounts.access import MANAGE_TEAM
from goodlife.people.models import Person, PersonVersion, TeamMove


def version_data(person_id, version: int) -> dict | None:
    row = PersonVersion.objects.filter(person_id=person_id, version=version).first()
    return row.data if row else None


@dataclass(frozen=True)
class Duplicates:
    visible: list[Person]
    hidden_count: int
    hidden_teams: list[str]

    def __bool__(self):
        return bool(self.visible) or self.hidden_count > 0


def find_duplicates(
    *, visible, legal_name: str, preferred_name: str, date_of_birth, nhs_number: str
) -> Duplicates:
    """Likely duplicates: the same NHS number, or the same name and date of birth.

    ``visible`` is the queryset of people the worker may open; others are only counted,
    with their team, so no personal data leaks through the warning.
    """
    conditions = Q(pk__in=[])
    if nhs_number:
        conditions |= Q(nhs_number=nhs_number)
    if date_of_birth:
        names = {n.lower() for n in (legal_name, preferred_name) if n}
        conditions |= Q(date_of_birth=date_of_birth) & (
            Q(legal_lower__in=names) | Q(preferred_lower__in=names)
        )
    matches = (
        Person.objects.annotate(
            legal_lower=Lower("legal_name"), preferred_lower=Lower("preferred_name")
        )
        .filter(conditions)
        .select_related("team")
    )
    visible_ids = set(visible.filter(pk__in=[m.pk for m in matches]).values_list("pk", flat=True))
    shown = [m for m in matches if m.pk in visible_ids]
    hidden = [m for m in matches if m.pk not in visible_ids]
    return Duplicates(
        visible=shown,
        hidden_count=len(hidden),
        hidden_teams=sorted({m.team.name for m in hidden}),
    )


def nhs_number_recorded(nhs_number: str, *, other_than=None) -> bool:
    """Whether someone (other than the person ``other_than``) has this NHS number."""
    if not nhs_number:
        return False
    return Person.objects.filter(nhs_number=nhs_number).exclude(pk=other_than).exists()


def pending_moves(user, *, into: bool):
    """Moves still waiting that this manager's teams are asked to take on (``into``), or
    that their teams asked of others; oldest first."""
    if not MANAGE_TEAM.allows(user):
        return TeamMove.objects.none()
    side = "to_team_id__in" if into else "from_team_id__in"
    return (
        TeamMove.objects.filter(decision=TeamMove.Decision.PENDING, **{side: user.team_ids})
        .select_related("person", "from_team", "to_team", "requested_by")
        .order_by("requested_at")
    )
