"""Test data made the way Goodlife makes it: through each app's services where a service
creates the row (so it is audited and on the timeline), with only what a test cares about
given and the rest filled in.

Rows recorded by someone take ``by``; when a test does not say, it is the person's
allocated worker (or a new practitioner when they have none)."""

import datetime

import factory
from django.utils import timezone

from goodlife.accounts.models import Role, Team, User
from goodlife.people import services
from goodlife.people.identifiers import nhs_number_check_digit
from goodlife.people.models import Person
from goodlife.planning import services as planning
from goodlife.planning.models import Idea, Outcome, PlanItem, SupportPlan, Task
from goodlife.practice import services as practice
from goodlife.practice.models import ConversationRecord, Episode
from goodlife.strengths import services as strengths
from goodlife.strengths.models import Aspiration, NetworkMember, Strength
from goodlife.wellbeing import services as wellbeing
from goodlife.wellbeing.models import Well12Response


def valid_nhs_number(n: int) -> str:
    """The nth valid NHS number in the never-issued 999 range."""
    base = 999_100_000 + n * 7
    while (check := nhs_number_check_digit(str(base))) is None:
        base += 1
    return f"{base}{check}"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Social worker"
    role = Role.PRACTITIONER
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        if extracted:
            self.teams.set(extracted)
        self.save()


class PersonFactory(factory.django.DjangoModelFactory):
    """People are made the way the app makes them: through the service, with version 1."""

    class Meta:
        model = Person

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.create_person(by=kwargs.pop("by", None), **kwargs)

    legal_name = factory.Faker("name", locale="en_GB")
    date_of_birth = factory.Sequence(
        # Wrapped, so that however many people a test run makes, none is born in the future.
        lambda n: datetime.date(1950, 1, 1) + datetime.timedelta(days=97 * (n % 200))
    )
    nhs_number = factory.Sequence(valid_nhs_number)
    postcode = "EB1 4QT"
    team = factory.SubFactory(TeamFactory)


def worker_of(person) -> User:
    return person.allocated_worker or UserFactory()


class EpisodeFactory(factory.django.DjangoModelFactory):
    """An open episode in conversation 1, as the contact form opens it."""

    class Meta:
        model = Episode

    @classmethod
    def _create(cls, model_class, *args, person, by, **kwargs):
        return practice.open_episode(person, by=by, **kwargs)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))
    contact_on = factory.LazyFunction(timezone.localdate)
    contact_method = "self"
    raised_by = "The person"
    reason = "Wants to stay well at home."


class ConversationRecordFactory(factory.django.DjangoModelFactory):
    """A draft record in an episode, or a finished one with ``finish=True``; every other
    keyword is one of the record's values (step, happened_on, narrative ...)."""

    class Meta:
        model = ConversationRecord

    @classmethod
    def _create(cls, model_class, *args, episode, by, finish, **values):
        return practice.start_record(episode, by=by, finish=finish, values=values)

    episode = factory.SubFactory(EpisodeFactory)
    by = factory.LazyAttribute(lambda o: o.episode.worker)
    finish = False
    narrative = factory.Sequence(lambda n: f"Note {n}: we talked about the week.")


class StrengthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strength

    @classmethod
    def _create(cls, model_class, *args, person, by, **kwargs):
        return strengths.add_strength(person, by=by, **kwargs)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))
    description = factory.Sequence(lambda n: f"Good at gardening ({n})")
    kind = "skills"
    identified_by = "person"
    identified_on = factory.LazyFunction(timezone.localdate)


class AspirationFactory(factory.django.DjangoModelFactory):
    """``interests`` are words, tagged as the form tags them."""

    class Meta:
        model = Aspiration

    @classmethod
    def _create(cls, model_class, *args, person, by, **kwargs):
        return strengths.add_aspiration(person, by=by, **kwargs)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))
    text = factory.Sequence(lambda n: f"I would like to get back to the choir ({n})")
    term = "short"
    interests = ()


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    """Someone on the network map, with the change that added them."""

    class Meta:
        model = NetworkMember

    @classmethod
    def _create(cls, model_class, *args, person, by, **kwargs):
        return strengths.add_member(person, by=by, **kwargs)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))
    name = factory.Sequence(lambda n: f"Friend {n}")
    kind = "friend"
    ring = 1
    frequency = "weekly"
    trusted = "yes"


class Well12ResponseFactory(factory.django.DjangoModelFactory):
    """A WELL12 completed together; ``answers`` are the twelve statements' answers in
    order (None for one not answered), scored by the service."""

    class Meta:
        model = Well12Response

    @classmethod
    def _create(cls, model_class, *args, person, by, answers, **kwargs):
        items = {f"item_{n}": a for n, a in enumerate(answers, 1)}
        return wellbeing.record_well12(person, by=by, **items, **kwargs)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))
    completed_on = factory.LazyFunction(timezone.localdate)
    completed_by = factory.LazyAttribute(lambda o: o.person.preferred_name or o.person.legal_name)
    how = "together"
    answers = (2,) * 12
    recent_event = ""
    recent_event_detail = ""
    notes = ""


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    @classmethod
    def _create(cls, model_class, *args, person, by, **kwargs):
        return planning.add_idea(person, by=by, **kwargs)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))
    text = factory.Sequence(lambda n: f"Try the open morning ({n})")
    tier = "community"


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    @classmethod
    def _create(cls, model_class, *args, person, by, **kwargs):
        return planning.add_outcome(person, by=by, **kwargs)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))
    text = factory.Sequence(lambda n: f"Goes to the group every week ({n})")


class TaskFactory(factory.django.DjangoModelFactory):
    """A step towards an outcome."""

    class Meta:
        model = Task

    @classmethod
    def _create(cls, model_class, *args, outcome, by, **kwargs):
        return planning.add_task(outcome, by=by, **kwargs)

    outcome = factory.SubFactory(OutcomeFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.outcome.person))
    what = factory.Sequence(lambda n: f"Ring the group ({n})")
    who = "person"


class SupportPlanFactory(factory.django.DjangoModelFactory):
    """A draft plan: the person's first, or the next version of their latest."""

    class Meta:
        model = SupportPlan

    @classmethod
    def _create(cls, model_class, *args, person, by):
        return planning.start_plan(person, by=by)

    person = factory.SubFactory(PersonFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.person))


class PlanItemFactory(factory.django.DjangoModelFactory):
    """An item of a draft plan; ``outcomes`` are the person's outcomes it serves."""

    class Meta:
        model = PlanItem

    @classmethod
    def _create(cls, model_class, *args, plan, by, **kwargs):
        return planning.add_item(plan, by=by, **kwargs)

    plan = factory.SubFactory(SupportPlanFactory)
    by = factory.LazyAttribute(lambda o: worker_of(o.plan.person))
    description = factory.Sequence(lambda n: f"Community group ({n})")
    tier = "community"


def signed_off(plan, *, manager, by=None, comment=""):
    """Send ``plan`` for sign-off (by ``by``, else its author) and have ``manager`` sign it
    off, as the two of them would on their pages; the request."""
    from goodlife.planning import queries, sign_off

    asked = sign_off.request_sign_off(plan, by=by or plan.created_by, note="")
    return sign_off.decide(
        asked,
        by=manager,
        decision=sign_off.SIGN_OFF,
        comment=comment,
        fingerprint=queries.sign_off_summary(list(plan.items.all()))["fingerprint"],
    )
