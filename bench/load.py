"""Throughput under load: gunicorn (2 workers) on loopback, 16 connections at once.

    DATABASE_URL=... uv run python bench/load.py --scale council --label postgresql

Three loads against one gunicorn:

- calibration: the benchmark-only calibration page (bench/calibration.py), 20 s;
- person overview: the overview of people in the signed-in worker's caseload, 20 s;
- mixed: 70% reads of person pages, 20% writes (a finished conversation record or a
  WELL12), 10% directory searches, 60 s.

They take turns in slices (five by default: 4 s, 4 s, 12 s, then again), so drift in
the machine's speed during the run touches all three alike and the ratios to the
calibration page stay fair.

Each of 16 virtual users has its own worker's session and that worker's people. The
client is a small asyncio loop in this process (gunicorn's sync workers close each
connection, so every request opens one). Requests are sent as if through a TLS-ending
proxy (X-Forwarded-Proto: https), as in production. A response is an error unless it is
200 for a read or a redirect (302) after a write. Figures merge into
bench/results/latest.json under load.<scale>-<label>.
"""

import argparse
import asyncio
import datetime
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench import store  # noqa: E402
from bench.environment import forget_writes, sign_in  # noqa: E402 - sets Django up
from bench.scale.generator import PASSWORD  # noqa: E402
from goodlife.accounts.models import User  # noqa: E402
from goodlife.practice.models import Episode  # noqa: E402

CONNECTIONS = 16
SEARCHES = ["walking group", "choir", "gardening", "astronomy", "knitting", "chess", "art"]
READS = ["", "timeline/", "strengths/", "wellbeing/", "network/", "support-plan/"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VirtualUser:
    """One worker's session, their people, and a rotating choice of what to ask for."""

    def __init__(self, worker, people, rng):
        client = Client()
        if not sign_in(client, worker, PASSWORD):
            raise SystemExit(f"Cannot sign in as {worker.email}")
        self.csrf = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret
        self.cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.csrf}"
        self.people = people  # [(person id, an episode id)]
        self.rng = rng

    def overview(self):
        person, _ = self.rng.choice(self.people)
        return "GET", f"/people/{person}/", None

    def mixed(self):
        roll = self.rng.random()
        person, episode = self.rng.choice(self.people)
        if roll < 0.70:
            return "GET", f"/people/{person}/{self.rng.choice(READS)}", None
        if roll < 0.90:
            today = datetime.date.today()  # noqa: DTZ011 - a calendar date for the form
            day = {"day": today.day, "month": today.month, "year": today.year}
            if self.rng.random() < 0.5:
                form = {
                    "step": "gather",
                    **{f"happened_on_{k}": v for k, v in day.items()},
                    "narrative": "We talked about the allotment and the choir on Thursday.",
                    "finish": "1",
                }
                return "POST", f"/people/{person}/episodes/{episode}/records/new/", form
            form = {
                **{f"completed_on_{k}": v for k, v in day.items()},
                "completed_by": "Together",
                "how": "together",
                "recent_event": "no",
                **{f"item_{n}": str(self.rng.randrange(5)) for n in range(1, 13)},
            }
            return "POST", f"/people/{person}/wellbeing/well12/new/", form
        return "GET", "/directory/?" + urlencode({"q": self.rng.choice(SEARCHES)}), None


async def send(port, method, path, form, cookie, csrf):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    host = f"127.0.0.1:{port}"
    headers = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}",
        "X-Forwarded-Proto: https",
        "Connection: close",
    ]
    body = b""
    if cookie:
        headers.append(f"Cookie: {cookie}")
    if form is not None:
        body = urlencode({**form, "csrfmiddlewaretoken": csrf}).encode()
        headers += [
            f"Referer: https://{host}{path}",
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body)}",
        ]
    writer.write(("\r\n".join(headers) + "\r\n\r\n").encode() + body)
    await writer.drain()
    response = await reader.read()
    writer.close()
    return int(response.split(b" ", 2)[1])


