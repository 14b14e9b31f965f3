"""The `goodlife` console command: Django's manage.py under the project's name."""

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["language-check"]:
        # Plain Python: checking text needs neither settings nor a database.
        from goodlife.language.cli import main as language_check

        sys.exit(language_check(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goodlife.settings")
    # A command (migrate on a large table, an import) may rightly run one long statement;
    # the time-out protects pages. Set DATABASE_STATEMENT_TIMEOUT to limit commands too.
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["goodlife", *sys.argv[1:]])


if __name__ == "__main__":
    main()
