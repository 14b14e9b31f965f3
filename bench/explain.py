"""EXPLAIN ANALYZE for every query of the key pages, on a PostgreSQL benchmark database.

    DATABASE_URL=postgres://…/goodlife_bench_council uv run python bench/explain.py

Requests each page as bench/pages.py does, captures its SQL, and runs each SELECT again
under EXPLAIN (ANALYZE, BUFFERS). Writes bench/results/explain-<database>.txt: per page,
its queries slowest first, each with its time, the plan's first lines and whether any
step reads a whole table (Seq Scan) — where an index or another query shape is due. The
reasoning drawn from it is in docs/performance.md.
"""

import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.environment import sign_in  # sets Django up
from bench.scale.generator import PASSWORD
from goodlife.practice.models import Episode

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> int:
    if connection.vendor != "postgresql":
        print("EXPLAIN ANALYZE here is PostgreSQL's: point DATABASE_URL at one", file=sys.stderr)
        return 2
    episode = (
        Episode.objects.filter(closed_at__isnull=True)
        .select_related("person__allocated_worker")
        .order_by("pk")
        .first()
    )
    person, worker = episode.person, episode.person.allocated_worker
    client = Client()
    sign_in(client, worker, PASSWORD)
    p = f"/people/{person.pk}/"
    pages = {
        "my work": "/my-work/",
        "caseload": "/people/",
        "person overview": p,
        "timeline": p + "timeline/",
        "timeline, older page": None,
        "WELL12 progression": p + "wellbeing/",
        "strengths profile": p + "strengths/",
        "network map": p + "network/",
        "directory search": "/directory/?q=walking+group",
        "matching for a person": p + "suggestions/",
        "plan": p + "support-plan/",
        "team list": "/people/team/",
        "team WELL12": "/wellbeing/team/",
        "team reviews": "/plans/team/",
    }
    out = [f"EXPLAIN (ANALYZE, BUFFERS) on {connection.settings_dict['NAME']}", ""]
    for name, url in pages.items():
        if url is None:  # the second page of the timeline, by its keyset link
            page = client.get(p + "timeline/", secure=True).content.decode()
            older = re.search(r'href="([^"]*before=[^"]*)" rel="next"', page)
            url = p + "timeline/" + (html.unescape(older.group(1)) if older else "")
        client.get(url, secure=True)  # warm
        with CaptureQueriesContext(connection) as captured:
            client.get(url, secure=True)
        rows = []
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [r[0] for r in cursor.fetchall()]
                took = next(
                    (
                        float(line.split(":")[1].split()[0])
                        for line in plan
                        if "Execution Time" in line
                    ),
                    0.0,
                )
                rows.append((took, sql, plan))
        rows.sort(key=lambda r: -r[0])
        total = sum(r[0] for r in rows)
        seq = sum(1 for *_, plan in rows if any("Seq Scan" in line for line in plan))
        out.append(
            f"## {name}: {len(rows)} SELECTs, {total:.2f} ms in the database, {seq} with a Seq Scan"
        )
        for took, sql, plan in rows[:4]:
            out.append(f"  {took:.3f} ms  {sql[:160]}")
            out.extend(f"      {line}" for line in plan[:6])
        out.append("")
    target = RESULTS / f"explain-{connection.settings_dict['NAME']}.txt"
    target.write_text("\n".join(out) + "\n")
    print("\n".join(line for line in out if line.startswith("##")))
    print(f"Written to bench/results/{target.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
