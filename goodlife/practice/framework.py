"""The practice model in plain Python: the three conversations and the four steps.

Wording from the source material (seed 000 "3 Conversations", seed 001 "The Practice
Framework"), kept word for word where it is quoted.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Conversation:
    number: int
    name: str
    questions: tuple[str, ...]
    when: str


CONVERSATIONS = {
    1: Conversation(
        1,
        "Initial contact",
        (
            "How can I connect you to things that will help you get on with your life "
            "–based on your assets, strengths and those of your family?",
            "What do you want to do?",
        ),
        "Information, advice or a community introduction may be all that is needed.",
    ),
    2: Conversation(
        2,
        "If people are at risk",
        (
            "What needs to change to make you safe and regain control?",
            "How can I help make that happen?",
        ),
        "Only when the person is at risk. Crisis support is short-term and holding.",
    ),
    3: Conversation(
        3,
        "If long-term support is needed",
        (
            "What is a fair personal budget and what are the sources of funding?",
            "What does a good life look like?",
            "How can I help you to use your resources to support your chosen life",
        ),
        "When long-term support is needed.",
    ),
}


@dataclass(frozen=True)
class Step:
    key: str
    number: int
    name: str
    guidance: str


STEPS = (
    Step(
        "gather",
        1,
        "Gather information",
        "Understand their history, current situation, what is working well, their "
        "interests, what they enjoy and what is important to them.",
    ),
    Step(
        "ideas",
        2,
        "Develop ideas",
        "Combine their own strengths with community opportunities, including new skills. "
        "What have they tried, what went well, what didn't?",
    ),
    Step(
        "planning",
        3,
        "Support planning",
        "Co-produce a plan that keeps them as independent as possible, using their own "
        "strengths and resources first.",
    ),
    Step(
        "review",
        4,
        "Review",
        "Can support be stopped, or does it need to continue, perhaps with changes?",
    ),
)
STEPS_BY_KEY = {s.key: s for s in STEPS}

# Wellbeing context areas of a strengths-based assessment (seed 000): optional headings.
CONTEXT_AREAS = (
    ("housing", "Housing"),
    ("finance", "Finance"),
    ("health", "Health"),
    ("activities", "Activities"),
    ("social_relationships", "Social relationships"),
    ("cultural_spiritual", "Cultural and spiritual beliefs"),
)


def conversation_label(number: int) -> str:
    return f"Conversation {number}: {CONVERSATIONS[number].name.lower()}"
