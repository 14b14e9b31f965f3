"""Finding people: one search box understands names, NHS numbers and dates of birth."""

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from goodlife.people.identifiers import normalise_nhs_number

_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass
class Query:
    name_terms: list[str] = field(default_factory=list)
    nhs_number: str | None = None
    date_of_birth: datetime.date | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.name_terms or self.nhs_number or self.date_of_birth)


def _as_date(token: str) -> datetime.date | None:
    if m := _DATE.match(token):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO_DATE.match(token):
        year, month, day = (int(g) for g in m.groups())
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse(text: str) -> Query:
    """Split what was typed into name words, an NHS number and a date of birth."""
    query = Query()
    compact = re.sub(r"[\s-]", "", text)
    if compact.isdigit() and len(compact) == 10:
        try:
            query.nhs_number = normalise_nhs_number(compact)
        except ValueError as exc:
            query.problems.append(str(exc))
        return query
    for token in text.split():
        if (day := _as_date(token)) is not None:
            query.date_of_birth = day
        elif re.fullmatch(r"[\d/.-]+", token):
            query.problems.append(
                f"“{token}” is not a date we recognise: write dates like 14/03/1981"
            )
        else:
            query.name_terms.append(token.strip(",."))
    return query


def matching(people: QuerySet, query: Query) -> QuerySet:
    """Filter a queryset of people by a parsed query; every name word must match."""
    if query.nhs_number:
        people = people.filter(nhs_number=query.nhs_number)
    if query.date_of_birth:
        people = people.filter(date_of_birth=query.date_of_birth)
    for term in query.name_terms:
        people = people.filter(Q(legal_name__icontains=term) | Q(preferred_name__icontains=term))
    return people
