from django.db import models

from goodlife.fields import staff_member, timestamp, uuid_key
from goodlife.people.models import Person
from goodlife.wellbeing import well12

ITEM_FIELDS = tuple(f"item_{n}" for n in range(1, well12.ITEM_COUNT + 1))


class CompletedHow(models.TextChoices):
    TOGETHER = "together", "Together, in conversation"
    SELF_PAPER = "self_paper", "Self-completed on paper"
    READ_ALOUD = "read_aloud", "Read aloud to the person"


class RecentEvent(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "Not sure"


class Well12Response(models.Model):
    """One WELL12, as the person answered it. Corrected only by amendment."""

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="well12s")
    completed_on = models.DateField()
    completed_by = models.CharField(max_length=200)
    how = models.CharField(max_length=20, choices=CompletedHow.choices)
    item_1 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_2 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_3 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_4 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_5 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_6 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_7 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_8 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_9 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_10 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_11 = models.PositiveSmallIntegerField(null=True, blank=True)
    item_12 = models.PositiveSmallIntegerField(null=True, blank=True)
    recent_event = models.CharField(max_length=10, choices=RecentEvent.choices, blank=True)
    recent_event_detail = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    # Kept with the answers so team figures need no rescoring; set by the service.
    total = models.PositiveSmallIntegerField()
    answered = models.PositiveSmallIntegerField()
    recorded_by = staff_member()
    recorded_at = timestamp()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["completed_on", "recorded_at"]
        indexes = [models.Index(fields=["person", "completed_on"], name="well12_person_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__lte": well12.MAX_ANSWER})
                | models.Q(**{f"{name}__isnull": True}),
                name=f"well12_{name}_range",
            )
            for name in ITEM_FIELDS
        ]

    def __str__(self):
        return f"WELL12 of {self.completed_on:%d %b %Y}"

    @property
    def answers(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, name) for name in ITEM_FIELDS)

    @property
    def score(self) -> well12.Score:
        return well12.score(self.answers)


class Well12Amendment(models.Model):
    response = models.ForeignKey(
        Well12Response, on_delete=models.PROTECT, related_name="amendments"
    )
    amended_by = staff_member()
    amended_at = timestamp()
    reason = models.TextField()
    changes = models.JSONField()  # {field: {"before": ..., "after": ...}}

    class Meta:
        ordering = ["amended_at", "id"]

    def __str__(self):
        return f"Amendment of WELL12 {self.response_id}"
