import logging

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

from goodlife.accounts import totp_keys
from goodlife.fields import timestamp, uuid_key

logger = logging.getLogger(__name__)


class Role(models.TextChoices):
    """The roles of PRODUCT.md. A user has exactly one."""

    PRACTITIONER = "practitioner", "Practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    QUALITY_LEAD = "quality_lead", "Quality lead"
    DIRECTORY_EDITOR = "directory_editor", "Directory editor"
    COMMISSIONER = "commissioner", "Commissioner"
    PROVIDER = "provider", "Provider"
    ADMINISTRATOR = "administrator", "Administrator"
    # Reads the audit trail (who looked at what, and every privileged act); opens no record.
    INFORMATION_GOVERNANCE = "information_governance", "Information governance"


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


# What the administrator role may do in the Django admin: manage staff accounts and teams,
# ask for team membership, and keep matching's synonyms and places up to date.
# Nobody deletes users: they are deactivated.
ADMINISTRATOR_PERMISSIONS = frozenset(
    {
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_team",
        "accounts.add_team",
        "accounts.change_team",
        # Joining a team is asked for here and accepted by the team's manager
        # (MembershipRequest): an administrator never gives record access alone.
        "accounts.view_membershiprequest",
        "accounts.add_membershiprequest",
        # Paused sign-ins (goodlife/accounts/throttle.py): seen, and lifted by deleting.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        # Two-factor devices (goodlife/accounts/two_factor.py): deleting one resets a lost
        # phone; the worker sets up again at their next sign-in.
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        "otp_static.view_staticdevice",
        "otp_static.delete_staticdevice",
        "directory.view_synonym",
        "directory.add_synonym",
        "directory.change_synonym",
        "directory.delete_synonym",
        "directory.view_place",
        "directory.add_place",
        "directory.change_place",
    }
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("Users sign in by email, so an email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("role", Role.ADMINISTRATOR)
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of council staff (or a provider's staff) who signs in with their email."""

    id = uuid_key()
    email = models.EmailField("email address", max_length=254, unique=True)
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.PRACTITIONER)
    teams = models.ManyToManyField(Team, related_name="members", blank=True)
    is_active = models.BooleanField(default=True)
    date_joined = timestamp()

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def is_staff(self) -> bool:
        """Only administrators may use the Django admin (users, teams, read-only audit)."""
        return self.is_active and (self._is_administrator or self.is_superuser)

    def has_perm(self, perm, obj=None):
        if self._is_administrator and perm in ADMINISTRATOR_PERMISSIONS:
            return True
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        if self._is_administrator and any(
            p.startswith(f"{app_label}.") for p in ADMINISTRATOR_PERMISSIONS
        ):
            return True
        return super().has_module_perms(app_label)

    @property
    def _is_administrator(self) -> bool:
        from goodlife.accounts.access import ADMINISTER  # the rules read this model

        return self.is_active and ADMINISTER.allows(self)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def team_ids(self) -> set[int]:
        if not hasattr(self, "_team_ids"):
            self._team_ids = set(self.teams.values_list("id", flat=True))
        return self._team_ids


class MembershipRequest(models.Model):
    """A request that a member of staff join a team, which a manager of the team decides.

    Team membership is what opens a team's records to a practitioner or manager, so an
    administrator only asks; the account joins the team when one of its managers accepts.
    """

    class Decision(models.TextChoices):
        PENDING = "pending", "Waiting for the team's manager"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="membership_requests")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="membership_requests")
    note = models.CharField("why they should join", max_length=300, blank=True)
    requested_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = timestamp()
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "team"],
                condition=models.Q(decision="pending"),
                name="membership_one_pending_per_team",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.team} ({self.get_decision_display()})"


# --- Two-factor sign-in and sign-in throttling (goodlife/accounts/two_factor.py,
# enrolment.py, throttle.py) ---------------------------------------------------------


class AuthenticatorApp(TOTPDevice):
    """django-otp's TOTP device, with its secret sealed at rest (accounts/totp_keys.py).

    Only the key's storage differs: ``bin_key`` opens the sealed secret, and django-otp's
    own code checks the codes with it. If no configured key opens it, no code is right.
    """

    class Meta:
        proxy = True
        verbose_name = "authenticator app"

    @property
    def bin_key(self) -> bytes:
        return totp_keys.open_sealed(self.key, user_id=self.user_id)

    def verify_token(self, token):
        try:
            self.bin_key  # noqa: B018 - a wrong GOODLIFE_TOTP_KEY refuses, it does not crash
        except totp_keys.SecretUnreadable:
            logger.error("The secret of authenticator app %s cannot be opened", self.pk)
            self.unreadable = True
            return False
        return super().verify_token(token)


@receiver(pre_save, sender=TOTPDevice)
@receiver(pre_save, sender=AuthenticatorApp)
def _seal_totp_secret(sender, instance, **kwargs):
    """Whichever way a device is saved, its secret is stored sealed."""
    instance.key = totp_keys.seal_hex(instance.key, user_id=instance.user_id)


class EnrolmentCode(models.Model):
    """A one-time code an administrator issues so a worker can set up two-factor sign-in.

    Only a hash is stored; the code itself is shown once, to the administrator."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrolment_codes")
    code_hash = models.CharField(max_length=64)
    issued_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = timestamp()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self):
        return f"Two-factor set-up code for {self.user}"


class SignInFailure(models.Model):
    """One wrong password from one client address, whatever the account: counted to slow
    down password spraying (accounts/throttle.py). Kept only for the counting window."""

    ip_address = models.CharField(max_length=64)
    at = timestamp()

    class Meta:
        indexes = [models.Index(fields=["ip_address", "at"], name="accounts_signin_ip_at")]

    def __str__(self):
        return f"Wrong password from {self.ip_address} at {self.at:%H:%M:%S}"
