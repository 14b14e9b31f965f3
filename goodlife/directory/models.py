"""The community directory, modelled on Open Referral UK (HSDS 3) with what Goodlife adds:
what each resource offers in strengths terms, and when it was last checked and by whom.

Imported records keep their feed's ids (``source`` + ``feed_id``) so a re-import updates
rather than duplicates; entries made here have ``source`` "local".
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone

from goodlife.fields import staff_member, timestamp, uuid_key
from goodlife.people.models import Person

LOCAL = "local"


class FeedRecord(models.Model):
    id = uuid_key()
    source = models.CharField(max_length=200, default=LOCAL)
    feed_id = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True


def feed_id_unique(name):
    """The constraint that a feed's id names one row of a kind: a re-import finds it again."""
    return models.UniqueConstraint(
        fields=["source", "feed_id"], condition=~models.Q(feed_id=""), name=name
    )


class Organization(FeedRecord):
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [feed_id_unique("organization_feed_id_unique")]

    def __str__(self):
        return self.name


class TaxonomyTerm(FeedRecord):
    name = models.CharField(max_length=300)
    taxonomy = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Location(FeedRecord):
    name = models.CharField(max_length=300, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    accessibility = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name or self.address.split("\n")[0]


class Status(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Closed for good"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"


def stale_before() -> datetime.date:
    """Entries last checked before this date are flagged as stale."""
    return timezone.localdate() - datetime.timedelta(days=settings.GOODLIFE_DIRECTORY_STALE_DAYS)


# The five ways to wellbeing, as the strengths a resource offers.
OFFERINGS = (
    ("connect", "Connect"),
    ("be_active", "Be active"),
    ("learn", "Keep learning"),
    ("give", "Give"),
    ("take_notice", "Take notice"),
)


class Service(FeedRecord):
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    fees = models.TextField(blank=True)
    is_free = models.BooleanField(default=False)
    eligibility = models.TextField(blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    languages = models.CharField(max_length=300, blank=True)
    offers_connect = models.BooleanField(default=False)
    offers_be_active = models.BooleanField(default=False)
    offers_learn = models.BooleanField(default=False)
    offers_give = models.BooleanField(default=False)
    offers_take_notice = models.BooleanField(default=False)
    terms = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="services")
    locations = models.ManyToManyField(Location, blank=True, related_name="services")
    last_modified = timestamp()
    last_checked_on = models.DateField(null=True, blank=True)
    last_checked_by = staff_member(optional=True)
    # Everything a search looks in, kept in one column (and the SQLite FTS5 index).
    search_text = models.TextField(blank=True)
    # A fingerprint of the imported record: an unchanged record is not rewritten.
    feed_hash = models.CharField(max_length=64, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        constraints = [feed_id_unique("service_feed_id_unique")]
        indexes = [models.Index(fields=["status", "name"], name="service_status_name")]

    def __str__(self):
        return self.name

    @property
    def is_stale(self) -> bool:
        return self.last_checked_on is None or self.last_checked_on < stale_before()

    @property
    def offerings(self) -> list[tuple[str, str]]:
        return [(key, label) for key, label in OFFERINGS if getattr(self, f"offers_{key}")]


DAYS = (
    ("MO", "Monday"),
    ("TU", "Tuesday"),
    ("WE", "Wednesday"),
    ("TH", "Thursday"),
    ("FR", "Friday"),
    ("SA", "Saturday"),
    ("SU", "Sunday"),
)


class Schedule(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    feed_id = models.CharField(max_length=200, blank=True)
    byday = models.CharField(max_length=40, blank=True)  # RFC 5545, e.g. "TU,TH"
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    freq = models.CharField(max_length=10, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.description or self.byday


class CostOption(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    feed_id = models.CharField(max_length=200, blank=True)
    option = models.CharField(max_length=300, blank=True)
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=300, blank=True)

    def __str__(self):
        return self.option


class Contact(models.Model):
    """A named contact for a service (ORUK ``contacts``): who to ask for, and how."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    feed_id = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name or self.title or self.email or self.phone


class Synonym(models.Model):
    """Words that mean a related interest, for matching: astronaut → space. A council
    extends this table without code."""

    word = models.CharField(max_length=60)
    related = models.CharField(max_length=60)

    class Meta:
        ordering = ["word", "related"]
        constraints = [models.UniqueConstraint(fields=["word", "related"], name="synonym_unique")]

    def __str__(self):
        return f"{self.word} → {self.related}"


class Place(models.Model):
    """Coordinates of a postcode or place name, for distances."""

    name = models.CharField(max_length=60, unique=True)  # "EB1 4QT", "EB1", "Eastbrook"
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        # Looked up by name whatever its case (geo.locate): a council's postcodes run to
        # tens of thousands.
        indexes = [models.Index(Upper("name"), name="directory_place_name_upper")]

    def __str__(self):
        return self.name


class UnmetNeed(models.Model):
    """Nothing suitable exists: logged for commissioners, anonymised in reports."""

    id = uuid_key()
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="unmet_needs"
    )
    what = models.TextField()
    theme = models.CharField(max_length=60)
    area = models.CharField(max_length=60)
    logged_by = staff_member()
    logged_at = timestamp()

    class Meta:
        ordering = ["-logged_at"]

    def __str__(self):
        return self.what[:60]


class NotedSuggestion(models.Model):
    """A directory suggestion a worker noted on a person's record, with the reason."""

    id = uuid_key()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="noted_suggestions")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    noted_by = staff_member()
    noted_at = timestamp()

    class Meta:
        ordering = ["-noted_at"]

    def __str__(self):
        return f"{self.service} for {self.person_id}"
