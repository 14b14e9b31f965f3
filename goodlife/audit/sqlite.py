"""The append-only guarantee on SQLite, as PostgreSQL's trigger gives it (migration 0002).

SQLite has no TRUNCATE, so emptying a whole database (Django's ``flush``, used between
tests) deletes row by row: ``goodlife flush`` lifts the triggers for that and puts them
back (see ``audit/management/commands/flush.py``).
"""

TABLE = "audit_auditevent"
MESSAGE = "audit_auditevent is append-only"

CREATE = [
    f"""CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}: UPDATE is not allowed'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}: DELETE is not allowed'); END""",
]
DROP = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete",
]


def create(cursor) -> None:
    for statement in CREATE:
        cursor.execute(statement)


def drop(cursor) -> None:
    for statement in DROP:
        cursor.execute(statement)
