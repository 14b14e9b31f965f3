"""Django's PostgreSQL backend, every connection under the database deadline.

settings.py names this package as the ENGINE of a PostgreSQL database; everything else
is Django's own backend unchanged.
"""

from django.db.backends.postgresql import base

from goodlife.operations import deadline


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        deadline.guard(self)

    def get_new_connection(self, conn_params):
        deadline.refuse_if_unanswered(self)
        try:
            return super().get_new_connection(conn_params)
        except base.Database.OperationalError:
            deadline.no_answer(self)
            raise
