"""Where a conversation leads next: the parts of a person's record that other apps keep
(a WELL12, strengths, ideas and outcomes, the support plan), offered as links.

An app that builds on people registers its step in its ``plugins.py``; a page that
offers them (the episode page) asks ``steps_for(person)`` and so never imports or names
the apps beside or above it.
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NextStep:
    key: str
    label: str  # the link's words: "WELL12"
    url_name: str  # a page of the person's record, taking ``person_id``
    order: int = 100
    hint: str = ""  # what the step is for: "how the person feels about their life now"


@dataclass(frozen=True)
class NextStepLink:
    key: str
    label: str
    url: str
    hint: str


_steps: dict[str, NextStep] = {}


def register(step: NextStep) -> None:
    _steps[step.key] = step


def steps_for(person) -> list[NextStepLink]:
    """The registered steps in ``order``, each with its address for ``person``."""
    return [
        NextStepLink(
            step.key, step.label, reverse(step.url_name, kwargs={"person_id": person.pk}), step.hint
        )
        for step in sorted(_steps.values(), key=lambda s: (s.order, s.key))
    ]
