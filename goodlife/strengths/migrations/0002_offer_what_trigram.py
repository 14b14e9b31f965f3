"""PostgreSQL: find shared offers by a few letters of what they say, with an index.

The directory search shows offers whose words contain what was searched for
(``what__icontains``, which is ``UPPER(what) LIKE UPPER('%word%')``), newest first. With
no index that read all 25,000 offers of the council benchmark: 19 ms of a 57 ms search.
A trigram index on ``UPPER(what)``, only over offers shared with the community and still
current, finds the matches directly (about 1 ms; see docs/performance.md).

``pg_trgm`` ships with PostgreSQL and is a trusted extension: the database's owner may
create it. Where it cannot be created the index is left out with a warning; search works
the same, only slower.
"""

import warnings

from django.db import DatabaseError, migrations, transaction

INDEX = (
    "CREATE INDEX IF NOT EXISTS strengths_offer_what_trgm ON strengths_offer "
    "USING gin (UPPER(what) gin_trgm_ops) WHERE share_with_community AND retired_at IS NULL"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as exc:
        warnings.warn(
            f"pg_trgm could not be created ({exc}); offers are searched without an index",
            stacklevel=1,
        )
        return
    schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS strengths_offer_what_trgm")


class Migration(migrations.Migration):
    dependencies = [("strengths", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
