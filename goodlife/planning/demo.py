"""Tom's ideas from seed 000 ("Working with Strengths"), found together for his astronaut
aspiration. His outcomes and plan are left for a new user to make."""

from goodlife.directory.models import Service
from goodlife.planning import services
from goodlife.planning.models import Idea

TOM_IDEAS = (
    ("Get a book about space from the library, and join it", "community", "Eastbrook Library"),
    ("Look on the internet for space agencies' open days and courses", "own_strengths", None),
    ("Watch a film together: Star Wars, 2001, Gravity", "family_friends", None),
    ("Visit the Space Centre", "community", "National Space Centre visits"),
    ("Join a club: meet people who love space too", "community", "Eastbrook Astronomical Society"),
    ("Buy a telescope (think about the cost first)", "own_strengths", None),
    ("A degree in rocket science, one day", "information", None),
)


def tell_story(borough) -> str | None:
    tom = borough.people["tom"]
    if Idea.objects.filter(person=tom).exists():
        return None
    aspiration = tom.aspirations.filter(text__icontains="astronaut").first()
    worker = borough.staff["practitioner@example.org"]
    for text, tier, service_name in TOM_IDEAS:
        service = Service.objects.filter(name=service_name).first() if service_name else None
        services.add_idea(
            tom, by=worker, text=text, tier=tier, aspiration=aspiration, service=service
        )
    return f"Ideas added for Tom: {len(TOM_IDEAS)}."
