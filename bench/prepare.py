"""Make a benchmark database ready: create it (PostgreSQL), migrate it, and seed it once.

    uv run python bench/prepare.py DATABASE_URL SCALE

Exits 0 when the database is ready (already seeded, or seeded now), 1 when PostgreSQL
does not answer. Seeding takes about a minute at small scale.
"""

import os
import subprocess
import sys

import dj_database_url
import psycopg
from psycopg import sql

from goodlife.dbcheck import connect


def create_postgres_database(url: str) -> bool:
    config = dj_database_url.parse(url)
    try:
        with connect(url, dbname="postgres", connect_timeout=3, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
            ).fetchone()
            if not exists:
                connection.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"]))
                )
    except psycopg.Error as exc:
        print(f"PostgreSQL did not answer ({exc}): skipping it", file=sys.stderr)
        return False
    return True


def goodlife(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "True"}
    command = [sys.executable, "-m", "goodlife", *args]
    return subprocess.run(command, env=env, check=False)  # noqa: S603 - our own command


def main(url: str, scale: str) -> int:
    if url.startswith("postgres") and not create_postgres_database(url):
        return 1
    if goodlife(url, "migrate", "--noinput", "-v0").returncode:
        return 2
    seeded = goodlife(
        url,
        "shell",
        "-c",
        (
            "import sys; from goodlife.accounts.models import Team; "
            "sys.exit(0 if Team.objects.filter(name__startswith='Bench team ').exists() else 3)"
        ),
    )
    if seeded.returncode == 0:
        print(f"Benchmark data ({scale}) already there")
        return 0
    if goodlife(url, "bench", "seed", "--scale", scale).returncode:
        return 2
    if url.startswith("postgres"):
        vacuum(url)  # what autovacuum would do in time after a bulk load
    return 0


def vacuum(url: str) -> None:
    """Fresh planner statistics, and the visibility map and hint bits set, so the first
    measured reads do not also rewrite every page they touch."""
    with connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
