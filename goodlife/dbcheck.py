"""Exit 0 when the PostgreSQL server in a DATABASE_URL answers, 1 otherwise.

Used by `make test` to decide whether to run the suite a second time on PostgreSQL.
"""

import sys

import dj_database_url
import psycopg


def connect(url: str, *, dbname: str | None = None, **options) -> psycopg.Connection:
    """A connection to the server in a DATABASE_URL: to its own database, or ``dbname``."""
    config = dj_database_url.parse(url)
    return psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname=dbname or config["NAME"],
        **options,
    )


def answers(url: str) -> bool:
    try:
        with connect(url, dbname="postgres", connect_timeout=3):
            return True
    except psycopg.Error:
        return False


if __name__ == "__main__":
    sys.exit(0 if answers(sys.argv[1]) else 1)
