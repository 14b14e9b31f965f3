import pytest

from goodlife.audit.models import Action, AuditEvent
from goodlife.practice import services
from goodlife.practice.models import ConversationStage, Episode


def test_a_contact_opens_an_episode_in_conversation_1(as_practitioner, tom, practitioner):
    url = f"/people/{tom.pk}/episodes/new/"
    page = as_practitioner.get(url).content.decode()
    assert "Record a new contact" in page
    response = as_practitioner.post(
        url,
        {
            "contact_on_day": "2",
            "contact_on_month": "11",
            "contact_on_year": "2026",
            "contact_method": "phone",
            "raised_by": "Tom's sister Jane",
            "reason": "He wants to meet people who like space",
        },
    )
    episode = Episode.objects.get()
    assert response.url == f"/people/{tom.pk}/episodes/{episode.pk}/"
    assert episode.conversation == 1 and episode.worker == practitioner
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(episode.pk)).exists()


def test_a_contact_with_mistakes_keeps_what_was_typed(as_practitioner, tom):
    page = as_practitioner.post(
        f"/people/{tom.pk}/episodes/new/",
        {
            "contact_on_day": "31",
            "contact_on_month": "2",
            "contact_on_year": "2026",
            "raised_by": "",
            "reason": "He wants to meet people who like space",
        },
    ).content.decode()
    assert "must be a real date" in page
    assert "Select how the contact came in" in page
    assert "Enter who got in touch" in page
    assert "He wants to meet people who like space" in page
    assert not Episode.objects.exists()


def test_the_episode_page_shows_the_questions_and_the_four_steps(as_practitioner, tom, episode):
    page = as_practitioner.get(f"/people/{tom.pk}/episodes/{episode.pk}/").content.decode()
    assert "What do you want to do?" in page
    for step in ("Gather information", "Develop ideas", "Support planning", "Review"):
        assert step in page
    assert page.count("Nothing recorded yet") == 4
    assert "govuk-task-list" in page


def test_conversation_2_needs_the_risk_said(as_practitioner, tom, episode):
    url = f"/people/{tom.pk}/episodes/{episode.pk}/conversation/"
    page = as_practitioner.post(url, {"conversation": "2", "reason": "risk"}).content.decode()
    assert "only for when the person is at risk" in page
    response = as_practitioner.post(
        url, {"conversation": "2", "reason": "Tom has had no heating for a week in November"}
    )
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.conversation == 2
    assert ConversationStage.objects.filter(episode=episode, conversation=2).exists()


def test_conversations_need_not_follow_in_order(as_practitioner, tom, episode):
    url = f"/people/{tom.pk}/episodes/{episode.pk}/conversation/"
    as_practitioner.post(url, {"conversation": "3", "reason": "Long-term support is needed"})
    episode.refresh_from_db()
    assert episode.conversation == 3
    page = as_practitioner.get(f"/people/{tom.pk}/episodes/{episode.pk}/").content.decode()
    assert "What does a good life look like?" in page


def test_closing_after_a_community_connection_is_celebrated(as_practitioner, tom, episode):
    response = as_practitioner.post(
        f"/people/{tom.pk}/episodes/{episode.pk}/close/",
        {
            "outcome": "community",
            "end_reason": "goals_met",
            "closed_on_day": "20",
            "closed_on_month": "11",
            "closed_on_year": "2026",
            "note": "Joined the astronomy society",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "a good outcome" in page
    assert "Connected and getting on with life" in page
    episode.refresh_from_db()
    assert not episode.is_open and episode.is_celebrated


def test_closing_needs_an_outcome_and_reason(as_practitioner, tom, episode):
    page = as_practitioner.post(
        f"/people/{tom.pk}/episodes/{episode.pk}/close/", {"end_reason": "other"}
    ).content.decode()
    assert "Select the outcome of this episode" in page
    assert "Say what the other reason is" in page
    episode.refresh_from_db()
    assert episode.is_open


def test_a_closed_episode_cannot_be_closed_or_moved_again(episode, practitioner):
    import datetime

    services.close_episode(
        episode,
        by=practitioner,
        closed_on=datetime.date(2026, 11, 20),
        outcome="information_advice",
        end_reason="goals_met",
    )
    with pytest.raises(services.NotAllowed):
        services.close_episode(
            episode,
            by=practitioner,
            closed_on=datetime.date(2026, 11, 20),
            outcome="information_advice",
            end_reason="goals_met",
        )
    with pytest.raises(services.NotAllowed):
        services.move_to_conversation(episode, by=practitioner, conversation=3, reason="x")


def test_another_teams_practitioner_cannot_see_an_episode(as_other_practitioner, tom, episode):
    response = as_other_practitioner.get(f"/people/{tom.pk}/episodes/{episode.pk}/")
    assert "break-glass" in response.url


def test_an_episode_is_only_found_under_its_own_person(as_practitioner, episode, north):
    from tests.factories import PersonFactory

    other = PersonFactory(team=north)
    assert as_practitioner.get(f"/people/{other.pk}/episodes/{episode.pk}/").status_code == 404
