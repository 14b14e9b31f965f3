"""A draft conversation record can be thrown away by its author, after being asked; a
finished record never can (it is amended)."""

import datetime

import pytest
from django.utils import timezone

from goodlife.audit.models import Action, AuditEvent
from goodlife.coach.models import Dismissal
from goodlife.errors import NotAllowed
from goodlife.people.models import TimelineItem
from goodlife.practice import services
from goodlife.practice.models import ConversationRecord
from tests.conftest import client_for
from tests.factories import UserFactory


@pytest.fixture
def draft(episode, practitioner):
    return services.start_record(
        episode,
        by=practitioner,
        values={
            "step": "gather",
            "happened_on": datetime.date(2026, 11, 9),
            "narrative": "Tom told me about the Apollo crews and the night sky over Eastbrook.",
        },
    )


def discard_url(tom, record):
    return f"/people/{tom.pk}/records/{record.pk}/discard/"


def _timeline_of(record):
    return TimelineItem.objects.filter(subject=f"practice.conversationrecord:{record.pk}")


def test_the_drafts_page_offers_to_discard_it(as_practitioner, tom, draft):
    page = as_practitioner.get(f"/people/{tom.pk}/records/{draft.pk}/edit/").content.decode()
    assert f'href="{discard_url(tom, draft)}"' in page
    assert "Discard this draft" in page


def test_the_author_is_asked_first_and_asking_discards_nothing(as_practitioner, tom, draft):
    response = as_practitioner.get(discard_url(tom, draft))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Are you sure you want to discard this draft?" in page
    assert "Conversation 1: initial contact" in page
    assert "Gather information" in page
    saved = timezone.localtime(draft.updated_at)
    assert f"{saved:%-d %B %Y} at {saved:%H:%M}" in page
    assert "Tom told me about the Apollo crews" in page
    assert '<button type="submit" class="govuk-button govuk-button--warning"' in page
    assert "Discard draft</button>" in page
    assert f'href="/people/{tom.pk}/records/{draft.pk}/edit/">Keep it</a>' in page
    assert f'name="version" value="{draft.version}"' in page
    assert ConversationRecord.objects.filter(pk=draft.pk).exists()
    assert _timeline_of(draft).exists()
    assert not AuditEvent.objects.filter(summary__startswith="Discarded").exists()


def test_discarding_takes_the_draft_off_the_record_the_timeline_and_my_work(
    as_practitioner, practitioner, tom, episode, draft
):
    assert "Drafts to finish" in as_practitioner.get("/my-work/").content.decode()
    assert _timeline_of(draft).count() == 1

    response = as_practitioner.post(discard_url(tom, draft), {"version": str(draft.version)})

    assert response.status_code == 302 and response.url == "/my-work/"
    assert not ConversationRecord.objects.filter(pk=draft.pk).exists()
    assert not _timeline_of(draft).exists()
    event = AuditEvent.objects.get(summary="Discarded a draft of conversation 1")
    assert event.user == practitioner and event.person_id == tom.pk
    assert event.action == Action.CHANGE
    assert event.object_id == str(draft.pk)
    assert event.detail["episode"] == str(episode.pk) and event.detail["step"] == "gather"
    # What the draft said was never part of the record, and the trail does not keep it.
    assert "Apollo" not in str(event.detail)
    page = as_practitioner.get(response.url).content.decode()
    assert "Draft discarded: Tom, conversation 1, gather information" in page
    assert "No unfinished drafts." in page
    assert f"/records/{draft.pk}/" not in page
    episode_page = as_practitioner.get(f"/people/{tom.pk}/episodes/{episode.pk}/")
    assert f"/records/{draft.pk}/" not in episode_page.content.decode()


def test_only_the_author_may_discard_and_the_refusal_is_audited(tom, draft, north):
    colleague = UserFactory(teams=[north], full_name="Sam Carter")
    client = client_for(colleague)
    for response in (
        client.get(discard_url(tom, draft)),
        client.post(discard_url(tom, draft), {"version": str(draft.version)}),
    ):
        assert response.status_code == 403
        assert "Only Priya Shah, who wrote this draft, can discard it." in response.content.decode()
    assert ConversationRecord.objects.filter(pk=draft.pk).exists()
    refusals = AuditEvent.objects.filter(
        action=Action.ACCESS_REFUSED, user=colleague, person_id=tom.pk
    )
    assert refusals.count() == 2
    with pytest.raises(NotAllowed, match="Only Priya Shah can discard their draft"):
        services.discard_draft(draft, by=colleague, expected_version=draft.version)


