"""The episode page offers the rest of the person's record as next steps, which the apps
that keep them register (``people.next_steps``): practice never names those apps."""

import re
from pathlib import Path

from goodlife.practice import services

PRACTICE = Path(__file__).resolve().parents[2] / "goodlife" / "practice"


def _next_steps(page: str) -> list[tuple[str, str, str]]:
    section = page.split('id="next-steps"', 1)[1].split("</ul>", 1)[0]
    return re.findall(
        r'<a class="govuk-link" href="([^"]+)"[^>]*>([^<]+)</a><div id="[^"]+" class="govuk-hint">'
        r"([^<]+)</div>",
        section,
    )


def test_the_episode_page_offers_well12_strengths_ideas_and_the_support_plan(
    as_practitioner, tom, episode
):
    page = as_practitioner.get(f"/people/{tom.pk}/episodes/{episode.pk}/").content.decode()
    assert "Next steps with Tom" in page
    p = f"/people/{tom.pk}"
    assert [(url, label) for url, label, _ in _next_steps(page)] == [
        (f"{p}/wellbeing/", "WELL12"),
        (f"{p}/strengths/", "Strengths and aspirations"),
        (f"{p}/plan/", "Ideas and outcomes"),
        (f"{p}/support-plan/", "Support plan"),
    ]
    hints = [hint for _, _, hint in _next_steps(page)]
    assert hints[0].startswith("How the person feels about their life now")
    assert all(hints)
    for url, _, _ in _next_steps(page):
        assert as_practitioner.get(url).status_code == 200, url


def test_a_closed_episode_offers_no_next_steps(as_practitioner, practitioner, tom, episode):
    services.close_episode(
        episode,
        by=practitioner,
        closed_on=episode.contact_on,
        outcome="community",
        end_reason="goals_met",
    )
    page = as_practitioner.get(f"/people/{tom.pk}/episodes/{episode.pk}/").content.decode()
    assert 'id="next-steps"' not in page


def test_practice_names_none_of_the_apps_beside_or_above_it():
    """Dependencies point one way: the next steps come from a registry in people."""
    beside_or_above = ("wellbeing", "strengths", "planning", "directory")
    found = []
    for path in [*PRACTICE.rglob("*.py"), *PRACTICE.rglob("*.html")]:
        text = path.read_text()
        for app in beside_or_above:
            if re.search(rf"goodlife\.{app}\b|['\"]{app}:", text):
                found.append(f"{path.relative_to(PRACTICE)}: {app}")
    assert found == []
