"""Django's ``flush``, which empties every table, with the audit trail's SQLite triggers
lifted while it runs and put back after.

On PostgreSQL ``flush`` truncates, which the row trigger does not see; on SQLite it
deletes row by row, which the triggers refuse. Emptying the whole database is a
deliberate act of the database's owner (and of the test suite between tests), never of
the application.
"""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from goodlife.audit import sqlite


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            sqlite.drop(cursor)
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                sqlite.create(cursor)
