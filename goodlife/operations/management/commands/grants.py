"""Give the app's database login exactly the rights it needs: after a restore, or any time.

    uv run goodlife grants --app-role goodlife_app

Run it as the owner of the schema (goodlife_owner in docs/deploy.md), the login that runs
migrations. It is safe to run again: it first takes away whatever the app role holds on
Goodlife's tables and sequences, then grants what the least-privilege layout says, so the
result is the same whatever was there before. The audit trail gets SELECT and INSERT only;
its append-only trigger (audit migration 0002) stays the guarantee for every login.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from psycopg import sql

AUDIT_TABLE = "audit_auditevent"


def statements(app_role: str, schema: str, owner: str) -> list[sql.Composable]:
    role, schema, owner = sql.Identifier(app_role), sql.Identifier(schema), sql.Identifier(owner)
    audit = sql.Identifier(AUDIT_TABLE)
    return [
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, role),
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(schema, role),
        sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}").format(schema, role),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}").format(
            schema, role
        ),
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {}.{} FROM {}").format(schema, audit, role),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, role),
        # Tables and sequences that later migrations make (as the owner) follow suit.
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} "
            "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}"
        ).format(owner, schema, role),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} "
            "GRANT USAGE, SELECT ON SEQUENCES TO {}"
        ).format(owner, schema, role),
    ]


class Command(BaseCommand):
    help = (
        "Re-apply the least-privilege grants of docs/deploy.md to the app's database role "
        "(after a restore, for example). Run as the schema's owner; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--app-role",
            required=True,
            help="the login the app servers use, e.g. goodlife_app",
        )

    def handle(self, *args, app_role, **options):
        if connection.vendor != "postgresql":
            self.stdout.write(
                f"Nothing to do: {connection.vendor} has no database roles or grants. "
                "Grants apply to PostgreSQL only."
            )
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_schema(), current_user")
            schema, owner = cursor.fetchone()
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [app_role])
            if cursor.fetchone() is None:
                raise CommandError(
                    f"There is no database role called {app_role!r}. Create it first "
                    f"(CREATE ROLE {app_role} LOGIN PASSWORD '...'; see docs/deploy.md)."
                )
            if app_role == owner:
                raise CommandError(
                    f"{app_role!r} is the login running this command. Run it as the owner "
                    "of the schema and name the app's own login."
                )
            for statement in statements(app_role, schema, owner):
                cursor.execute(statement)
            cursor.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = %s"
                " AND has_table_privilege(%s, quote_ident(schemaname) || '.'"
                " || quote_ident(tablename), 'SELECT')",
                [schema, app_role],
            )
            (tables,) = cursor.fetchone()
        self.stdout.write(
            f"{app_role} may now read and write Goodlife's {tables} tables in schema {schema} "
            f"(the audit trail: read and add only), and tables that later migrations by "
            f"{owner} make."
        )
