"""Django, set up as the benchmarks run it: benchmark settings (the product's plus the
calibration page), a throwaway secret, and the hosts the test client and the load
client use. Import it before any Django model; then ``forget_writes`` takes away what a
benchmark's writes added, so the next run measures the same history."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
os.environ.setdefault("GOODLIFE_TOTP_KEY", "YmVuY2htYXJrLW9ubHktdG90cC1rZXktMDEyMzQ1Njc=")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")

import django

django.setup()


def sign_in(client, worker, password) -> bool:
    """Sign a test client in as a worker with their password, as the sign-in page would:
        through a request, which the sign-in throttle (django-axes) needs to count against, and
    with the second factor given, so every page pays for its check as in production."""
    from django.test import RequestFactory

    request = RequestFactory().post("/accounts/sign-in/")
    if not client.login(request=request, username=worker.email, password=password):
        return False
    from tests.accounts.helpers import mark_code_given

    mark_code_given(client, worker)  # and has given an app's code, as in production
    return True


def forget_writes(people, since) -> None:
    """Delete the conversation records and WELL12s added for these people since then
    (their timeline entries go with them)."""
    from django.db import connection

    from goodlife.people.models import TimelineItem
    from goodlife.practice.models import ConversationRecord
    from goodlife.wellbeing.models import Well12Response

    ConversationRecord.objects.filter(person__in=people, created_at__gte=since).delete()
    Well12Response.objects.filter(person__in=people, recorded_at__gte=since).delete()
    if connection.vendor == "postgresql":
        # The deleted rows stay in the indexes, all at the benchmark people's newest end,
        # until a vacuum (autovacuum waits for a fifth of a table to change: never, at
        # this size). Vacuumed now, so the next run does not read past them.
        tables = [
            model._meta.db_table for model in (ConversationRecord, Well12Response, TimelineItem)
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")  # our own table names
