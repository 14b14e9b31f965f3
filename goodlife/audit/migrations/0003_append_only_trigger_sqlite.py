"""On SQLite too, refuse UPDATE and DELETE on the audit trail inside the database itself:
``QuerySet.update()``, ``.delete()`` and raw SQL are refused as they are on PostgreSQL."""

from django.db import migrations

from goodlife.audit import sqlite


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in sqlite.CREATE:
            schema_editor.execute(statement, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in sqlite.DROP:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]

    operations = [migrations.RunPython(forwards, backwards)]
