"""Server time and SQL queries of key pages and actions on a benchmark database.

    uv run python bench/prepare.py DATABASE_URL small      # once: migrated and seeded
    DATABASE_URL=... uv run python bench/pages.py --scale small --label sqlite

Requests go through Django's whole stack in this process (middleware, the access check,
the audit write, templates), without a network: "server time". Each page is requested a
few times to warm up, then --repeat times; the median and 95th percentile are reported
with the number of queries, and merged into bench/results/latest.json under
pages.<scale>-<label>.
"""

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench import store
from bench.environment import forget_writes, sign_in
from bench.scale.generator import PASSWORD
from goodlife.planning.models import Review
from goodlife.practice.models import ConversationRecord, Episode
from goodlife.ui import once


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def measure(request, repeat):
    for _ in range(3):
        request()
    times, queries, status = [], 0, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = request()
            times.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "queries": queries,
        "status": status,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", required=True)
    parser.add_argument("--label", required=True, help="the database, e.g. sqlite or postgresql")
    # 100: with 30, the 95th percentile is the second slowest request, one stray pause.
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()

    # Served as in production: hashed static file names need the manifest.
    call_command("collectstatic", interactive=False, verbosity=0)
    # The person with the longest history among those with an open episode (to write
    # to) and a support plan that has been reviewed: the same shape of record at every
    # scale, so council/small compares like with like.
    open_people = Episode.objects.filter(closed_at__isnull=True).values("person")
    reviewed = Review.objects.values("plan__person")
    busiest = (
        ConversationRecord.objects.filter(person__in=open_people)
        .filter(person__in=reviewed)
        .values("person")
        .annotate(n=Count("id"))
        .order_by("-n", "person")
        .first()
    )
    if busiest is None:
        print("No benchmark data here: run bench/prepare.py first.", file=sys.stderr)
        return 2
    episode = Episode.objects.filter(
        person=busiest["person"], closed_at__isnull=True
    ).select_related("person__allocated_worker")[0]
    person, worker = episode.person, episode.person.allocated_worker
    client = Client()
    if not sign_in(client, worker, PASSWORD):
        print(f"Cannot sign in as {worker.email}", file=sys.stderr)
        return 2
    get = lambda url: lambda: client.get(url, secure=True)  # noqa: E731
    p = f"/people/{person.pk}/"
    today = datetime.date.today()  # noqa: DTZ011 - a calendar date for the forms
    # One client each (a new test Client loads the middleware again: not server time).
    anonymous, signing_in = Client(), Client()
    pages = {
        "calibration": lambda: anonymous.get("/bench/calibration/", secure=True),
        # Signed out each time (cookies cleared), so every request checks the password.
        "sign in": lambda: (
            signing_in.cookies.clear(),
            signing_in.post(
                "/accounts/sign-in/",
                {"username": worker.email, "password": PASSWORD},
                secure=True,
            ),
        )[1],
        "my work": get("/my-work/"),
        "caseload": get("/people/"),
        "person overview": get(p),
        "timeline": get(p + "timeline/"),
        "WELL12 progression": get(p + "wellbeing/"),
        "strengths profile": get(p + "strengths/"),
        "network map": get(p + "network/"),
        "directory search": get("/directory/?q=walking+group"),
        "matching for a person": get(p + "suggestions/"),
        "plan": get(p + "support-plan/"),
        "team list": get("/people/team/"),
        "team WELL12": get("/wellbeing/team/"),
        "team reviews": get("/plans/team/"),
        # Writes: each request records a new, finished row.
        "record a conversation": lambda: client.post(
            f"{p}episodes/{episode.pk}/records/new/",
            {
                "step": "gather",
                **_date("happened_on", today),
                "narrative": "We talked about the allotment and the choir.",
                "finish": "1",
                # A new create form's one-time token each time, as a browser would send.
                once.FIELD: once.new_token(worker.pk),
            },
            secure=True,
        ),
        "record a WELL12": lambda: client.post(
            p + "wellbeing/well12/new/",
            {
                **_date("completed_on", today),
                "completed_by": person.preferred_name,
                "how": "together",
                "recent_event": "no",
                **{f"item_{n}": str(n % 5) for n in range(1, 13)},
                once.FIELD: once.new_token(worker.pk),
            },
            secure=True,
        ),
    }
    results = {}
    started = timezone.now()
    for name, request in pages.items():
        results[name] = measure(request, args.repeat)
        r = results[name]
        print(f"{name:<24} {r['median_ms']:>8} {r['p95_ms']:>8} {r['queries']:>6} {r['status']}")
    # Take the rows the writes added away again, so the next run measures the same history.
    forget_writes([person], started)
    store.save(
        "pages",
        f"{args.scale}-{args.label}",
        figures={"person_records": busiest["n"], "repeat": args.repeat, "results": results},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