class Tally:
    """What one kind of load has done so far, over all its slices."""

    def __init__(self):
        self.latencies, self.errors, self.kinds, self.elapsed = [], [], {}, 0.0

    def summary(self) -> dict:
        ordered = sorted(self.latencies)
        return {
            "seconds": round(self.elapsed, 1),
            "requests": len(ordered),
            "requests_per_s": round(len(ordered) / self.elapsed, 1),
            "median_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "errors": len(self.errors),
            "first_errors": self.errors[:5],
            "by_method": self.kinds,
        }


async def run(port, seconds, users, pick, tally, calibration=False):
    """Every virtual user asks, waits for the answer and asks again, for ``seconds``."""
    deadline = time.perf_counter() + seconds

    async def virtual(user):
        while time.perf_counter() < deadline:
            if calibration:
                method, path, form = "GET", "/bench/calibration/", None
            else:
                method, path, form = pick(user)
            started = time.perf_counter()
            try:
                status = await send(
                    port, method, path, form, None if calibration else user.cookie, user.csrf
                )
            except (OSError, IndexError, ValueError) as exc:
                status = repr(exc)
            tally.latencies.append((time.perf_counter() - started) * 1000)
            tally.kinds[method] = tally.kinds.get(method, 0) + 1
            if status != (302 if method == "POST" else 200):
                tally.errors.append(f"{method} {path}: {status}")

    started = time.perf_counter()
    await asyncio.gather(*(virtual(u) for u in users))
    tally.elapsed += time.perf_counter() - started


def virtual_users(rng):
    workers = list(
        User.objects.filter(email__startswith="bench", role="practitioner").order_by("email")[
            :CONNECTIONS
        ]
    )
    users = []
    for worker in workers:
        people = []
        for episode in Episode.objects.filter(worker=worker, closed_at__isnull=True).order_by("pk")[
            :40
        ]:
            people.append((str(episode.person_id), str(episode.pk)))
        users.append(VirtualUser(worker, people, random.Random(rng.random())))  # noqa: S311
    return users


def wait_for(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped before it served")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--seconds", type=int, default=60, help="length of the mixed run")
    parser.add_argument("--single-seconds", type=int, default=20, help="length of the others")
    parser.add_argument("--slices", type=int, default=5, help="turns the three runs take")
    args = parser.parse_args()

    call_command("collectstatic", interactive=False, verbosity=0)
    users = virtual_users(random.Random(1))  # noqa: S311
    started = timezone.now()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own server
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "goodlife.wsgi:application",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
    )
    try:
        wait_for(port, server)
        loads = (
            ("calibration", args.single_seconds, None, True),
            ("person overview", args.single_seconds, VirtualUser.overview, False),
            ("mixed", args.seconds, VirtualUser.mixed, False),
        )
        for _, _, pick, calibration in loads:  # warm up
            asyncio.run(run(port, 3, users, pick, Tally(), calibration))
        # Taken in turns, a slice of each at a time: a machine that speeds up or slows
        # down during the run does so for all three alike, so their ratios hold.
        tallies = {name: Tally() for name, *_ in loads}
        for _ in range(args.slices):
            for name, seconds, pick, calibration in loads:
                asyncio.run(
                    run(port, seconds / args.slices, users, pick, tallies[name], calibration)
                )
        results = {name: tally.summary() for name, tally in tallies.items()}
        for name, r in results.items():
            print(
                f"{name:<16} {r['requests_per_s']:>7} req/s  median {r['median_ms']} ms  "
                f"p95 {r['p95_ms']} ms  errors {r['errors']}"
            )
            for error in r["first_errors"]:
                print(f"  {error}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        # Take the rows the writes added away again, so the next run starts the same.
        people = {person for user in users for person, _ in user.people}
        forget_writes(people, started)
    store.save(
        "load",
        f"{args.scale}-{args.label}",
        figures={
            "gunicorn_workers": 2,
            "connections": CONNECTIONS,
            "slices": args.slices,
            "results": results,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
