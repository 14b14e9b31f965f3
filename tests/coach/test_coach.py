"""The language coach in the app: findings beside the text, without JavaScript too."""

import re

import pytest
from django.test import Client

from goodlife.accounts.models import Role
from goodlife.coach.models import Dismissal
from goodlife.planning import services as planning
from goodlife.practice.models import ConversationRecord
from goodlife.strengths.models import Strength
from goodlife.ui.forms import RECORD_TEXT_LIMIT
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.practice.conftest import episode, record_form  # noqa: F401


def strength_form(**changes):
    data = {
        "description": "Tom suffers from hay fever but walks to the library every day.",
        "kind": "motivation",
        "identified_by": "person",
        "identified_on_day": "2",
        "identified_on_month": "11",
        "identified_on_year": "2026",
    }
    data.update(changes)
    return data


def findings_in(page):
    return re.findall(r"<strong>“([^”]+)”</strong>", page)


def test_check_the_wording_shows_findings_and_saves_nothing(as_practitioner, tom):
    url = f"/people/{tom.pk}/strengths/add/"
    page = as_practitioner.get(url).content.decode()
    assert "Check the wording" in page and 'data-coach-url="/language/check/"' in page
    response = as_practitioner.post(url, {**strength_form(), "coach_check": "1"})
    page = response.content.decode()
    assert response.status_code == 200 and not Strength.objects.exists()
    assert findings_in(page) == ["suffers from"]
    assert "Assumes the person&#x27;s life is suffering" in page and "lives with" in page
    assert "walks to the library every day" in page  # what was typed is all still there
    assert "There is a problem" not in page  # a check is not a failed save


def test_keep_my_wording_is_one_click_and_remembered(as_practitioner, practitioner, tom):
    url = f"/people/{tom.pk}/strengths/add/"
    response = as_practitioner.post(
        url, {**strength_form(), "coach_keep": "description|suffers from|suffers from"}
    )
    assert findings_in(response.content.decode()) == []
    kept = Dismissal.objects.get()
    assert (kept.user, kept.phrase, kept.scope) == (
        practitioner,
        "suffers from",
        url + "#description",
    )
    assert not Strength.objects.exists()
    # Kept for this worker in this place only.
    page = as_practitioner.post(url, {**strength_form(), "coach_check": "1"}).content.decode()
    assert findings_in(page) == []
    page = as_practitioner.post(
        f"/people/{tom.pk}/aspirations/add/",
        {"text": "Tom suffers from nerves but wants to fly.", "coach_check": "1"},
    ).content.decode()
    assert findings_in(page) == ["suffers from"]
    # Saving afterwards works as always.
    as_practitioner.post(url, strength_form())
    assert Strength.objects.count() == 1


def test_a_keep_for_another_field_or_form_is_ignored(as_practitioner, tom):
    url = f"/people/{tom.pk}/strengths/add/"
    as_practitioner.post(url, {**strength_form(), "coach_keep": "nonsense|suffers from|x"})
    as_practitioner.post(url, {**strength_form(), "coach_keep": "description"})
    assert not Dismissal.objects.exists()


def test_a_saved_draft_shows_findings_next_to_its_text(as_practitioner, tom, episode):  # noqa: F811
    as_practitioner.post(
        f"/people/{tom.pk}/episodes/{episode.pk}/records/new/",
        {
            **record_form(narrative="Tom refused the day centre. He loves the library."),
            "save_draft": "1",
        },
    )
    record = ConversationRecord.objects.get()
    page = as_practitioner.get(f"/people/{tom.pk}/records/{record.pk}/edit/").content.decode()
    assert findings_in(page) == ["refused"]
    assert "Check the wording" not in page  # Save draft does it for drafts
    assert 'id="id_narrative-coach"' in page


def test_a_record_shows_its_balance(as_practitioner, tom, episode):  # noqa: F811
    as_practitioner.post(
        f"/people/{tom.pk}/episodes/{episode.pk}/records/new/",
        {
            **record_form(narrative="Tom loves the library and enjoys the club. He has problems"),
            "finish": "1",
        },
    )
    record = ConversationRecord.objects.get()
    page = as_practitioner.get(f"/people/{tom.pk}/records/{record.pk}/").content.decode()
    assert "Balance of this record:" in page and "not a score" in page


