from django.db import models
from django.db.models.functions import Lower

from goodlife.fields import staff_member, timestamp, uuid_key
from goodlife.people.models import Person


class StrengthKind(models.TextChoices):
    SKILLS = "skills", "Personal: skills"
    KNOWLEDGE = "knowledge", "Personal: knowledge"
    INTERESTS = "interests", "Personal: interests"
    VALUES = "values", "Personal: values"
    MOTIVATION = "motivation", "Personal: motivation"
    RELATIONSHIPS = "relationships", "Relationships"
    COMMUNITY = "community", "Community"
    HOUSING = "housing", "Resources: housing"
    TRANSPORT = "transport", "Resources: transport"
    MONEY = "money", "Resources: money"
    EQUIPMENT = "equipment", "Resources: equipment"


class IdentifiedBy(models.TextChoices):
    PERSON = "person", "The person"
    FAMILY = "family", "Family or friends"
    WORKER = "worker", "A worker"


class Recorded(models.Model):
    """What every strengths-based entry shares: whose it is, who wrote it, and that it is
    retired rather than deleted."""

    id = uuid_key()
    recorded_by = staff_member()
    recorded_at = timestamp()
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_by = staff_member(optional=True)
    retired_reason = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def is_current(self) -> bool:
        return self.retired_at is None


class Strength(Recorded):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="strengths")
    description = models.TextField()
    kind = models.CharField(max_length=20, choices=StrengthKind.choices)
    identified_by = models.CharField(max_length=10, choices=IdentifiedBy.choices)
    identified_on = models.DateField()

    class Meta:
        ordering = ["recorded_at"]
        indexes = [models.Index(fields=["person", "retired_at"], name="strength_person_current")]

    def __str__(self):
        return self.description[:60]


class Interest(models.Model):
    """A word for what a person is into ("space", "gardening"); later matching uses these."""

    name = models.CharField(max_length=60)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="interest_name_ci_unique")]

    def __str__(self):
        return self.name


class Term(models.TextChoices):
    SHORT = "short", "Short term: the next few months"
    LONG = "long", "Long term"


class AspirationStatus(models.TextChoices):
    HOPED = "hoped", "Hoped for"
    ACHIEVED = "achieved", "Achieved"
    SET_ASIDE = "set_aside", "Set aside by the person"


class Aspiration(Recorded):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="aspirations")
    text = models.TextField()
    term = models.CharField(max_length=10, choices=Term.choices)
    interests = models.ManyToManyField(Interest, blank=True, related_name="aspirations")
    status = models.CharField(
        max_length=12, choices=AspirationStatus.choices, default=AspirationStatus.HOPED
    )

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self):
        return self.text[:60]


class Offer(Recorded):
    """Something the person could share with others: support can be mutual (seed 003)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="offers")
    what = models.TextField()
    when = models.CharField(max_length=200, blank=True)
    # Shown in the community directory only with the person's agreement (issue: matching).
    share_with_community = models.BooleanField(default=False)

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self):
        return self.what[:60]


class MemberKind(models.TextChoices):
    FAMILY = "family", "Family"
    FRIEND = "friend", "Friend"
    NEIGHBOUR = "neighbour", "Neighbour"
    GROUP = "group", "Group or club"
    FAITH = "faith", "Faith community"
    WORK = "work", "Workplace or place of learning"
    SERVICE = "service", "Service"
    PROFESSIONAL = "professional", "Professional"


class Ring(models.IntegerChoices):
    CLOSEST = 1, "Closest"
    CLOSE = 2, "Close"
    FURTHER = 3, "Further out"


class Frequency(models.TextChoices):
    DAILY = "daily", "Every day or most days"
    WEEKLY = "weekly", "Every week"
    MONTHLY = "monthly", "Every month"
    RARELY = "rarely", "Now and then"


class Trust(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_ASKED = "not_asked", "Not talked about yet"


class NetworkMember(Recorded):
    """Someone or something in the person's life, placed on the map by closeness."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="network")
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=MemberKind.choices)
    relationship = models.CharField(max_length=120, blank=True)
    ring = models.PositiveSmallIntegerField(choices=Ring.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    gives = models.TextField(blank=True)
    receives = models.TextField(blank=True)
    trusted = models.CharField(max_length=10, choices=Trust.choices, default=Trust.NOT_ASKED)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["ring", "name"]
        indexes = [models.Index(fields=["person", "retired_at"], name="network_person_current")]

    def __str__(self):
        return self.name


class NetworkChange(models.Model):
    """Every change to the network, so a review can show how it grew."""

    class Change(models.TextChoices):
        JOINED = "joined", "Joined"
        CHANGED = "changed", "Changed"
        LEFT = "left", "Left"

    member = models.ForeignKey(NetworkMember, on_delete=models.PROTECT, related_name="changes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    change = models.CharField(max_length=10, choices=Change.choices)
    at = timestamp()
    by = staff_member()
    ring_before = models.PositiveSmallIntegerField(null=True, blank=True)
    ring_after = models.PositiveSmallIntegerField(null=True, blank=True)
    fields = models.JSONField(default=dict)  # {field: {"before": ..., "after": ...}}

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["person", "at"], name="networkchange_person_at")]

    def __str__(self):
        return f"{self.member} {self.change}"
