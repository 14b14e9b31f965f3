import datetime
import re

import pytest

from goodlife.audit.models import Action, AuditEvent
from goodlife.errors import Conflict
from goodlife.people import timeline
from goodlife.wellbeing import services
from goodlife.wellbeing.models import Well12Amendment, Well12Response
from tests.conftest import client_for
from tests.factories import PersonFactory, UserFactory


def form(day=datetime.date(2026, 10, 1), answers=(1, 2, 3, 3, 4, 3, 2, 2, 1, 2, 1, 2), **extra):
    data = {
        "completed_on_day": day.day,
        "completed_on_month": day.month,
        "completed_on_year": day.year,
        "completed_by": "Tom",
        "how": "together",
        "recent_event": "no",
        "recent_event_detail": "",
        "notes": "",
    }
    for n, a in enumerate(answers, 1):
        if a is not None:
            data[f"item_{n}"] = str(a)
    data.update(extra)
    return data


def record(person, by, day, answers):
    return services.record_well12(
        person,
        by=by,
        completed_on=day,
        completed_by="Tom",
        how="together",
        recent_event="",
        recent_event_detail="",
        notes="",
        **{f"item_{n}": a for n, a in enumerate(answers, 1)},
    )


def test_the_form_has_every_statement_as_radios(as_practitioner, tom):
    page = as_practitioner.get(f"/people/{tom.pk}/wellbeing/well12/new/").content.decode()
    assert "1. I get all the sleep I need" in page
    assert "12. I feel hopeful about my future" in page
    assert page.count('type="radio" name="item_') == 60
    assert "4 = Yes, definitely" in page and "0 = Definitely not" in page
    assert "Has there been a recent event" in page


def test_recording_a_well12_scores_and_audits_it(as_practitioner, practitioner, tom):
    response = as_practitioner.post(f"/people/{tom.pk}/wellbeing/well12/new/", form())
    assert response.url == f"/people/{tom.pk}/wellbeing/"
    saved = Well12Response.objects.get()
    assert saved.total == 26 and saved.answered == 12
    assert saved.recorded_by == practitioner
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(saved.pk)).exists()


def test_gaps_are_allowed_and_scored(as_practitioner, tom):
    as_practitioner.post(
        f"/people/{tom.pk}/wellbeing/well12/new/",
        form(answers=(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, None, None)),
    )
    saved = Well12Response.objects.get()
    assert saved.answered == 10 and saved.score.prorated_total == 48.0


def test_a_validation_error_keeps_every_answer(as_practitioner, tom):
    data = form(how="", completed_on_day="32", notes="Tom was tired today")
    page = as_practitioner.post(f"/people/{tom.pk}/wellbeing/well12/new/", data).content.decode()
    assert "Select how the WELL12 was completed" in page
    assert "must be a real date" in page
    for number, answer in enumerate((1, 2, 3, 3, 4, 3, 2, 2, 1, 2, 1, 2), 1):
        assert re.search(f'name="item_{number}" value="{answer}"[^>]*checked', page), number
    assert "Tom was tired today" in page
    assert not Well12Response.objects.exists()


def test_at_least_one_statement_must_be_answered(as_practitioner, tom):
    page = as_practitioner.post(
        f"/people/{tom.pk}/wellbeing/well12/new/", form(answers=(None,) * 12)
    ).content.decode()
    assert "Answer at least one of the 12 statements" in page


def test_an_answer_out_of_range_is_refused(as_practitioner, tom):
    page = as_practitioner.post(
        f"/people/{tom.pk}/wellbeing/well12/new/", form(item_3="7")
    ).content.decode()
    assert "Select a valid choice" in page
    assert not Well12Response.objects.exists()


