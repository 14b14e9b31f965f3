"""Make a benchmark database ready: create it (PostgreSQL), migrate it, and seed it once.

    uv run python bench/prepare.py DATABASE_URL SCALE

Exits 0 when the database is ready (already seeded, or seeded now), 1 when PostgreSQL
does not answer. Seeding takes about a minute at small scale. A database seeded by an
earlier version of the generator (bench/scale/) is made again from scratch, so figures
always come from the data the code in this checkout makes.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

from goodlife.dbcheck import connect

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "bench" / "scale"


def generator_version() -> str:
    """A digest of every module of the generator, with their names."""
    digest = hashlib.sha256()
    for path in sorted(GENERATOR.rglob("*.py")):
        digest.update(path.relative_to(GENERATOR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stamp_of(url: str) -> Path:
    """Where the version of the generator that seeded this database is kept
    (git-ignored, beside the benchmark results)."""
    name = dj_database_url.parse(url)["NAME"]
    return ROOT / "bench" / f".seeded-{Path(str(name)).name}"


def drop(url: str) -> None:
    config = dj_database_url.parse(url)
    if "bench" not in str(config["NAME"]):
        # Only ever a benchmark database (goodlife_bench_…, or a file under bench/): never
        # drop anything else by mistake.
        raise SystemExit(f"Not a benchmark database (no 'bench' in its name): {config['NAME']}")
    if url.startswith("postgres"):
        with connect(url, dbname="postgres", autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(config["NAME"])
                )
            )
    else:
        for suffix in ("", "-wal", "-shm"):  # the database and its write-ahead log
            Path(f"{config['NAME']}{suffix}").unlink(missing_ok=True)


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
    """A `goodlife` command with the benchmark settings, which add `bench seed`."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "True",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
    }
    command = [sys.executable, "-m", "goodlife", *args]
    return subprocess.run(command, env=env, check=False)  # noqa: S603 - our own command


def main(url: str, scale: str) -> int:
    stamp = stamp_of(url)
    made_by = stamp.read_text().strip() if stamp.exists() else None
    if made_by != generator_version():
        # Seeded by another version of the generator, or not known to be seeded by this
        # one: start again from an empty database.
        if url.startswith("postgres"):
            try:
                drop(url)
            except psycopg.Error as exc:
                print(f"PostgreSQL did not answer ({exc}): skipping it", file=sys.stderr)
                return 1
        else:
            drop(url)
        stamp.unlink(missing_ok=True)
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
    stamp.write_text(generator_version() + "\n")
    return 0


def vacuum(url: str) -> None:
    """Fresh planner statistics, and the visibility map and hint bits set, so the first
    measured reads do not also rewrite every page they touch."""
    with connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
