import datetime

from goodlife.audit.models import AuditEvent
from goodlife.directory import services as directory
from goodlife.people import timeline
from goodlife.planning.models import Idea, Outcome, Task
from goodlife.strengths import services as strengths


def aspiration(tom, practitioner):
    return strengths.add_aspiration(
        tom, by=practitioner, text="I want to be an astronaut", term="long", interests=["space"]
    )


def test_ideas_for_an_aspiration_in_order_of_least_intrusion(as_practitioner, practitioner, tom):
    a = aspiration(tom, practitioner)
    url = f"/people/{tom.pk}/ideas/add/"
    page = as_practitioner.post(url, {"aspiration": str(a.pk), "text": ""}).content.decode()
    assert "Enter the idea" in page and "Select where the idea would come from" in page
    as_practitioner.post(
        url, {"aspiration": str(a.pk), "text": "Buy a telescope", "tier": "own_strengths"}
    )
    as_practitioner.post(
        url, {"aspiration": str(a.pk), "text": "A degree in rocket science", "tier": "long_term"}
    )
    as_practitioner.post(
        url, {"aspiration": str(a.pk), "text": "A library book about space", "tier": "community"}
    )
    page = as_practitioner.get(f"/people/{tom.pk}/plan/").content.decode()
    assert page.index("Buy a telescope") < page.index("A library book") < page.index("rocket")
    assert AuditEvent.objects.filter(summary="Added an idea").count() == 3


def test_ideas_not_wanted_are_kept_with_the_reason(as_practitioner, practitioner, tom):
    a = aspiration(tom, practitioner)
    as_practitioner.post(
        f"/people/{tom.pk}/ideas/add/",
        {"aspiration": str(a.pk), "text": "Buy a telescope", "tier": "own_strengths"},
    )
    idea = Idea.objects.get()
    url = f"/people/{tom.pk}/ideas/{idea.pk}/status/"
    page = as_practitioner.post(url, {"status": "not_wanted"}).content.decode()
    assert "Say why the person did not want it" in page
    as_practitioner.post(url, {"status": "not_wanted", "reason": "Too expensive for now"})
    page = as_practitioner.get(f"/people/{tom.pk}/plan/").content.decode()
    assert "Buy a telescope" in page and "Too expensive for now" in page


def test_a_noted_directory_suggestion_becomes_an_idea(as_practitioner, practitioner, tom):
    from tests.factories import UserFactory

    editor = UserFactory(role="directory_editor")
    service = directory.save_service(
        None,
        by=editor,
        name="Eastbrook Astronomical Society",
        organization_name="",
        description="Stars",
        is_free=True,
        fees="",
        url="",
        email="",
        phone="",
        eligibility="",
    )
    directory.note_suggestion(tom, service, by=practitioner, reason="Fits")
    page = as_practitioner.get(f"/people/{tom.pk}/plan/").content.decode()
    assert f"?service={service.pk}" in page
    form = as_practitioner.get(f"/people/{tom.pk}/ideas/add/?service={service.pk}").content.decode()
    assert "Try Eastbrook Astronomical Society" in form
    as_practitioner.post(
        f"/people/{tom.pk}/ideas/add/",
        {
            "text": "Try Eastbrook Astronomical Society",
            "tier": "community",
            "service": str(service.pk),
        },
    )
    assert Idea.objects.get().service == service


def test_vague_outcomes_are_flagged_but_the_worker_decides(as_practitioner, practitioner, tom):
    a = aspiration(tom, practitioner)
    url = f"/people/{tom.pk}/outcomes/add/"
    data = {
        "aspiration": str(a.pk),
        "text": "Improve Tom's confidence",
        "how_we_will_know": "",
        "domains": ["control"],
    }
    page = as_practitioner.post(url, data).content.decode()
    assert "A suggestion about the wording" in page and "“improve”" in page
    assert "Improve Tom&#x27;s confidence" in page or "Improve Tom's confidence" in page
    assert not Outcome.objects.exists()
    response = as_practitioner.post(url, {**data, "save_anyway": "1"})
    assert response.status_code == 302
    assert Outcome.objects.get().text == "Improve Tom's confidence"


def test_a_smart_outcome_with_steps(as_practitioner, practitioner, tom):
    a = aspiration(tom, practitioner)
    day = datetime.date.today() + datetime.timedelta(days=60)  # noqa: DTZ011
    response = as_practitioner.post(
        f"/people/{tom.pk}/outcomes/add/",
        {
            "aspiration": str(a.pk),
            "text": "Tom goes to the astronomy society twice a month",
            "how_we_will_know": "Tom tells us at the review",
            "by_when_day": day.day,
            "by_when_month": day.month,
            "by_when_year": day.year,
            "short_term": "on",
            "domains": ["participation", "relationships"],
        },
    )
    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert outcome.domains == ["participation", "relationships"] and outcome.short_term
    url = f"/people/{tom.pk}/outcomes/{outcome.pk}/tasks/add/"
    page = as_practitioner.post(url, {"what": ""}).content.decode()
    assert "Enter the step" in page
    as_practitioner.post(url, {"what": "Email the society's secretary", "who": "person"})
    task = Task.objects.get()
    as_practitioner.post(f"/people/{tom.pk}/tasks/{task.pk}/done/")
    task.refresh_from_db()
    assert task.done_at is not None
    page = as_practitioner.get(f"/people/{tom.pk}/plan/").content.decode()
    assert "Small, likely win" in page and "Email the society" in page
    titles = {e.title for e in timeline.entries_for(tom, kinds=["planning"])}
    assert titles == {"Outcome added", "Step added"}


def test_other_teams_need_break_glass(as_other_practitioner, tom):
    assert "break-glass" in as_other_practitioner.get(f"/people/{tom.pk}/plan/").url


def test_a_made_up_service_in_an_address_or_a_form_is_no_service(as_practitioner, tom):
    for made_up in ["99999999999999999999", "not-a-uuid", "\x00"]:
        response = as_practitioner.get(f"/people/{tom.pk}/ideas/add/", {"service": made_up})
        assert response.status_code == 200 and 'value="Try' not in response.content.decode()
        response = as_practitioner.post(
            f"/people/{tom.pk}/suggestions/", {"action": "note", "service": made_up}
        )
        assert response.status_code == 404