def test_a_finished_record_is_not_discarded_it_is_amended(
    as_practitioner, practitioner, tom, episode
):
    finished = services.start_record(
        episode, by=practitioner, finish=True, values={"step": "gather", "narrative": "Done"}
    )
    for response in (
        as_practitioner.get(discard_url(tom, finished)),
        as_practitioner.post(discard_url(tom, finished), {"version": "1"}),
    ):
        assert response.status_code == 302
        assert response.url == f"/people/{tom.pk}/records/{finished.pk}/"
    page = as_practitioner.get(f"/people/{tom.pk}/records/{finished.pk}/").content.decode()
    assert "This record is finished, so it cannot be discarded" in page
    assert ConversationRecord.objects.filter(pk=finished.pk).exists()
    with pytest.raises(NotAllowed, match="amend it"):
        services.discard_draft(finished, by=practitioner, expected_version=finished.version)
    assert not AuditEvent.objects.filter(summary__startswith="Discarded").exists()


def test_a_draft_saved_again_since_the_question_is_not_discarded_unseen(
    as_practitioner, practitioner, tom, draft
):
    asked_at = draft.version
    services.save_draft(
        draft, by=practitioner, expected_version=asked_at, values={"narrative": "Saved in tab 2"}
    )
    response = as_practitioner.post(discard_url(tom, draft), {"version": str(asked_at)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "The draft was not discarded" in page and "after you opened this page" in page
    assert "Saved in tab 2" in page
    assert f'name="version" value="{asked_at + 1}"' in page
    assert ConversationRecord.objects.filter(pk=draft.pk).exists()
    assert AuditEvent.objects.filter(action=Action.CONFLICT, object_id=str(draft.pk)).exists()

    # Asked again with what is there now, it goes.
    response = as_practitioner.post(discard_url(tom, draft), {"version": str(asked_at + 1)})
    assert response.url == "/my-work/"
    assert not ConversationRecord.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("version", [None, "", "abc", "0", "-1", "²", "9" * 40])
def test_a_page_without_a_usable_version_discards_nothing(as_practitioner, tom, draft, version):
    data = {} if version is None else {"version": version}
    response = as_practitioner.post(discard_url(tom, draft), data)
    assert response.status_code == 200
    assert "This page was out of date, so the draft was not discarded" in response.content.decode()
    assert ConversationRecord.objects.filter(pk=draft.pk).exists()


def test_a_draft_already_discarded_is_not_found(as_practitioner, practitioner, tom, draft):
    services.discard_draft(draft, by=practitioner, expected_version=draft.version)
    assert as_practitioner.get(discard_url(tom, draft)).status_code == 404
    assert as_practitioner.post(discard_url(tom, draft), {"version": "1"}).status_code == 404
    assert as_practitioner.get(f"/people/{tom.pk}/records/{draft.pk}/edit/").status_code == 404
    with pytest.raises(NotAllowed, match="already been discarded"):
        services.discard_draft(draft, by=practitioner, expected_version=draft.version)


def test_wordings_kept_on_the_drafts_page_go_with_it(practitioner, tom, episode, draft):
    edit = f"/people/{tom.pk}/records/{draft.pk}/edit/"
    Dismissal.objects.create(user=practitioner, scope=f"{edit}#narrative", phrase="p", text="t")
    other = services.start_record(episode, by=practitioner, values={"narrative": "Another"})
    elsewhere = f"/people/{tom.pk}/records/{other.pk}/edit/#narrative"
    Dismissal.objects.create(user=practitioner, scope=elsewhere, phrase="p", text="t")

    services.discard_draft(draft, by=practitioner, expected_version=draft.version)

    assert list(Dismissal.objects.values_list("scope", flat=True)) == [elsewhere]
