"""Goodlife's one settings module, configured by environment variables (12-factor).

Development defaults are safe to run on a laptop; anything that would be unsafe in
production (DEBUG, a known SECRET_KEY) must be asked for explicitly.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from goodlife.accounts.totp_keys import parse_keys as _parse_totp_keys

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "False") -> bool:
    """Read a boolean setting; only True/False (any case) are accepted."""
    value = os.getenv(name, default).strip().lower()
    if value not in {"true", "false"}:
        raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")
    return value == "true"


def envint(name: str, default: int) -> int:
    value = os.getenv(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def envsecret(name: str) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE (container secrets)."""
    path = os.getenv(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.getenv(name)


DEBUG = envbool("DEBUG")

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set (or SECRET_KEY_FILE) unless DEBUG=True. "
            "For a local try-out, use `make run`."
        )
    SECRET_KEY = "goodlife-development-only-key-never-use-in-production-0123456789"  # noqa: S105

ALLOWED_HOSTS = [h.strip() for h in os.getenv("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.getenv("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "goodlife.accounts",
    "goodlife.audit",
    "goodlife.people",
    "goodlife.practice",
    "goodlife.strengths",
    "goodlife.directory",
    "goodlife.planning",
    "goodlife.wellbeing",
    "goodlife.coach",
    "goodlife.governance",
    "goodlife.operations",
    "goodlife.ui",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "goodlife.accounts.sessions.SessionLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "goodlife.accounts.typed_work.KeepTypedWorkMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "goodlife.accounts.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "goodlife.audit.middleware.AuditContextMiddleware",
    "goodlife.accounts.privileged.AdminAuditMiddleware",
    "goodlife.coach.middleware.CoachRequestMiddleware",
    "goodlife.ui.middleware.SecurityHeadersMiddleware",
    # Last, as django-axes asks: it answers a paused sign-in (see SIGN_IN_ATTEMPTS).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "goodlife.urls"
WSGI_APPLICATION = "goodlife.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "goodlife.ui.context_processors.goodlife",
                "goodlife.accounts.access.can",
            ],
        },
    },
]
FORM_RENDERER = "goodlife.ui.forms.GovukFormRenderer"

