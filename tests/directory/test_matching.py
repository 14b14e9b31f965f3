from goodlife.directory import matching
from goodlife.strengths import services as strengths


def test_suggestions_for_tom_explain_his_interest_in_space(directory, practitioner, tom):
    tom.postcode = "EB1 4QT"
    tom.save()
    strengths.add_aspiration(
        tom,
        by=practitioner,
        text="I want to be an astronaut",
        term="long",
        interests=["space", "astronomy"],
    )
    suggestions = matching.suggest(tom)
    assert suggestions[0].service.name == "Eastbrook Astronomical Society"
    assert suggestions[0].reason == (
        "Tom is interested in space: Eastbrook Astronomical Society meets on Tuesdays, "
        "0.8 miles away, free"
    )
    assert "Thursday lunch club" not in [s.service.name for s in suggestions]


def test_related_words_come_from_the_councils_synonyms(directory, practitioner, tom):
    strengths.add_aspiration(tom, by=practitioner, text="I want to be an astronaut", term="long")
    suggestions = matching.suggest(tom)
    assert suggestions and suggestions[0].service.name == "Eastbrook Astronomical Society"
    assert suggestions[0].reason.startswith("Tom is interested in space (astronaut)")


def test_no_interests_no_suggestions(directory, tom):
    assert matching.suggest(tom) == []


def test_schedule_phrases_read_naturally(directory):
    assert matching.schedule_phrase(directory["astronomy"].schedules.all()) == "meets on Tuesdays"


def test_the_persons_own_name_is_not_an_interest(directory, practitioner, tom):
    strengths.add_aspiration(
        tom, by=practitioner, text="Tom would like to see the stars", term="short"
    )
    words = [i.word for i in matching.interests_for(tom)]
    assert "stars" in words
    assert "tom" not in words and "thomas" not in words


def test_interests_keep_the_order_they_were_typed_in(practitioner, tom):
    from goodlife.strengths.models import Interest

    # Made in the opposite order to the one typed, and with ids whose set order is not
    # the typed order either: the first tag typed is still the first interest.
    for name in ("zoology", "science", "astronomy"):
        Interest.objects.create(name=name)
    for skip in range(9):
        Interest.objects.create(name=f"filler {skip}")
    Interest.objects.filter(name__startswith="filler").delete()
    typed = ["space", "astronomy", "science", "zoology"]
    strengths.add_aspiration(tom, by=practitioner, text="", term="long", interests=typed)
    assert [i.word for i in matching.interests_for(tom)][:4] == typed


def test_interests_come_from_aspirations_then_interests_then_offers(practitioner, tom):
    import datetime

    from goodlife.people import timeline
    from goodlife.strengths.models import Aspiration

    later = strengths.add_aspiration(
        tom, by=practitioner, text="Sing in a choir", term="short", interests=["music"]
    )
    first = strengths.add_aspiration(
        tom, by=practitioner, text="Grow vegetables", term="long", interests=["gardening"]
    )
    # Recorded earlier, so named first, whatever order the rows were made in.
    Aspiration.objects.filter(pk=first.pk).update(
        recorded_at=later.recorded_at - datetime.timedelta(days=1)
    )
    timeline.refresh(Aspiration.objects.get(pk=first.pk))
    gone = strengths.add_aspiration(tom, by=practitioner, text="Learn to sail", term="short")
    strengths.retire(gone, by=practitioner, reason="Tom changed his mind")
    for description, kind in [("Loves chess puzzles", "interests"), ("Strong swimmer", "skills")]:
        strengths.add_strength(
            tom,
            by=practitioner,
            description=description,
            kind=kind,
            identified_by="person",
            identified_on=datetime.date.today(),  # noqa: DTZ011
        )
    strengths.add_offer(tom, by=practitioner, what="Can mend bikes")

    found = [(i.word, i.source) for i in matching.interests_for(tom)]
    assert found == [
        ("gardening", "aspiration"),
        ("grow", "aspiration"),
        ("vegetables", "aspiration"),
        ("music", "aspiration"),
        ("sing", "aspiration"),
        ("choir", "aspiration"),
        ("loves", "strength"),
        ("chess", "strength"),
        ("puzzles", "strength"),
        ("volunteer", "offer"),
    ]
