from django.db import models

from goodlife.fields import staff_member, timestamp, uuid_key
from goodlife.people.models import Person
from goodlife.practice.framework import CONTEXT_AREAS, STEPS


class ContactMethod(models.TextChoices):
    PHONE = "phone", "Phone call"
    VISIT = "visit", "Visit"
    HOSPITAL = "hospital", "Hospital"
    REFERRAL = "referral", "Referral from someone else"
    SELF = "self", "The person got in touch themselves"


class Outcome(models.TextChoices):
    """How an episode ended, in the categories councils report nationally."""

    INFORMATION_ADVICE = "information_advice", "Information and advice, or signposting"
    COMMUNITY = "community", "Universal or community services (community connection)"
    SHORT_TERM = "short_term", "Short-term support to maximise independence"
    LONG_TERM = "long_term", "Long-term support"
    NO_SERVICES = "no_services", "No services"


# Outcomes that mean the person got on with their life without ongoing council support.
CELEBRATED_OUTCOMES = {Outcome.INFORMATION_ADVICE, Outcome.COMMUNITY}


class EndReason(models.TextChoices):
    GOALS_MET = "goals_met", "What the person wanted is in place"
    PERSON_CHOSE = "person_chose", "The person chose not to continue"
    MOVED = "moved", "Moved out of the area"
    TRANSFERRED = "transferred", "Transferred to another team or service"
    DIED = "died", "Died"
    OTHER = "other", "Another reason"


class Episode(models.Model):
    """A period of involvement with a person, opened by a contact."""

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="episodes")
    contact_on = models.DateField()
    contact_method = models.CharField(max_length=20, choices=ContactMethod.choices)
    raised_by = models.CharField(max_length=200)
    reason = models.TextField()
    worker = staff_member(related_name="episodes")
    opened_by = staff_member()
    opened_at = timestamp()
    conversation = models.PositiveSmallIntegerField(default=1)
    closed_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = staff_member(optional=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    end_reason = models.CharField(max_length=30, choices=EndReason.choices, blank=True)
    closing_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-contact_on", "-opened_at"]
        indexes = [
            models.Index(fields=["person", "-opened_at"], name="episode_person_opened"),
            models.Index(fields=["worker", "closed_at"], name="episode_worker_open"),
        ]

    def __str__(self):
        return f"Episode from {self.contact_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_celebrated(self) -> bool:
        return self.outcome in CELEBRATED_OUTCOMES


class ConversationStage(models.Model):
    """The episode moved into a conversation (1, 2 or 3), when and why."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="stages")
    conversation = models.PositiveSmallIntegerField()
    started_at = timestamp()
    started_by = staff_member()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["started_at", "id"]

    def __str__(self):
        return f"Conversation {self.conversation}"


class RecordStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    FINAL = "final", "Finished"


STEP_CHOICES = [(s.key, s.name) for s in STEPS]
CONTEXT_FIELDS = tuple(key for key, _ in CONTEXT_AREAS)


class ConversationRecord(models.Model):
    """A narrative note of a conversation. Drafts can be changed; finished records are
    only ever amended, and every amendment keeps what it replaced."""

    id = uuid_key()
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="records")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    conversation = models.PositiveSmallIntegerField()
    step = models.CharField(max_length=20, choices=STEP_CHOICES)
    happened_on = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    who_was_there = models.TextField(blank=True)
    narrative = models.TextField(blank=True)
    housing = models.TextField(blank=True)
    finance = models.TextField(blank=True)
    health = models.TextField(blank=True)
    activities = models.TextField(blank=True)
    social_relationships = models.TextField(blank=True)
    cultural_spiritual = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=RecordStatus.choices, default="draft")
    author = staff_member()
    created_at = timestamp()
    updated_at = timestamp()
    finalised_at = models.DateTimeField(null=True, blank=True)
    # What the record said when it was finished, kept whatever amendments follow.
    original = models.JSONField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        indexes = [
            models.Index(fields=["person", "-updated_at"], name="record_person_updated"),
            models.Index(fields=["author", "status"], name="record_author_status"),
        ]

    def __str__(self):
        return f"{self.get_step_display()} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == RecordStatus.DRAFT

    def context_notes(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, key)) for key, label in CONTEXT_AREAS if getattr(self, key)]


# The parts of a record a worker writes, in the order the form shows them.
RECORD_FIELDS = ("step", "happened_on", "place", "who_was_there", "narrative", *CONTEXT_FIELDS)


class Amendment(models.Model):
    record = models.ForeignKey(
        ConversationRecord, on_delete=models.PROTECT, related_name="amendments"
    )
    amended_by = staff_member()
    amended_at = timestamp()
    reason = models.TextField()
    # {field: {"before": ..., "after": ...}} for each field that changed.
    changes = models.JSONField()

    class Meta:
        ordering = ["amended_at", "id"]

    def __str__(self):
        return f"Amendment of {self.record_id} at {self.amended_at:%Y-%m-%d %H:%M}"


class HoldingSupport(models.Model):
    """Short-term support that holds things steady in a crisis, until it ends or is reviewed."""

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="holding_support")
    episode = models.ForeignKey(
        Episode, null=True, blank=True, on_delete=models.PROTECT, related_name="holding_support"
    )
    what = models.TextField()
    starts_on = models.DateField()
    planned_end_on = models.DateField()
    recorded_by = staff_member()
    recorded_at = timestamp()
    ended_on = models.DateField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    closed_by = staff_member(optional=True)
    outcome_note = models.TextField(blank=True)

    class Meta:
        ordering = ["planned_end_on"]
        indexes = [
            models.Index(fields=["person", "ended_on"], name="holding_person_active"),
        ]

    def __str__(self):
        return f"Holding support until {self.planned_end_on:%d %b %Y}"

    @property
    def is_active(self) -> bool:
        return self.ended_on is None
