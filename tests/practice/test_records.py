import json

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from goodlife.audit.models import Action, AuditEvent
from goodlife.practice import services
from goodlife.practice.models import Amendment, ConversationRecord
from tests.accounts.helpers import time_out_sessions
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.practice.conftest import record_form


def new_url(tom, episode):
    return f"/people/{tom.pk}/episodes/{episode.pk}/records/new/"


def test_the_form_shows_the_conversations_questions(as_practitioner, tom, episode):
    page = as_practitioner.get(new_url(tom, episode) + "?step=gather").content.decode()
    assert "How can I connect you to things that will help you get on with your life" in page
    assert "What do you want to do?" in page
    assert (
        'value="gather" checked' in page
        or 'checked value="gather"' in page
        or ('value="gather"' in page and "checked" in page)
    )
    assert "Notes under wellbeing headings (optional)" in page
    for area in (
        "Housing",
        "Finance",
        "Health",
        "Activities",
        "Social relationships",
        "Cultural and spiritual beliefs",
    ):
        assert area in page


def test_save_a_draft_then_finish_it(as_practitioner, practitioner, tom, episode):
    response = as_practitioner.post(
        new_url(tom, episode), {**record_form(narrative="Half-written note"), "save_draft": "1"}
    )
    record = ConversationRecord.objects.get()
    assert response.url == f"/people/{tom.pk}/records/{record.pk}/edit/"
    assert record.is_draft and record.narrative == "Half-written note"
    assert record.conversation == 1 and record.author == practitioner

    edit = f"/people/{tom.pk}/records/{record.pk}/edit/"
    assert "Half-written note" in as_practitioner.get(edit).content.decode()
    response = as_practitioner.post(
        edit, {**record_form(narrative="The whole note"), "version": "1", "finish": "1"}
    )
    record.refresh_from_db()
    assert not record.is_draft and record.narrative == "The whole note"
    assert record.original["narrative"] == "The whole note"
    assert response.url == f"/people/{tom.pk}/episodes/{episode.pk}/"
    # A finished record is not edited any more: the edit page sends you to the record.
    assert as_practitioner.get(edit).url == f"/people/{tom.pk}/records/{record.pk}/"


def test_finishing_needs_the_essentials_and_keeps_what_was_typed(as_practitioner, tom, episode):
    data = record_form(step=None, narrative="", happened_on_day="")
    data["housing"] = "Lives in a ground-floor flat"
    data["finish"] = "1"
    page = as_practitioner.post(new_url(tom, episode), data).content.decode()
    assert "Select which step of the conversation this is" in page
    assert "Write what you talked about before finishing" in page
    assert "The date you talked must include a day" in page
    assert "Lives in a ground-floor flat" in page
    assert '<details class="govuk-details" open' in page
    assert not ConversationRecord.objects.exists()


def test_an_empty_draft_is_refused_with_a_reason(as_practitioner, tom, episode):
    empty = {
        "save_draft": "1",
        "happened_on_day": "",
        "happened_on_month": "",
        "happened_on_year": "",
    }
    page = as_practitioner.post(new_url(tom, episode), empty).content.decode()
    assert "Type something before saving a draft" in page


def test_only_the_author_changes_a_draft(tom, episode, practitioner, north):
    record = services.start_record(episode, by=practitioner, values={"narrative": "Mine"})
    colleague = client_for(UserFactory(teams=[north]))
    response = colleague.post(
        f"/people/{tom.pk}/records/{record.pk}/edit/", {**record_form(), "version": "1"}
    )
    assert response.url == f"/people/{tom.pk}/records/{record.pk}/"
    record.refresh_from_db()
    assert record.narrative == "Mine"


def test_a_draft_saved_in_another_tab_is_not_overwritten(
    as_practitioner, tom, episode, practitioner
):
    record = services.start_record(episode, by=practitioner, values={"narrative": "Tab one"})
    services.save_draft(
        record, by=practitioner, expected_version=1, values={"narrative": "Tab two"}
    )
    page = as_practitioner.post(
        f"/people/{tom.pk}/records/{record.pk}/edit/",
        {**record_form(narrative="Tab one, typed more"), "version": "1", "save_draft": "1"},
    ).content.decode()
    assert "This draft was saved somewhere else" in page
    assert "Tab one, typed more" in page
    record.refresh_from_db()
    assert record.narrative == "Tab two"


def test_amending_keeps_the_original_and_shows_what_changed(
    as_practitioner, practitioner, tom, episode
):
    record = services.start_record(
        episode,
        by=practitioner,
        finish=True,
        values={"step": "gather", "narrative": "Tom goes to the library on Tuesdays."},
    )
    amend = f"/people/{tom.pk}/records/{record.pk}/amend/"
    page = as_practitioner.post(amend, record_form(narrative="Changed")).content.decode()
    assert "Enter why you are amending this record" in page
    assert "Changed" in page

    response = as_practitioner.post(
        amend,
        {
            **record_form(narrative="Tom goes to the library on Thursdays."),
            "amendment_reason": "Tom corrected the day",
            "version": record.version,
        },
    )
    assert response.url == f"/people/{tom.pk}/records/{record.pk}/"
    page = as_practitioner.get(response.url).content.decode()
    assert "Tom goes to the library on Thursdays." in page
    assert "<del>Tuesdays.</del><ins>Thursdays.</ins>" in page
    assert "Tom corrected the day" in page and "Priya Shah" in page
    assert "The original record" in page
    assert "Tom goes to the library on Tuesdays." in page
    amendment = Amendment.objects.get()
    assert amendment.changes["narrative"]["before"] == "Tom goes to the library on Tuesdays."
    assert AuditEvent.objects.filter(summary="Amended a conversation record").exists()