def test_progression_in_words_chart_and_table(as_practitioner, practitioner, tom):
    record(tom, practitioner, datetime.date(2026, 10, 1), (1, 2, 3, 3, 4, 3, 2, 2, 1, 2, 1, 2))
    record(tom, practitioner, datetime.date(2026, 11, 1), (3, 2, 3, 2, 4, 3, 2, 2, 4, 2, 1, 2))
    page = as_practitioner.get(f"/people/{tom.pk}/wellbeing/").content.decode()
    assert "Sleep: from Disagree to Agree" in page
    assert "A hobby or interest: from Disagree to Yes, definitely" in page
    assert "Managing money: from Agree to Not sure" in page
    assert "Total up from 26 to 30" in page
    assert "<svg" in page and "WELL12 total over time" in page
    assert "1 Oct 2026: 26 out of 48; 1 Nov 2026: 30 out of 48" in page
    assert "WELL12 totals, as a table" in page
    assert "Areas of life (Care Act wellbeing)" in page
    assert "Where they live" in page


def test_correcting_keeps_the_original_answers(as_practitioner, practitioner, tom):
    saved = record(tom, practitioner, datetime.date(2026, 10, 1), (1,) * 12)
    url = f"/people/{tom.pk}/wellbeing/well12/{saved.pk}/amend/"
    page = as_practitioner.post(url, form(answers=(1,) * 12, item_1="3")).content.decode()
    assert "Enter why you are correcting this WELL12" in page
    response = as_practitioner.post(
        url,
        {
            **form(answers=(1,) * 12, item_1="3"),
            "amendment_reason": "Tom meant Agree",
            "version": "1",
        },
    )
    assert response.url == f"/people/{tom.pk}/wellbeing/well12/{saved.pk}/"
    saved.refresh_from_db()
    assert saved.item_1 == 3 and saved.total == 14
    amendment = Well12Amendment.objects.get()
    assert amendment.changes["item_1"] == {"before": 1, "after": 3}
    page = as_practitioner.get(response.url).content.decode()
    assert "Tom meant Agree" in page and "Disagree" in page


def test_a_stale_correction_is_refused(practitioner, tom):
    saved = record(tom, practitioner, datetime.date(2026, 10, 1), (1,) * 12)
    services.amend_well12(saved, by=practitioner, reason="a", expected_version=1, item_1=2)
    with pytest.raises(Conflict):
        services.amend_well12(saved, by=practitioner, reason="b", expected_version=1, item_2=2)


def test_well12s_appear_on_the_timeline(practitioner, tom):
    record(tom, practitioner, datetime.date(2026, 10, 1), (2,) * 12)
    titles = [e.title for e in timeline.entries_for(tom, kinds=["wellbeing"])]
    assert titles == ["WELL12: 24 out of 48 (1 October 2026)"]


def test_the_blank_form_prints_for_anyone_who_works_with_people(as_practitioner, db):
    page = as_practitioner.get("/wellbeing/well12/blank/").content.decode()
    assert "I get all the sleep I need" in page and "Name / ID" in page
    provider = client_for(UserFactory(role="provider"))
    assert provider.get("/wellbeing/well12/blank/").status_code == 403


def test_other_teams_cannot_see_a_persons_wellbeing(as_other_practitioner, tom):
    assert "break-glass" in as_other_practitioner.get(f"/people/{tom.pk}/wellbeing/").url


def test_team_progression_counts_people_with_two_or_more(
    as_manager, practitioner, tom, north, river
):
    record(tom, practitioner, datetime.date(2026, 10, 1), (1,) * 12)
    record(tom, practitioner, datetime.date(2026, 11, 1), (3,) * 12)
    one = PersonFactory(team=north)
    record(one, practitioner, datetime.date(2026, 10, 1), (1,) * 12)
    elsewhere = PersonFactory(team=river)
    record(elsewhere, practitioner, datetime.date(2026, 10, 1), (4,) * 12)
    record(elsewhere, practitioner, datetime.date(2026, 11, 1), (0,) * 12)
    response = as_manager.get("/wellbeing/team/")
    result = response.context["result"]
    assert result.people == 1
    assert dict(result.total_bands)["up 5 or more"] == 1
    assert result.items[0][1]["better"] == 1
    assert tom.legal_name not in response.content.decode()
    # Not precomputed: the page says its figures are never stale.
    assert "Figures are worked out as the page opens." in response.content.decode()
