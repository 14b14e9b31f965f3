from django.db import models
from django.utils import timezone

from goodlife.directory.models import Service
from goodlife.fields import staff_member, timestamp, uuid_key
from goodlife.people.models import Person
from goodlife.planning.tiers import COUNCIL_FUNDED, TIERS
from goodlife.strengths.models import Aspiration


class IdeaStatus(models.TextChoices):
    PROPOSED = "proposed", "To talk about"
    WANTED = "wanted", "The person wants to try it"
    NOT_WANTED = "not_wanted", "The person did not want it"


class Idea(models.Model):
    """An idea developed with the person for an aspiration or need (MASOSS: Solutions)."""

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="ideas")
    aspiration = models.ForeignKey(
        Aspiration, null=True, blank=True, on_delete=models.PROTECT, related_name="ideas"
    )
    text = models.TextField()
    tier = models.CharField(max_length=20, choices=TIERS)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=IdeaStatus.choices, default=IdeaStatus.PROPOSED
    )
    not_wanted_reason = models.TextField(blank=True)
    recorded_by = staff_member()
    recorded_at = timestamp()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self):
        return self.text[:60]


class OutcomeStatus(models.TextChoices):
    WORKING = "working", "Working towards it"
    ACHIEVED = "achieved", "Achieved"
    PARTLY = "partly", "Partly achieved"
    NOT_ACHIEVED = "not_achieved", "Not achieved"


class Outcome(models.Model):
    """What the person wants to be different, in positive words, with how you will both
    know and by when (MASOSS: Outcomes). Traced to an aspiration or to what matters."""

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="outcomes")
    aspiration = models.ForeignKey(
        Aspiration, null=True, blank=True, on_delete=models.PROTECT, related_name="outcomes"
    )
    text = models.TextField()
    how_we_will_know = models.TextField(blank=True)
    by_when = models.DateField(null=True, blank=True)
    short_term = models.BooleanField(default=False)
    domains = models.JSONField(default=list)  # Care Act wellbeing domain keys
    status = models.CharField(
        max_length=15, choices=OutcomeStatus.choices, default=OutcomeStatus.WORKING
    )
    recorded_by = staff_member()
    recorded_at = timestamp()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["by_when", "recorded_at"]

    def __str__(self):
        return self.text[:60]


class Who(models.TextChoices):
    PERSON = "person", "The person"
    FAMILY = "family", "Family or a friend"
    WORKER = "worker", "The worker"
    OTHER = "other", "Someone else"


class Task(models.Model):
    """A small step towards an outcome: who does what by when (the person first)."""

    id = uuid_key()
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="tasks")
    what = models.TextField()
    who = models.CharField(max_length=10, choices=Who.choices)
    who_name = models.CharField(max_length=120, blank=True)
    by_when = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    recorded_by = staff_member()
    recorded_at = timestamp()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["by_when", "recorded_at"]

    def __str__(self):
        return self.what[:60]


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Being written"
    AGREED = "agreed", "Agreed"
    REPLACED = "replaced", "Replaced by a newer version"


class AgreedHow(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "By phone"
    VIDEO = "video", "By video call"
    WRITING = "writing", "In writing"
    REPRESENTATIVE = "representative", "With their representative"


class SupportPlan(models.Model):
    """A co-produced support plan. Each agreed version is kept; changes start a new one."""

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="support_plans")
    number = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    contingency = models.TextField(blank=True)
    disengagement = models.TextField(blank=True)
    agreed_on = models.DateField(null=True, blank=True)
    agreed_how = models.CharField(max_length=20, choices=AgreedHow.choices, blank=True)
    # When the person and worker will next look at the plan together: set when it is
    # agreed and again at each review.
    review_by = models.DateField(null=True, blank=True)
    created_by = staff_member()
    created_at = timestamp()
    version = models.PositiveIntegerField(default=1)
    # The WELL12 as it stood when the plan was agreed: a review's "then", fixed at agreement
    # (worked out by date, two WELL12s and the agreement on one day would be ambiguous).
    agreed_well12 = models.ForeignKey(
        "wellbeing.Well12Response",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["person", "number"], name="support_plan_number")
        ]

    def __str__(self):
        return f"Support plan {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def review_overdue(self) -> bool:
        """An agreed plan whose review date has passed."""
        return (
            self.status == PlanStatus.AGREED
            and self.review_by is not None
            and self.review_by < timezone.localdate()
        )


class InThePlan(models.Manager):
    """A draft's items and funding as they stand: what was taken out is kept, to be put
    back, until the plan is agreed."""

    def get_queryset(self):
        return super().get_queryset().filter(removed_at__isnull=True)


