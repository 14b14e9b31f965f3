"""The calibration page: the least a Django page on this database can cost.

Ten lookups of people by primary key (an index each) and a small template, through the
same middleware as every page but with no sign-in and no audit. Benchmarks report their
figures as a ratio to it, so results from a busy or a slower machine still compare.
"""

import random

from django.http import HttpResponse
from django.template import Context, Engine

from goodlife.accounts.access import PUBLIC, access
from goodlife.people.models import Person

TEMPLATE = Engine().from_string(
    "<!DOCTYPE html><html lang='en'><head><title>Calibration</title></head><body><ul>"
    "{% for p in people %}<li>{{ p.preferred_name }} ({{ p.date_of_birth }})</li>{% endfor %}"
    "</ul></body></html>"
)
_ids: list = []
_random = random.Random(9)  # noqa: S311 - choosing rows, not secrets


@access(PUBLIC)  # every view states who may see it; this one holds no personal data
def calibration(request):
    if not _ids:
        _ids.extend(Person.objects.order_by("pk").values_list("pk", flat=True)[:5_000])
    people = [Person.objects.get(pk=pk) for pk in _random.sample(_ids, 10)]
    return HttpResponse(TEMPLATE.render(Context({"people": people})))