def test_the_contingency_plan_is_a_risk_context(as_practitioner, practitioner, tom):
    planning.start_plan(tom, by=practitioner)
    page = as_practitioner.post(
        f"/people/{tom.pk}/support-plan/",
        {
            "version": "1",
            "contingency": "If the risk of a fall rises, Jane calls the GP.",
            "disengagement": "Priya steps back once the risk is shared.",
            "coach_check": "1",
        },
    ).content.decode()
    contingency = page.split('id="id_contingency-coach"')[1].split('id="id_disengagement')[0]
    assert findings_in(contingency) == []
    assert findings_in(page.split('id="id_disengagement-coach"')[1]) == ["risk"]


def test_the_check_endpoint_returns_the_findings_html(as_practitioner, tom):
    data = {
        "text": "He is wheelchair-bound. “I refused,” he said.",
        "context": "general",
        "scope": f"/people/{tom.pk}/strengths/add/#description",
        "field_id": "id_description",
        "field_name": "description",
    }
    response = as_practitioner.post("/language/check/", data)
    page = response.content.decode()
    assert response.status_code == 200 and findings_in(page) == ["wheelchair-bound"]
    assert "1 wording to think about" in page
    as_practitioner.post(
        "/language/keep/",
        {"scope": data["scope"], "phrase": "wheelchair-bound", "text": "Wheelchair-Bound"},
    )
    page = as_practitioner.post("/language/check/", data).content.decode()
    assert findings_in(page) == [] and "nothing to think about" in page
    bad = as_practitioner.post("/language/check/", {**data, "field_id": "<script>"})
    assert bad.status_code == 400
    assert as_practitioner.get("/language/check/").status_code == 405


def test_the_coach_is_for_signed_in_staff_only(db):
    anonymous = Client()
    response = anonymous.post("/language/check/", {"text": "refused"})
    assert response.status_code in (302, 401, 403)
    assert not Dismissal.objects.exists()
    response = anonymous.post("/language/keep/", {"scope": "x", "phrase": "y", "text": "z"})
    assert response.status_code in (302, 401, 403) and not Dismissal.objects.exists()


CHECK = {
    "context": "general",
    "scope": "/people/x/strengths/add/#description",
    "field_id": "id_description",
    "field_name": "description",
}


@pytest.mark.parametrize("role", [Role.PROVIDER, Role.COMMISSIONER])
def test_staff_who_never_write_in_records_are_refused_the_coach(db, role):
    from goodlife.audit.models import Action, AuditEvent

    client = client_for(UserFactory(role=role))
    response = client.post("/language/check/", {**CHECK, "text": "He is wheelchair-bound."})
    assert response.status_code == 403
    assert b"wheelchair-bound" not in response.content
    refused = AuditEvent.objects.get(action=Action.ACCESS_REFUSED)
    assert refused.summary == "Refused: POST /language/check/"
    keep = client.post("/language/keep/", {"scope": "x", "phrase": "y", "text": "z"})
    assert keep.status_code == 403 and not Dismissal.objects.exists()


@pytest.mark.parametrize("role", [Role.QUALITY_LEAD, Role.TEAM_MANAGER, Role.DIRECTORY_EDITOR])
def test_other_staff_who_may_record_get_the_coach(db, role):
    client = client_for(UserFactory(role=role))
    response = client.post("/language/check/", {**CHECK, "text": "He is wheelchair-bound."})
    assert response.status_code == 200 and findings_in(response.content.decode())


def test_the_coach_checks_no_more_than_the_longest_box_holds(as_practitioner):
    longest = "He is wheelchair-bound. " * (RECORD_TEXT_LIMIT // 24)
    assert as_practitioner.post("/language/check/", {**CHECK, "text": longest}).status_code == 200
    too_long = "x" * 1_000_000
    response = as_practitioner.post("/language/check/", {**CHECK, "text": too_long})
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"text": ["Text must be 50,000 characters or fewer (it has 1,000,000)"]}
    }
    assert len(response.content) < 200
