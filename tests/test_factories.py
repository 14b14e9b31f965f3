"""The factories make rows as the app does: through its services, so each is audited and
recorded by the person's worker unless a test says who."""

import pytest

from goodlife.audit.models import Action, AuditEvent
from tests import factories

MADE_BY_SERVICES = [
    factories.EpisodeFactory,
    factories.ConversationRecordFactory,
    factories.StrengthFactory,
    factories.AspirationFactory,
    factories.NetworkMemberFactory,
    factories.Well12ResponseFactory,
    factories.IdeaFactory,
    factories.OutcomeFactory,
    factories.TaskFactory,
    factories.SupportPlanFactory,
    factories.PlanItemFactory,
]


@pytest.mark.parametrize("factory", MADE_BY_SERVICES, ids=lambda f: f.__name__)
def test_a_row_with_nothing_given_is_made_and_audited(db, factory):
    row = factory()
    assert type(row).objects.filter(pk=row.pk).exists()
    created = AuditEvent.objects.filter(action=Action.CREATE, object_id=str(row.pk))
    assert created.count() == 1


def test_the_persons_worker_records_it_unless_a_test_says_who(tom, practitioner, manager):
    assert factories.StrengthFactory(person=tom).recorded_by == practitioner
    assert factories.StrengthFactory(person=tom, by=manager).recorded_by == manager
    alone = factories.PersonFactory()
    assert factories.OutcomeFactory(person=alone).recorded_by.role == "practitioner"
