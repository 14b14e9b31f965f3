"""A practitioner's work at a glance: open episodes, unfinished drafts, holding support
that is ending soon."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from goodlife.practice.models import ConversationRecord, Episode, HoldingSupport, RecordStatus

ENDING_SOON = datetime.timedelta(days=7)


@dataclass
class MyWork:
    episodes: list
    drafts: list
    holding: list

    def people(self):
        return (
            [e.person for e in self.episodes]
            + [d.person for d in self.drafts]
            + [h.person for h in self.holding]
        )


def my_work_for(user, visible_people) -> MyWork:
    today = timezone.localdate()
    episodes = (
        Episode.objects.filter(worker=user, closed_at__isnull=True, person__in=visible_people)
        .select_related("person")
        .order_by("contact_on")
    )
    drafts = (
        ConversationRecord.objects.filter(
            author=user, status=RecordStatus.DRAFT, person__in=visible_people
        )
        .select_related("person", "episode")
        .order_by("-updated_at")
    )
    holding = (
        HoldingSupport.objects.filter(
            Q(person__allocated_worker=user)
            | Q(person__episodes__worker=user, person__episodes__closed_at__isnull=True),
            ended_on__isnull=True,
            planned_end_on__lte=today + ENDING_SOON,
            person__in=visible_people,
        )
        .distinct()
        .select_related("person")
        .order_by("planned_end_on")
    )
    return MyWork(episodes=list(episodes), drafts=list(drafts), holding=list(holding))
