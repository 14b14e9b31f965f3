import datetime

from django.db import models
from django.utils import timezone

from goodlife.accounts.models import Team
from goodlife.fields import staff_member, timestamp, uuid_key
from goodlife.people.identifiers import format_nhs_number


class Status(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


# The details of a person that staff type and may change, in the order a conversation
# finds them out. Everything else on a person is set by the system.
PERSON_DETAILS = (
    "legal_name",
    "preferred_name",
    "pronouns",
    "date_of_birth",
    "nhs_number",
    "what_matters",
    "communication_needs",
    "address",
    "postcode",
    "phone",
    "email",
    "team",
    "allocated_worker",
    "status",
)

# Says nothing of who it is: the record may be one this worker may not open.
NHS_NUMBER_RECORDED = (
    "Someone with this NHS number is already recorded. Search for them by NHS number, or "
    "ask your team manager if you cannot open their record"
)


class Person(models.Model):
    """Someone Goodlife supports, described first by who they are and what matters to them.

    ``version`` rises by one with every saved change; an edit based on an older version
    is refused rather than silently overwriting someone else's work.
    """

    id = uuid_key()
    legal_name = models.CharField(max_length=200)
    preferred_name = models.CharField(max_length=100, blank=True)
    pronouns = models.CharField(max_length=50, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    nhs_number = models.CharField(max_length=10, blank=True, db_index=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    communication_needs = models.TextField(blank=True)
    what_matters = models.TextField("what matters to me", blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="people")
    allocated_worker = staff_member(optional=True, related_name="caseload")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = staff_member(optional=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["legal_name"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["team", "status", "legal_name"], name="people_team_status_name"),
            models.Index(
                fields=["allocated_worker", "status", "legal_name"], name="people_worker_status"
            ),
            models.Index(fields=["date_of_birth"], name="people_dob"),
        ]
        constraints = [
            # One record per person: an NHS number, where one is given, is never recorded
            # twice, even when two workers add the same person at the same moment.
            models.UniqueConstraint(
                fields=["nhs_number"],
                condition=~models.Q(nhs_number=""),
                name="person_nhs_number_unique",
                violation_error_message=NHS_NUMBER_RECORDED,
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name the person asked to be called, or their legal name."""
        return self.preferred_name or self.legal_name

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number)

    def age_on(self, day: datetime.date) -> int | None:
        if self.date_of_birth is None:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())


class BreakGlassAccess(models.Model):
    """Time-limited access to a record outside one's teams, given for a stated reason.

    Managers of the person's team review every grant.
    """

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="break_glass")
    user = staff_member()
    # The team that held the record when access was granted: its managers review the
    # grant, even if the person moves team afterwards.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", null=True)
    reason = models.TextField()
    granted_at = timestamp()
    expires_at = models.DateTimeField()
    reviewed_by = staff_member(optional=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-granted_at"]
        indexes = [
            models.Index(fields=["user", "person", "-expires_at"], name="breakglass_user_person"),
        ]

    def __str__(self):
        return f"{self.user} → {self.person_id} at {self.granted_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()


class TeamMove(models.Model):
    """A request to move a person to another team: asked by a manager of the team that
    holds the record, decided by a manager of the team that would take it on."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Waiting for the receiving team's manager"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="team_moves")
    from_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    to_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    requested_by = staff_member()
    requested_at = timestamp()
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = staff_member(optional=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(decision="pending"),
                name="team_move_one_pending_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person_id}: {self.from_team} → {self.to_team} ({self.decision})"


class PersonVersion(models.Model):
    """What a person's details were at each version: the base for merging concurrent edits
    and, later, for showing how a record changed over time."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField()
    data = models.JSONField()
    saved_by = staff_member(optional=True)
    saved_at = timestamp()

    class Meta:
        ordering = ["person", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="person_version_unique")
        ]

    def __str__(self):
        return f"{self.person_id} v{self.version}"


class TimelineItem(models.Model):
    """One entry on a person's timeline, written when the row it describes is saved (see
    ``goodlife.people.timeline``). Read with one indexed query per page."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()
    kind = models.CharField(max_length=32)
    # The row this entry describes, "app_label.model:pk": its entries are rewritten together.
    subject = models.CharField(max_length=120)
    title = models.TextField()
    summary = models.TextField(blank=True)
    url = models.TextField(blank=True)
    actor = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)

    class Meta:
        indexes = [
            # A page of everything: newest first, keyset on (at, id).
            models.Index(fields=["person", "-at", "-id"], name="timeline_person_at"),
            # A filtered page: the same, for one or a few kinds.
            models.Index(fields=["person", "kind", "-at", "-id"], name="timeline_person_kind_at"),
            models.Index(fields=["subject"], name="timeline_subject"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.title}"

    @property
    def entry(self):
        from goodlife.people.timeline import TimelineEntry

        return TimelineEntry(
            self.at, self.kind, self.title, self.summary, self.url, self.actor, tuple(self.tags)
        )
