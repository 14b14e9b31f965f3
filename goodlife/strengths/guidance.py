"""Open questions that help a strengths conversation along (seed 001: appreciative, not
diagnostic). Offered as guidance, never as boxes to fill. Plain Python."""

STRENGTH_QUESTIONS = (
    "What are you good at? What would the people who know you best say you are good at?",
    "What have you learned to do that you are proud of?",
    "What do you enjoy, and what keeps you going on a hard day?",
    "Who do you turn to, and who turns to you?",
    "Where do you feel you belong: a place, a group, a community?",
    "What do you have around you that helps: your home, getting about, money, equipment?",
)

ASPIRATION_QUESTIONS = (
    "What would a good life look like for you?",
    "What would you like to be doing in a year's time? And next week?",
    "If nothing stood in the way, what would you do?",
)

OFFER_QUESTIONS = (
    "What could you show or teach someone else?",
    "Is there something you would like to help with in your community?",
)

NETWORK_QUESTIONS = (
    "Who are the people, groups and places in your life?",
    "Who is closest to you? Who would you like to see more of?",
    "What do they do for you, and what do you do for them?",
)
