"""Seal every authenticator app's secret again with the first key of GOODLIFE_TOTP_KEY.

Rotate a key: put the new one in front (GOODLIFE_TOTP_KEY=new,old), restart, run this,
then drop the old key. A secret no configured key opens is reported and left alone.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from goodlife.accounts import totp_keys
from goodlife.accounts.models import AuthenticatorApp


class Command(BaseCommand):
    help = "Re-encrypt every two-factor secret with the first key of GOODLIFE_TOTP_KEY."

    def handle(self, *args, **options):
        resealed, unreadable = 0, []
        with transaction.atomic():
            for device in AuthenticatorApp.objects.select_for_update().order_by("pk"):
                try:
                    secret = device.bin_key
                except totp_keys.SecretUnreadable:
                    unreadable.append(device.pk)
                    continue
                device.key = totp_keys.seal(secret, user_id=device.user_id)
                device.save(update_fields=["key"])
                resealed += 1
        self.stdout.write(f"Re-encrypted {resealed} two-factor secret(s) with the first key.")
        if unreadable:
            raise CommandError(
                f"{len(unreadable)} secret(s) open with no configured key (devices "
                f"{', '.join(map(str, unreadable))}): put their key back in GOODLIFE_TOTP_KEY."
            )
