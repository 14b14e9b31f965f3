from django.core.management.base import BaseCommand, CommandError

from goodlife.directory.openreferral import SourceUnreadable, import_feed, read_source, source_name


class Command(BaseCommand):
    help = (
        "Work with the community directory. `directory import SOURCE` reads an Open Referral feed."
    )

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        importing = subcommands.add_parser(
            "import",
            help="Import an Open Referral UK feed: a JSON file or a /services URL. "
            "Safe to run again: unchanged records are left alone.",
        )
        importing.add_argument("source", help="a JSON file, or the URL of a /services endpoint")
        importing.add_argument(
            "--per-page", type=int, default=None, help="records to ask for per page (URLs only)"
        )

    def handle(self, *args, subcommand, **options):
        if subcommand == "import":
            self.import_feed(options["source"], per_page=options["per_page"])

    def import_feed(self, source: str, *, per_page: int | None):
        try:
            report = import_feed(
                source_name(source),
                read_source(source, per_page=per_page),
                progress=self.show_progress,
            )
        except SourceUnreadable as problem:
            # Records read before the problem are kept: each was saved on its own.
            raise CommandError(f"Could not read the feed: {problem}", returncode=2) from problem
        self.stdout.write(report.summary())

    def show_progress(self, read: int, report) -> None:
        """A line on stderr every few hundred records, so a large import shows it is moving."""
        self.stderr.write(
            f"Read {read:,} services: created {report.created:,}, updated {report.updated:,}, "
            f"unchanged {report.unchanged:,}, skipped {len(report.skipped):,}"
        )
