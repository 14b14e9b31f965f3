import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodlife.wellbeing import well12
from goodlife.wellbeing.domains import DOMAINS_BY_KEY


def test_the_wording_is_the_seeds():
    assert well12.STATEMENTS[0] == "I get all the sleep I need"
    assert well12.STATEMENTS[4] == "There is someone I trust I can talk to"
    assert well12.STATEMENTS[11] == "I feel hopeful about my future"
    assert len(well12.STATEMENTS) == 12
    assert well12.SCALE == (
        (4, "Yes, definitely"),
        (3, "Agree"),
        (2, "Not sure"),
        (1, "Disagree"),
        (0, "Definitely not"),
    )
    assert well12.MAX_TOTAL == 48


def test_every_item_maps_to_domains_and_every_domain_is_covered():
    assert set(well12.ITEM_DOMAINS) == set(range(1, 13))
    covered = {d for ds in well12.ITEM_DOMAINS.values() for d in ds}
    assert covered == set(DOMAINS_BY_KEY)
    assert len(DOMAINS_BY_KEY) == 9


def test_all_answered():
    result = well12.score([4, 3, 2, 1, 0, 4, 3, 2, 1, 0, 4, 3])
    assert (result.total, result.answered, result.prorated_total) == (27, 12, 27.0)
    assert result.reason == "" and result.is_complete


def test_the_extremes():
    assert well12.score([0] * 12).total == 0
    assert well12.score([4] * 12).prorated_total == 48.0


def test_one_gap_is_prorated_to_one_decimal():
    result = well12.score([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, None])
    assert result.total == 32 and result.answered == 11
    assert result.prorated_total == 34.9  # 32 × 12 / 11 = 34.909…


def test_two_gaps_are_prorated():
    result = well12.score([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, None, None])
    assert result.prorated_total == 48.0


def test_three_gaps_give_no_prorated_total_and_say_why():
    result = well12.score([None, None, None, 4, 4, 4, 4, 4, 4, 4, 4, 4])
    assert result.total == 36 and result.answered == 9
    assert result.prorated_total is None
    assert "3 statements were not answered" in result.reason


def test_nothing_answered():
    result = well12.score([None] * 12)
    assert (result.total, result.answered, result.prorated_total) == (0, 0, None)
    assert result.reason


@pytest.mark.parametrize("answers", [[], [1] * 11, [1] * 13])
def test_the_wrong_number_of_answers_is_refused(answers):
    with pytest.raises(ValueError, match=f"expected 12 answers, got {len(answers)}"):
        well12.score(answers)


@pytest.mark.parametrize(
    "bad, message",
    [
        (5, "from 0 to 4, not 5"),
        (-1, "from 0 to 4, not -1"),
        (2.5, "whole number"),
        ("3", "whole number"),
        (True, "whole number"),
        (3.0, "whole number"),
    ],
)
def test_invalid_values_name_the_item(bad, message):
    answers = [2] * 12
    answers[6] = bad
    with pytest.raises(ValueError, match=message) as caught:
        well12.score(answers)
    assert "item 7" in str(caught.value)
    assert "I’ve a social life and friendships that suit me" in str(caught.value)


def test_something_that_is_not_a_sequence_is_refused():
    with pytest.raises(ValueError, match="sequence"):
        well12.score(None)


answers_strategy = st.lists(
    st.one_of(st.none(), st.integers(min_value=0, max_value=4)), min_size=12, max_size=12
)


@given(answers_strategy)
def test_scores_stay_in_range_and_count_answers(answers):
    result = well12.score(answers)
    given_answers = [a for a in answers if a is not None]
    assert result.answered == len(given_answers)
    assert result.total == sum(given_answers)
    assert 0 <= result.total <= 4 * result.answered
    if result.prorated_total is None:
        assert result.reason and result.answered < 10
    else:
        assert result.answered >= 10 and result.reason == ""
        assert 0 <= result.prorated_total <= 48
        assert result.prorated_total >= result.total
        assert abs(result.prorated_total - result.total * 12 / result.answered) <= 0.05


@given(answers_strategy, st.integers(min_value=0, max_value=11))
def test_raising_one_answer_never_lowers_the_score(answers, index):
    answers = [2 if a is None else a for a in answers]
    if answers[index] == 4:
        return
    higher = list(answers)
    higher[index] += 1
    assert well12.score(higher).total == well12.score(answers).total + 1


@given(answers_strategy)
def test_domain_scores_are_means_on_the_answer_scale(answers):
    for value in well12.domain_scores(answers).values():
        assert value is None or 0 <= value <= 4
