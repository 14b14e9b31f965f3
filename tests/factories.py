import datetime

import factory

from goodlife.accounts.models import Role, Team, User
from goodlife.people import services
from goodlife.people.identifiers import nhs_number_check_digit
from goodlife.people.models import Person


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
