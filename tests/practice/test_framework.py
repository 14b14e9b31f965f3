from goodlife.practice.framework import CONVERSATIONS, STEPS


def test_the_questions_are_the_seeds_word_for_word():
    assert CONVERSATIONS[1].questions == (
        "How can I connect you to things that will help you get on with your life –based on "
        "your assets, strengths and those of your family?",
        "What do you want to do?",
    )
    assert CONVERSATIONS[2].questions == (
        "What needs to change to make you safe and regain control?",
        "How can I help make that happen?",
    )
    assert CONVERSATIONS[3].questions == (
        "What is a fair personal budget and what are the sources of funding?",
        "What does a good life look like?",
        "How can I help you to use your resources to support your chosen life",
    )


def test_there_are_four_steps_in_order():
    assert [s.name for s in STEPS] == [
        "Gather information",
        "Develop ideas",
        "Support planning",
        "Review",
    ]
