"""The benchmarks sign their workers in through the same checks as the sign-in page."""

from django.test import Client

from bench.environment import sign_in
from tests.factories import UserFactory


def test_a_benchmark_worker_signs_in_with_the_throttle_in_place(db):
    worker = UserFactory(email="bench-worker@example.org")
    client = Client()
    assert sign_in(client, worker, "correct horse battery")
    assert client.get("/people/").status_code == 200
    assert not sign_in(Client(), worker, "not the password")
