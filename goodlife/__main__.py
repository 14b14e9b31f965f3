"""The `goodlife` console command: Django's manage.py under the project's name."""

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["language-check"]:
        # Plain Python: checking text needs neither settings nor a database.
        from goodlife.language.cli import main as language_check

        sys.exit(language_check(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goodlife.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["goodlife", *sys.argv[1:]])


if __name__ == "__main__":
    main()
