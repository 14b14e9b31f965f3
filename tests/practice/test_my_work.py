import datetime

from django.utils import timezone

from goodlife.audit.models import AuditEvent
from goodlife.practice import services
from tests.factories import PersonFactory


def test_my_work_shows_open_episodes_drafts_and_holding_support_ending_soon(
    as_practitioner, practitioner, tom, episode, north
):
    services.start_record(episode, by=practitioner, values={"narrative": "Unfinished"})
    today = timezone.localdate()
    services.start_holding_support(
        tom,
        by=practitioner,
        what="Meals at lunchtime",
        starts_on=today,
        planned_end_on=today + datetime.timedelta(days=3),
    )
    far = PersonFactory(legal_name="Far Away", team=north, allocated_worker=practitioner)
    services.start_holding_support(
        far,
        by=practitioner,
        what="Long holding",
        starts_on=today,
        planned_end_on=today + datetime.timedelta(days=30),
    )
    response = as_practitioner.get("/my-work/")
    page = response.content.decode()
    assert "Meals at lunchtime" in page
    assert "Long holding" not in page
    assert "Drafts to finish" in page and "conversation 1" in page
    assert f"/people/{tom.pk}/episodes/{episode.pk}/" in page
    assert AuditEvent.objects.filter(summary="Viewed my work").exists()


def test_practitioners_land_on_my_work(as_practitioner):
    assert as_practitioner.get("/").url == "/my-work/"


def test_others_drafts_are_not_mine(as_manager, practitioner, episode):
    services.start_record(episode, by=practitioner, values={"narrative": "Priya's draft"})
    assert "No unfinished drafts" in as_manager.get("/my-work/").content.decode()


def test_my_work_links_to_each_person_and_to_their_episode_and_draft(
    as_practitioner, practitioner, tom, episode
):
    draft = services.start_record(
        episode, by=practitioner, values={"step": "ideas", "narrative": "Unfinished"}
    )
    today = timezone.localdate()
    services.start_holding_support(
        tom,
        by=practitioner,
        what="Meals at lunchtime",
        starts_on=today,
        planned_end_on=today + datetime.timedelta(days=3),
    )
    page = as_practitioner.get("/my-work/").content.decode()
    overview = f'<a class="govuk-link" href="/people/{tom.pk}/">Tom</a>'
    holding, drafts, episodes = (
        page.split("Holding support ending soon</h2>", 1)[1].split("Drafts to finish</h2>", 1)[0],
        page.split("Drafts to finish</h2>", 1)[1].split("Open episodes</h2>", 1)[0],
        page.split("Open episodes</h2>", 1)[1],
    )
    for section in (holding, drafts, episodes):
        assert overview in section
    assert f'href="/people/{tom.pk}/records/{draft.pk}/edit/">' in drafts
    assert "conversation 1, develop ideas<span" in drafts
    # The episode is one click further, from its conversation.
    assert (
        f'<a class="govuk-link" href="/people/{tom.pk}/episodes/{episode.pk}/">Conversation 1'
        in episodes
    )
