import datetime

from goodlife.planning.smart import check

TODAY = datetime.date(2026, 11, 23)


def kinds(findings):
    return {f.kind for f in findings}


def test_a_sharp_positive_outcome_passes():
    assert (
        check(
            "Tom goes to the astronomy society twice a month",
            how_we_will_know="Tom tells us, and the society's register",
            by_when=datetime.date(2027, 2, 1),
            today=TODAY,
            name="Tom",
        )
        == []
    )


def test_vague_words_are_flagged_with_an_example():
    findings = check(
        "Improve Tom's wellbeing and support him",
        how_we_will_know="x",
        by_when=datetime.date(2027, 1, 1),
        today=TODAY,
        name="Tom",
    )
    assert kinds(findings) == {"vague"}
    assert "“improve”" in findings[0].message and "“support”" in findings[0].message
    assert "Tom goes to the astronomy society" in findings[0].message


def test_negative_wording_is_flagged():
    findings = check(
        "Nancy will not fall at home",
        how_we_will_know="x",
        by_when=datetime.date(2027, 1, 1),
        today=TODAY,
        name="Nancy",
    )
    assert kinds(findings) == {"negative"}


def test_missing_measure_and_date_are_asked_for():
    assert kinds(check("Tom visits the Space Centre", today=TODAY)) == {"measure", "date"}
    past = check(
        "Tom visits the Space Centre",
        how_we_will_know="photos",
        by_when=datetime.date(2026, 1, 1),
        today=TODAY,
    )
    assert [f.message for f in past] == ["The date has already passed."]