class PlanItem(models.Model):
    """One solution in a plan, serving one or more outcomes (MASOSS: Services)."""

    id = uuid_key()
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="items")
    description = models.TextField()
    tier = models.CharField(max_length=20, choices=TIERS)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="plan_items")
    provided_by = models.CharField(max_length=200, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    open_ended_reason = models.TextField(blank=True)
    signed_off_by = staff_member(optional=True)
    signed_off_at = models.DateTimeField(null=True, blank=True)
    # The request the sign-off answered, with the manager's comment.
    signed_off_in = models.ForeignKey(
        "SignOffRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What council-funded support costs each week; its sources are the plan's budget lines.
    weekly_cost = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    # The same support in the version before, when this one carries it on.
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to"
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = staff_member(optional=True)
    version = models.PositiveIntegerField(default=1)

    objects = InThePlan()
    everything = models.Manager()  # noqa: DJ012 (ruff takes InThePlan() for a field)

    class Meta:
        ordering = ["plan", "id"]
        base_manager_name = "everything"

    def __str__(self):
        return self.description[:60]


class FundingSource(models.TextChoices):
    COUNCIL = "council", "The council"
    PERSON = "person", "The person's own contribution"
    HEALTH = "health", "Health (NHS)"
    OTHER = "other", "Another source"


class TakenAs(models.TextChoices):
    DIRECT_PAYMENT = "direct_payment", "Direct payment"
    MANAGED_ACCOUNT = "managed_account", "Managed account"
    COUNCIL_ARRANGED = "council_arranged", "Arranged by the council"


class BudgetLine(models.Model):
    """Where part of a plan's weekly cost comes from (conversation 3: a fair personal budget
    and its sources of funding)."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="budget")
    source = models.CharField(max_length=10, choices=FundingSource.choices)
    weekly_amount = models.DecimalField(max_digits=9, decimal_places=2)
    taken_as = models.CharField(max_length=20, choices=TakenAs.choices, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = staff_member(optional=True)
    version = models.PositiveIntegerField(default=1)

    objects = InThePlan()
    everything = models.Manager()  # noqa: DJ012 (ruff takes InThePlan() for a field)

    class Meta:
        ordering = ["id"]
        base_manager_name = "everything"

    def __str__(self):
        return f"{self.get_source_display()}: £{self.weekly_amount}"


class Review(models.Model):
    """Looking back at an agreed plan: how the outcomes went and what happens to each item."""

    id = uuid_key()
    plan = models.ForeignKey(SupportPlan, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    notes = models.TextField(blank=True)
    reviewed_by = staff_member()
    recorded_at = timestamp()
    # The WELL12 as it stood when the review was recorded: the next review's "then".
    well12 = models.ForeignKey(
        "wellbeing.Well12Response",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-reviewed_on", "-recorded_at"]

    def __str__(self):
        return f"Review of {self.plan} on {self.reviewed_on:%d %b %Y}"

    @property
    def council_support_stopped(self) -> list:
        """The council-funded items this review stopped: the success the work aims for."""
        return [
            d.item
            for d in self.decisions.all()
            if d.decision == Decision.STOP and d.item.tier in COUNCIL_FUNDED
        ]


class Decision(models.TextChoices):
    CONTINUE = "continue", "Continue"
    CHANGE = "change", "Change"
    STOP = "stop", "Stop: no longer needed"


class OutcomeProgress(models.Model):
    """Where an outcome stood when a plan was agreed, and at each review of it: the history
    a review shows beside WELL12."""

    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="progress")
    plan = models.ForeignKey(SupportPlan, on_delete=models.PROTECT, related_name="+")
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="progress"
    )
    status = models.CharField(max_length=15, choices=OutcomeStatus.choices)
    steps_done = models.PositiveIntegerField(default=0)
    steps_total = models.PositiveIntegerField(default=0)
    recorded_on = models.DateField()

    class Meta:
        ordering = ["recorded_on", "id"]
        indexes = [models.Index(fields=["outcome", "recorded_on"])]

    def __str__(self):
        return f"{self.outcome}: {self.get_status_display()} on {self.recorded_on}"


class ReviewDecision(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    item = models.ForeignKey(PlanItem, on_delete=models.PROTECT, related_name="decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField(blank=True)
    # What a "Change" changes: the item's wording, provider, weekly cost or end date as
    # they will be in the next version (blank where it stays as it was).
    new_description = models.TextField(blank=True)
    new_provided_by = models.CharField(max_length=200, blank=True)
    new_weekly_cost = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    new_ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.item}: {self.get_decision_display()}"


class SignOffStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for sign-off"
    SIGNED_OFF = "signed_off", "Signed off"
    RETURNED = "returned", "Returned"


class SignOffRequest(models.Model):
    """A practitioner asking a team manager to sign off a draft plan's council-funded
    support, and the manager's answer: signed off (with a comment) or returned (with the
    reason). The practitioner sees the answer on My work until they mark it seen."""

    id = uuid_key()
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="sign_offs")
    note = models.TextField(blank=True)
    requested_by = staff_member()
    requested_at = timestamp()
    # The council-funded items as they were sent: what the manager was asked to agree.
    items = models.JSONField(default=list)
    status = models.CharField(
        max_length=12, choices=SignOffStatus.choices, default=SignOffStatus.WAITING
    )
    decided_by = staff_member(optional=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["status", "requested_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status="waiting"),
                name="one_sign_off_waiting_per_plan",
            )
        ]

    def __str__(self):
        return f"{self.plan}: {self.get_status_display().lower()}"

    @property
    def is_waiting(self) -> bool:
        return self.status == SignOffStatus.WAITING
