"""The nine areas of wellbeing in section 1(2) of the Care Act 2014.

Wording as the statutory guidance (chapter 1, "Promoting wellbeing") and seed 000 list
them. Plain Python: no Django.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    key: str
    name: str  # as in the Act
    short: str  # for tables and charts


DOMAINS = (
    Domain(
        "dignity",
        "Personal dignity (including treatment of the individual with respect)",
        "Dignity and respect",
    ),
    Domain(
        "health",
        "Physical and mental health and emotional wellbeing",
        "Health and emotional wellbeing",
    ),
    Domain("protection", "Protection from abuse and neglect", "Protection from abuse and neglect"),
    Domain(
        "control",
        "Control by the individual over day-to-day life (including over care "
        "and support provided and the way it is provided)",
        "Control over day-to-day life",
    ),
    Domain(
        "participation",
        "Participation in work, education, training or recreation",
        "Work, learning and recreation",
    ),
    Domain("social_economic", "Social and economic wellbeing", "Social and economic wellbeing"),
    Domain(
        "relationships",
        "Domestic, family and personal relationships",
        "Family and personal relationships",
    ),
    Domain("accommodation", "Suitability of living accommodation", "Where they live"),
    Domain("contribution", "The individual's contribution to society", "Contribution to society"),
)
DOMAINS_BY_KEY = {d.key: d for d in DOMAINS}
