import time

from django.core.management.base import BaseCommand, CommandError

from bench.scale import generator


class Command(BaseCommand):
    help = "Benchmark data: `goodlife bench seed --scale small|council` fills an empty database."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        seed = sub.add_parser("seed", help="fill the database with synthetic people and history")
        seed.add_argument("--scale", choices=sorted(generator.SCALES), default="small")
        seed.add_argument(
            "--seed", type=int, default=1, help="the random seed (same seed, same data)"
        )

    def handle(self, *args, action, scale, seed, **options):
        started = time.monotonic()
        try:
            counts = generator.seed(scale, seed=seed, say=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        summary = ", ".join(f"{name} {count:,}" for name, count in counts.items())
        self.stdout.write(
            f"Benchmark data ({scale}) in {time.monotonic() - started:.0f} s: {summary}"
        )
