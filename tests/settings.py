"""Goodlife's own settings with production-shaped values (DEBUG off), for the test suite.

Only the keys are made up here, because settings refuse to start without them.
"""

import os

os.environ.setdefault("SECRET_KEY", "goodlife-tests-only-" + "x" * 40)
os.environ.setdefault("GOODLIFE_TOTP_KEY", "dGVzdHMtb25seS10b3RwLWtleS0wMTIzNDU2Nzg5YWI=")

from goodlife.settings import *  # noqa: F403

# The benchmark data generator (`goodlife bench seed`) is tested here; production does
# not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "bench.scale"]  # noqa: F405

# Static files come straight from the finders: no collectstatic before a test run.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Plain HTTP on the test server, and unhashed static file names.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Fast hashing in tests; argon2 itself is checked by tests/accounts/test_sign_in.py.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Two-factor sign-in is tested where it is the subject (tests/accounts/test_two_factor.py,
# and the browser journey), switched on there with the settings fixture; elsewhere a
# password signs in, as in the laptop demo.
GOODLIFE_TWO_FACTOR = False