# SQLite file by default; PostgreSQL in production, e.g.
# DATABASE_URL=postgres://goodlife@db.internal:5432/goodlife
DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'goodlife.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Every request is one transaction: the audit row written during a request commits or
# rolls back with everything else the request did.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and envbool(
    "DATABASE_PREPARED_STATEMENTS", "True"
):
    # Parameters bound by the server, and a query run five times on a connection kept
    # open (CONN_MAX_AGE) is prepared: PostgreSQL parses and plans it once rather than on
    # every page (about a tenth of a person page's time, docs/performance.md). Turn off
    # behind a transaction-pooling PgBouncer older than 1.21, which cannot keep them.
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": envint("DATABASE_PREPARE_THRESHOLD", 5),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# --- Database trouble is answered, not hung (docs/deploy.md, "When the database is
# unavailable"). Seconds; 0 turns a limit off. The `goodlife` command line sets no
# statement time-out unless asked (goodlife/__main__.py): a migration or an import may
# rightly run one long statement, while a page must not.
DATABASE_CONNECT_TIMEOUT = envint("DATABASE_CONNECT_TIMEOUT", 5)
DATABASE_STATEMENT_TIMEOUT = envint("DATABASE_STATEMENT_TIMEOUT", 10)
for _database in DATABASES.values():
    _options = _database.setdefault("OPTIONS", {})
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # The same PostgreSQL backend, with a deadline kept on this side of the
        # connection as well (goodlife/operations/deadline.py): a frozen server answers
        # no statement_timeout.
        _database["ENGINE"] = "goodlife.operations.postgresql"
        if DATABASE_CONNECT_TIMEOUT:
            _options["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
        if DATABASE_STATEMENT_TIMEOUT:
            _server_options = _options.get("options", "")
            _options["options"] = (
                f"{_server_options} -c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}"
            ).strip()
    elif _database["ENGINE"] == "django.db.backends.sqlite3":
        # How long to wait for another writer's lock; SQLite needs a finite wait.
        _options["timeout"] = DATABASE_STATEMENT_TIMEOUT or 60
# Load balancer probes (goodlife/operations/views.py) are answered before any other
# middleware: no session, no cookie, and over plain HTTP too.
MIDDLEWARE.insert(0, "goodlife.operations.middleware.ProbeMiddleware")
SECURE_REDIRECT_EXEMPT = [r"^health/"]
# --- end of database trouble settings

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a paused sign-in before the password
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static_build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Sessions (goodlife/accounts/sessions.py) ---------------------------------------
# A session ends after SESSION_IDLE_MINUTES without use or SESSION_MAX_HOURS after
# signing in, whichever comes first, and its cookie when the browser closes. Typed work
# posted after a timeout is kept for the worker (goodlife/accounts/typed_work.py); the
# ended session's row lasts TYPED_WORK_KEPT_HOURS more, then `goodlife clearsessions`
# (scheduled in docs/deploy.md) removes it.
GOODLIFE_SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 60)
GOODLIFE_SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", 10)
GOODLIFE_TYPED_WORK_HOURS = envint("TYPED_WORK_KEPT_HOURS", 24)
for _name, _value in [
    ("SESSION_IDLE_MINUTES", GOODLIFE_SESSION_IDLE_MINUTES),
    ("SESSION_MAX_HOURS", GOODLIFE_SESSION_MAX_HOURS),
    ("TYPED_WORK_KEPT_HOURS", GOODLIFE_TYPED_WORK_HOURS),
]:
    if _value < 1:
        raise ImproperlyConfigured(f"{_name} must be 1 or more, not {_value}")
SESSION_ENGINE = "goodlife.accounts.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# With a browser-session cookie this is only how long the row of a session nobody signed
# in to is kept; signed-in sessions' rows follow the limits above.
SESSION_COOKIE_AGE = GOODLIFE_SESSION_IDLE_MINUTES * 60
# Renewed at most once a minute by goodlife.accounts.sessions, not written on every page.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Security headers. Production sits behind a TLS-terminating reverse proxy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
    SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "True")
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "True")

