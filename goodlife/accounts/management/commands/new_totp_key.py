"""Print a new key for GOODLIFE_TOTP_KEY (32 random bytes, URL-safe base64)."""

from django.core.management.base import BaseCommand

from goodlife.accounts import totp_keys


class Command(BaseCommand):
    help = "Print a new random key for GOODLIFE_TOTP_KEY."
    requires_system_checks = []

    def handle(self, *args, **options):
        self.stdout.write(totp_keys.new_key())
