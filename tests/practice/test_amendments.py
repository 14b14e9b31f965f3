from goodlife.practice.amendments import shown, word_diff


def test_changed_words_are_marked():
    assert (
        word_diff("Tom goes on Tuesdays.", "Tom goes on Thursdays.")
        == "Tom goes on <del>Tuesdays.</del><ins>Thursdays.</ins>"
    )


def test_neighbouring_changes_read_as_one():
    assert word_diff("join a club.", "join the astronomy society.") == (
        "join <del>a club.</del><ins>the astronomy society.</ins>"
    )


def test_added_and_removed_text():
    assert word_diff("", "New") == "<ins>New</ins>"
    assert word_diff("Old", "") == "<del>Old</del>"
    assert word_diff("Same", "Same") == "Same"


def test_what_people_typed_is_escaped():
    assert word_diff("<script>", "<b>") == "<del>&lt;script&gt;</del><ins>&lt;b&gt;</ins>"


def test_stored_values_are_shown_as_people_read_them():
    assert shown("step", "ideas") == "Develop ideas"
    assert shown("happened_on", "2026-11-09") == "9 November 2026"
    assert shown("narrative", None) == ""
