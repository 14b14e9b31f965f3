"""Issue a two-factor set-up code from the console: for the first administrator, who has
nobody to issue one in the administration pages. Audited like the pages' action."""

from django.core.management.base import BaseCommand, CommandError

from goodlife.accounts import enrolment
from goodlife.accounts.models import User


class Command(BaseCommand):
    help = "Issue a one-time two-factor set-up code for a member of staff (shown once)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the email address the worker signs in with")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"Nobody signs in with {email!r}")
        code, expires_at = enrolment.issue(user, by=None)
        self.stdout.write(f"Set-up code for {user.email}: {code}")
        self.stdout.write(f"It works once, until {expires_at:%Y-%m-%d %H:%M} UTC.")
