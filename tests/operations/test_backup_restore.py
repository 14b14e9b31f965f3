"""A backup proven by restoring it, as docs/operations.md says to do every month.

Scratch databases and roles on the test server: a source with the demo borough, dumped
with pg_dump, restored into a second database by its owner, the app's grants re-applied
with `goodlife grants`; then the same rows, the append-only audit trail, and the app
working as the least-privileged login.
"""

import glob
import json
import os
import shutil
import subprocess
import sys

import psycopg
import psycopg.sql
import pytest
from django.db import connection

from tests.test_deploy import ROOT

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="backups and grants are PostgreSQL's"
)

# Signs in as the demo's practitioner and opens Tom's record, as the restored app would.
APP_CHECK = """
import json, django
django.setup()
from django.test import Client
from goodlife.audit.models import AuditEvent
from goodlife.people.demo import person_id
views = AuditEvent.objects.filter(person_id=person_id("tom"), action="view")
before = views.count()
client = Client()
signed_in = client.post(
    "/accounts/sign-in/", {"username": "practitioner@example.org", "password": "goodlife-demo"}
)
page = client.get(f"/people/{person_id('tom')}/")
print(json.dumps({
    "sign_in": signed_in.status_code,
    "person": page.status_code,
    "tom": "Tom" in page.content.decode(),
    "viewed": views.count() - before,
}))
"""


def program(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name)]
    if not found[-1]:
        pytest.skip(f"{name} is not installed")
    return found[-1]


class Scratch:
    def __init__(self):
        config = connection.settings_dict
        self.host = config["HOST"] or "127.0.0.1"
        self.port = str(config["PORT"] or 5432)
        self.admin_user = config["USER"] or "postgres"
        base = f"scratch_{config['NAME']}"[:40]
        self.source, self.restored = f"{base}_source", f"{base}_restored"
        self.owner, self.app = f"{base}_owner", f"{base}_app"

    def admin(self):
        return psycopg.connect(
            host=self.host, port=self.port, user=self.admin_user, dbname="postgres",
            autocommit=True,
        )  # fmt: skip

    def as_login(self, user, dbname):
        return psycopg.connect(host=self.host, port=self.port, user=user, dbname=dbname)

    def url(self, user, dbname):
        return f"postgres://{user}@{self.host}:{self.port}/{dbname}"

    def drop(self):
        with self.admin() as admin:
            for name in (self.source, self.restored):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (self.app, self.owner):
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')

    def create(self):
        self.drop()
        with self.admin() as admin:
            admin.execute(f'CREATE ROLE "{self.owner}" LOGIN')
            admin.execute(f'CREATE ROLE "{self.app}" LOGIN')
            for name in (self.source, self.restored):
                admin.execute(f'CREATE DATABASE "{name}" OWNER "{self.owner}"')


@pytest.fixture
def scratch():
    scratch = Scratch()
    scratch.create()
    try:
        yield scratch
    finally:
        scratch.drop()


def run(args, env=None):
    result = subprocess.run(
        args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def goodlife(url, *args):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "DJANGO_", "GOODLIFE_")) and k != "DEBUG"
    }
    env.update(
        DATABASE_URL=url, DJANGO_SETTINGS_MODULE="tests.settings", ALLOWED_HOSTS="testserver"
    )
    return run([sys.executable, *(args or ["-m", "goodlife"])], env=env)


def row_counts(scratch, dbname):
    with scratch.as_login(scratch.owner, dbname) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        count = psycopg.sql.SQL("SELECT count(*) FROM {}")
        return {
            table: db.execute(count.format(psycopg.sql.Identifier(table))).fetchone()[0]
            for table in tables
        }


def refused(scratch, user, statement):
    with scratch.as_login(user, scratch.restored) as db:
        try:
            db.execute(statement)
        except psycopg.errors.InsufficientPrivilege as error:
            return str(error)
    return None


@on_postgresql
def test_a_restored_dump_has_every_row_the_audit_trail_sealed_and_the_app_working(
    scratch, tmp_path
):
    goodlife(scratch.url(scratch.owner, scratch.source), "-m", "goodlife", "migrate", "--noinput")
    goodlife(scratch.url(scratch.owner, scratch.source), "-m", "goodlife", "demo")
    dump = tmp_path / "goodlife.dump"
    login = ["--host", scratch.host, "--port", scratch.port, "--username", scratch.owner]
    run([program("pg_dump"), *login, "--format=custom", "--no-owner", "--no-privileges",
         "--file", str(dump), scratch.source])  # fmt: skip
    run([program("pg_restore"), *login, "--no-owner", "--no-privileges", "--exit-on-error",
         "--dbname", scratch.restored, str(dump)])  # fmt: skip

    # Restored without privileges, the app's login can read nothing yet.
    assert refused(scratch, scratch.app, "SELECT count(*) FROM people_person")
    restored = scratch.url(scratch.owner, scratch.restored)
    said = goodlife(restored, "-m", "goodlife", "grants", "--app-role", scratch.app)
    assert f"{scratch.app} may now read and write" in said
    assert goodlife(restored, "-m", "goodlife", "grants", "--app-role", scratch.app) == said

    before, after = row_counts(scratch, scratch.source), row_counts(scratch, scratch.restored)
    assert after == before
    assert before["people_person"] > 0 and before["audit_auditevent"] > 0
    assert before["accounts_user"] > 0

    # The append-only trigger came back with the schema: refused even for the owner.
    for statement in ("UPDATE audit_auditevent SET summary = 'rewritten'",
                      "DELETE FROM audit_auditevent"):  # fmt: skip
        assert "append-only" in refused(scratch, scratch.owner, statement)
        assert "permission denied" in refused(scratch, scratch.app, statement)
    assert "permission denied" in refused(scratch, scratch.app, "TRUNCATE audit_auditevent")
    assert row_counts(scratch, scratch.restored) == before

    # The app works on the restored copy as its least-privileged login: signs in, opens a
    # record, and writes the audit rows that go with it.
    checked = goodlife(scratch.url(scratch.app, scratch.restored), "-c", APP_CHECK)
    found = json.loads(checked.strip().splitlines()[-1])
    assert found == {"sign_in": 302, "person": 200, "tom": True, "viewed": 1}


def test_grants_has_nothing_to_do_on_sqlite(tmp_path):
    said = goodlife(f"sqlite:///{tmp_path / 'g.sqlite3'}", "-m", "goodlife", "grants",
                    "--app-role", "goodlife_app")  # fmt: skip
    assert "Nothing to do: sqlite has no database roles" in said
