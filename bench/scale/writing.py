"""What every part of the generator writes with: its random numbers and clock, and bulk
inserts that also write the rows' timeline entries."""

import datetime
import random
import uuid

from django.db import connection
from django.utils import timezone
from psycopg import sql

from bench.scale.scales import BATCH, Scale
from goodlife.people import timeline
from goodlife.people.models import TimelineItem


class Writer:
    """The state the generator's parts share; one random stream, so the same seed makes
    the same data."""

    def __init__(self, scale: Scale, seed: int, say=print):
        self.scale, self.rng, self.say = scale, random.Random(seed), say  # noqa: S311
        self.now = timezone.now().replace(microsecond=0)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def when(self, days_back: int) -> datetime.datetime:
        return self.now - datetime.timedelta(days=days_back, seconds=self.rng.randrange(86_400))

    def bulk(self, model, rows) -> None:
        """Insert rows and the timeline entries they make: COPY on PostgreSQL (several
        times faster than INSERT), batched INSERTs elsewhere."""
        feed = timeline.feed_for(model)
        items = [i for row in rows for i in timeline.items_of(feed, row)] if feed else []
        if connection.vendor == "postgresql":
            copy_rows(model, rows)
            copy_rows(TimelineItem, items)
        else:
            model.objects.bulk_create(rows, batch_size=BATCH)
            TimelineItem.objects.bulk_create(items, batch_size=BATCH)


def copy_rows(model, rows) -> None:
    """Write model instances with PostgreSQL's COPY, as bulk_create would: field defaults
    and auto_now values applied, auto-incremented keys left to the database."""
    if not rows:
        return
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and getattr(rows[0], f.attname) is None)
    ]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(f.column) for f in fields),
    )
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([f.get_db_prep_save(f.pre_save(row, True), connection) for f in fields])
