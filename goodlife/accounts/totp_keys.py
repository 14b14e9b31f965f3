"""Authenticator apps' secrets encrypted at rest, with keys from the environment.

django-otp keeps a TOTP secret as hex in ``TOTPDevice.key``: a database dump would hold
every worker's second factor. Goodlife stores there instead the secret sealed with
AES-256-GCM (``cryptography``) under ``GOODLIFE_TOTP_KEY``, bound to the device's user
so a sealed secret copied onto another account does not open. It is opened only to check
a code or to draw the set-up QR code.

The setting holds one or more keys, newest first: secrets are sealed with the first and
opened with whichever fits, so a key is rotated by putting a new one in front, running
``goodlife rotate_totp_key`` and then dropping the old one.

Why not Fernet: django-otp's column holds 80 characters; a Fernet token of a 20-byte
secret is 120. AES-GCM (what Fernet's authors would pick today) gives 67.
"""

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "g1:"
_NONCE_BYTES = 12
KEY_BYTES = 32


class SecretUnreadable(Exception):
    """No configured key opens this secret (a wrong or missing GOODLIFE_TOTP_KEY)."""


def parse_keys(value: str) -> list[bytes]:
    """The keys of a GOODLIFE_TOTP_KEY value: comma-separated, each 32 random bytes in
    URL-safe base64 (``goodlife new_totp_key`` makes one)."""
    keys = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            key = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except (binascii.Error, ValueError) as exc:
            raise ValueError("each key must be URL-safe base64") from exc
        if len(key) != KEY_BYTES:
            raise ValueError(f"each key must be {KEY_BYTES} bytes, not {len(key)}")
        keys.append(key)
    if not keys:
        raise ValueError("no key given")
    return keys


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode()


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX)


def _bound_to(user_id) -> bytes:
    return f"goodlife-totp:{user_id}".encode()


def seal(secret: bytes, *, user_id) -> str:
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(settings.GOODLIFE_TOTP_KEYS[0]).encrypt(nonce, secret, _bound_to(user_id))
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def open_sealed(stored: str, *, user_id) -> bytes:
    if not is_sealed(stored):
        raise SecretUnreadable("the secret is not sealed")
    body = stored[len(PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as exc:
        raise SecretUnreadable("the sealed secret is damaged") from exc
    nonce, sealed = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:]
    for key in settings.GOODLIFE_TOTP_KEYS:
        try:
            return AESGCM(key).decrypt(nonce, sealed, _bound_to(user_id))
        except InvalidTag:
            continue
    raise SecretUnreadable("no key in GOODLIFE_TOTP_KEY opens this secret")


def seal_hex(stored: str, *, user_id) -> str:
    """A device's key field sealed: django-otp's hex is sealed, a sealed one kept."""
    if is_sealed(stored):
        return stored
    return seal(binascii.unhexlify(stored.encode()), user_id=user_id)