def test_amending_nothing_makes_no_amendment(tom, episode, practitioner):
    record = services.start_record(
        episode, by=practitioner, finish=True, values={"step": "gather", "narrative": "Same"}
    )
    assert (
        services.amend_record(record, by=practitioner, reason="x", values={"narrative": "Same"})
        is None
    )


def test_drafts_cannot_be_amended_and_finished_records_cannot_be_saved_as_drafts(
    tom, episode, practitioner
):
    draft = services.start_record(episode, by=practitioner, values={"narrative": "Draft"})
    with pytest.raises(services.NotAllowed):
        services.amend_record(draft, by=practitioner, reason="x", values={"narrative": "y"})
    final = services.start_record(episode, by=practitioner, finish=True, values={"narrative": "F"})
    with pytest.raises(services.NotAllowed):
        services.save_draft(final, by=practitioner, expected_version=1, values={"narrative": "G"})


def test_autosave_creates_then_updates_a_draft(as_practitioner, tom, episode):
    headers = {"HTTP_ACCEPT": "application/json"}
    response = as_practitioner.post(
        new_url(tom, episode), {**record_form(narrative="Typing…"), "autosave": "1"}, **headers
    )
    saved = json.loads(response.content)
    record = ConversationRecord.objects.get()
    assert saved["edit_url"] == f"/people/{tom.pk}/records/{record.pk}/edit/"
    assert saved["version"] == 1 and record.is_draft

    response = as_practitioner.post(
        saved["edit_url"],
        {**record_form(narrative="Typing more"), "version": "1", "autosave": "1"},
        **headers,
    )
    assert json.loads(response.content)["version"] == 2
    record.refresh_from_db()
    assert record.narrative == "Typing more" and record.is_draft

    stale = as_practitioner.post(
        saved["edit_url"], {**record_form(), "version": "1", "autosave": "1"}, **headers
    )
    assert stale.status_code == 409


def test_autosaves_are_audited_without_flooding_the_trail(as_practitioner, tom, episode):
    headers = {"HTTP_ACCEPT": "application/json"}
    saved = json.loads(
        as_practitioner.post(new_url(tom, episode), record_form(), **headers).content
    )
    for version in range(1, 6):
        as_practitioner.post(
            saved["edit_url"],
            {**record_form(narrative=f"v{version}"), "version": version},
            **headers,
        )
    record = ConversationRecord.objects.get()
    # Six saves within five minutes: the row that says Priya started it is enough.
    events = AuditEvent.objects.filter(object_id=str(record.pk))
    assert [e.action for e in events] == [Action.CREATE]
    # A save shows nothing, so none of them reads as a view of Tom's record.
    assert not AuditEvent.objects.filter(person_id=tom.pk, action=Action.VIEW).exists()


def test_autosave_after_the_session_ended_says_so(tom, episode, practitioner):
    client = Client()
    client.force_login(practitioner)
    Session.objects.all().delete()
    response = client.post(new_url(tom, episode), record_form(), HTTP_ACCEPT="application/json")
    assert response.status_code == 401
    assert json.loads(response.content) == {"signed_out": True}


def test_a_note_submitted_after_the_session_ended_is_kept_as_a_draft(tom, episode, practitioner):
    client = Client()
    client.post(
        "/accounts/sign-in/", {"username": practitioner.email, "password": "correct horse battery"}
    )
    client.get("/my-work/")
    time_out_sessions()  # an hour away from the desk

    url = new_url(tom, episode)
    response = client.post(
        url, {**record_form(narrative="An hour of careful writing"), "finish": "1"}
    )
    assert response.url.startswith("/accounts/sign-in/")
    assert not ConversationRecord.objects.exists()

    response = client.post(
        f"/accounts/sign-in/?next={url}",
        {"username": practitioner.email, "password": "correct horse battery", "next": url},
    )
    response = client.get(response.url)
    record = ConversationRecord.objects.get()
    assert record.is_draft and record.narrative == "An hour of careful writing"
    assert response.url == f"/people/{tom.pk}/records/{record.pk}/edit/"
    page = client.get(response.url).content.decode()
    assert "It has been kept as a draft" in page
    assert "An hour of careful writing" in page


def test_two_amendments_at_once_do_not_undo_each_other(as_practitioner, practitioner, tom, episode):
    record = services.start_record(
        episode, by=practitioner, finish=True, values={"step": "gather", "narrative": "First"}
    )
    amend = f"/people/{tom.pk}/records/{record.pk}/amend/"
    # Both opened the amend page at version 1; the other amendment lands first.
    services.amend_record(
        record,
        by=practitioner,
        reason="Added a detail",
        values={"place": "Library"},
        expected_version=1,
    )
    page = as_practitioner.post(
        amend,
        {
            **record_form(narrative="First, corrected", place="Eastbrook Library café"),
            "amendment_reason": "Corrected",
            "version": "1",
        },
    ).content.decode()
    assert "Someone amended this record while you were writing" in page
    assert "First, corrected" in page
    record.refresh_from_db()
    assert record.place == "Library" and record.narrative == "First"