# Password guessing: after SIGN_IN_ATTEMPTS wrong passwords for one email address from
# one client address, sign-in for that pair pauses for SIGN_IN_PAUSE_MINUTES (each
# further attempt starts the pause again). Throttled, not locked: a worker is never locked
# out by someone typing their address elsewhere, and a signed-in administrator can lift a
# pause early ("Access attempts" in the administration pages). The NCSC's password
# guidance suggests about 10 attempts.
AXES_FAILURE_LIMIT = envint("SIGN_IN_ATTEMPTS", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("SIGN_IN_PAUSE_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "goodlife.accounts.throttle.email_of"
AXES_CLIENT_IP_CALLABLE = "goodlife.audit.middleware.client_ip"
AXES_LOCKOUT_CALLABLE = "goodlife.accounts.throttle.paused"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in Goodlife's own audit trail
AXES_VERBOSE = False
# --- Password spraying (goodlife/accounts/throttle.py) -------------------------------
# After SIGN_IN_ADDRESS_ATTEMPTS wrong passwords from one client address within
# SIGN_IN_ADDRESS_MINUTES, for any accounts, sign-in from that address waits until the
# oldest of them is that old. 30 in 15 minutes leaves room for an office behind one
# address; one wrong password tried against many accounts is slowed to 2 a minute.
GOODLIFE_SIGN_IN_ADDRESS_ATTEMPTS = envint("SIGN_IN_ADDRESS_ATTEMPTS", 30)
GOODLIFE_SIGN_IN_ADDRESS_MINUTES = envint("SIGN_IN_ADDRESS_MINUTES", 15)
AXES_HANDLER = "goodlife.accounts.throttle.SignInHandler"

# Two-factor sign-in (goodlife/accounts/two_factor.py): after the password, a code from
# an authenticator app. On unless DEBUG: a laptop demo (make run) signs in with the
# printed password alone.
GOODLIFE_TWO_FACTOR = envbool("GOODLIFE_TWO_FACTOR", "False" if DEBUG else "True")
OTP_TOTP_ISSUER = "Goodlife"  # how the app names the account: "Goodlife: priya@…"
# Never show a device's secret or its QR code in the administration pages.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Two-factor secrets at rest (goodlife/accounts/totp_keys.py) ---------------------
# Authenticator apps' secrets are stored encrypted with GOODLIFE_TOTP_KEY (or
# GOODLIFE_TOTP_KEY_FILE): one or more 32-byte keys in URL-safe base64, newest first,
# comma-separated while rotating. A key of its own, not derived from SECRET_KEY, so that
# rotating one never locks every worker out, and a leaked SECRET_KEY does not open the
# second factor. Required unless DEBUG=True, like SECRET_KEY.
_totp_key = envsecret("GOODLIFE_TOTP_KEY")
if not _totp_key:
    if not DEBUG:
        raise ImproperlyConfigured(
            "GOODLIFE_TOTP_KEY must be set (or GOODLIFE_TOTP_KEY_FILE) unless DEBUG=True. "
            "Make one with `goodlife new_totp_key`."
        )
    _totp_key = "Z29vZGxpZmUtZGV2ZWxvcG1lbnQtdG90cC1rZXktMDA="  # development only
try:
    GOODLIFE_TOTP_KEYS = _parse_totp_keys(_totp_key)
except ValueError as exc:
    raise ImproperlyConfigured(f"GOODLIFE_TOTP_KEY: {exc}") from exc

# --- Two-factor enrolment codes (goodlife/accounts/enrolment.py) ----------------------
# The first set-up of an authenticator app (and a set-up after a lost phone) needs a
# one-time code an administrator issues; it expires after this many hours.
GOODLIFE_ENROLMENT_CODE_HOURS = envint("ENROLMENT_CODE_HOURS", 24)

# Break-glass: how long emergency access to a record outside one's teams lasts.
GOODLIFE_BREAK_GLASS_MINUTES = envint("GOODLIFE_BREAK_GLASS_MINUTES", 60)
# How many reverse proxies sit in front of the app: the audit trail records the client
# address they forward (X-Forwarded-For), not the proxy's own.
GOODLIFE_TRUSTED_PROXIES = envint("GOODLIFE_TRUSTED_PROXIES", 0)
# Directory entries not checked for this many days are flagged as stale.
GOODLIFE_DIRECTORY_STALE_DAYS = envint("GOODLIFE_DIRECTORY_STALE_DAYS", 180)

# --- Sizes of what is sent ------------------------------------------------------------
# The largest form a browser sends: a conversation's record, its longest text boxes full of
# non-English text, is well under 2 MB; a larger body is refused with a 400 before it is
# read. Text boxes have their own limits (goodlife/ui/forms.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("GOODLIFE_MAX_REQUEST_KB", 2048) * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# `goodlife directory import` reads no file, nor page of a feed, larger than this.
GOODLIFE_DIRECTORY_IMPORT_MAX_MB = envint("GOODLIFE_DIRECTORY_IMPORT_MAX_MB", 50)
# --------------------------------------------------------------------------------------

# The council's name, shown in the header.
GOODLIFE_COUNCIL_NAME = os.getenv("GOODLIFE_COUNCIL_NAME", "Eastbrook Borough Council")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    # django-axes logs every failed sign-in at INFO; they are in the audit trail already.
    # A pause itself is logged at WARNING.
    "loggers": {"axes": {"level": "WARNING"}},
}
