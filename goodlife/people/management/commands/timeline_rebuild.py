"""Rewrite every person's timeline from the records it describes.

Run it after an upgrade that changes how entries are worded or where they link, or after
loading rows in bulk without saving them one by one (the benchmark generator, bench/scale/,
writes the entries of its rows as it loads them instead).
"""

import time

from django.core.management.base import BaseCommand

from goodlife.people import timeline


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, *args, **options):
        started = time.monotonic()
        total = timeline.rebuild(say=self.stdout.write)
        self.stdout.write(
            f"{total:,} timeline entries written in {time.monotonic() - started:.0f} s"
        )
