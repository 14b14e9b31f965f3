"""Sign-off as a workflow: sent with a note, found on the manager's My work (with the count
in the menu), returned with a reason or signed off with a comment, the answer on the
practitioner's My work until seen, every step on the timeline and the audit trail."""

import datetime

import pytest

from goodlife.audit.models import AuditEvent
from goodlife.errors import NotAllowed
from goodlife.people.timeline import entries_for
from goodlife.planning import queries, services, sign_off
from goodlife.planning.models import SignOffStatus
from tests.conftest import client_for
from tests.factories import PlanItemFactory, SupportPlanFactory, UserFactory
from tests.planning.test_support_plan import TODAY, outcome  # noqa: F401


@pytest.fixture
def draft(tom, practitioner, outcome):  # noqa: F811
    plan = SupportPlanFactory(person=tom, by=practitioner)
    PlanItemFactory(plan=plan, by=practitioner, description="Library card", outcomes=[outcome])
    PlanItemFactory(
        plan=plan,
        by=practitioner,
        description="Travel training, 7 hours a week",
        tier="short_term",
        outcomes=[outcome],
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(weeks=6),
        weekly_cost="180.50",
    )
    return plan


def fingerprint_of(plan):
    return queries.sign_off_summary(list(plan.items.all()))["fingerprint"]


def test_sent_returned_changed_sent_again_and_signed_off(
    draft, tom, practitioner, manager, as_practitioner, as_manager
):
    base = f"/people/{tom.pk}/support-plan/"
    page = as_practitioner.get(base).content.decode()
    assert "Send for sign-off" in page
    # The send page says what goes: the item, its weekly cost and what it costs in all.
    page = as_practitioner.get(base + "sign-off/").content.decode()
    assert "Travel training, 7 hours a week" in page
    assert "£180.50" in page and "£1083.00" in page  # six weeks
    as_practitioner.post(base + "sign-off/", {"note": "Six weeks, then on his own"})
    asked = draft.sign_offs.get()
    assert asked.is_waiting and asked.note == "Six weeks, then on his own"
    assert asked.items[0]["weekly_cost"] == "180.50"

    # The manager finds it on My work, with the count in the menu.
    work = as_manager.get("/my-work/").content.decode()
    waiting = work.split('id="waiting-for-sign-off"')[1].split("</table>")[0]
    assert "Tom" in waiting and "Travel training" in waiting and "Priya Shah" in waiting
    assert "£180.50" in waiting and "£1083.00" in waiting
    assert 'class="app-count">1<span class="govuk-visually-hidden"> waiting for your sign-off' in (
        work
    )
    decide = base + f"sign-off/{asked.pk}/"
    page = as_manager.get(decide).content.decode()
    assert "Six weeks, then on his own" in page
    # Returning needs a reason, said beside the box, with the choice kept.
    page = as_manager.post(
        decide, {"decision": "return", "comment": " ", "fingerprint": fingerprint_of(draft)}
    ).content.decode()
    assert "Say why you are returning it" in page
    as_manager.post(
        decide,
        {
            "decision": "return",
            "comment": "Could Jane do the Tuesday trips? Fewer hours, please.",
            "fingerprint": fingerprint_of(draft),
        },
    )
    asked.refresh_from_db()
    assert asked.status == SignOffStatus.RETURNED and asked.decided_by == manager

    # The practitioner sees why, on My work and on the plan, until marked seen.
    work = as_practitioner.get("/my-work/").content.decode()
    assert "Could Jane do the Tuesday trips? Fewer hours, please." in work
    plan_page = as_practitioner.get(base).content.decode()
    assert "Returned by Grace Whitfield" in plan_page and "Fewer hours" in plan_page
    # They change the cost by editing the item, not by adding it again.
    item = draft.items.get(tier="short_term")
    page = as_practitioner.get(base + f"items/{item.pk}/change/").content.decode()
    assert 'value="180.50"' in page
    as_practitioner.post(
        base + f"items/{item.pk}/change/",
        {
            "version": str(item.version),
            "description": "Travel training, 3 hours a week",
            "tier": "short_term",
            "outcomes": [str(o.pk) for o in item.outcomes.all()],
            "starts_on_day": TODAY.day,
            "starts_on_month": TODAY.month,
            "starts_on_year": TODAY.year,
            "ends_on_day": item.ends_on.day,
            "ends_on_month": item.ends_on.month,
            "ends_on_year": item.ends_on.year,
            "weekly_cost": "£77.40",
        },
    )
    item.refresh_from_db()
    assert (
        item.description == "Travel training, 3 hours a week" and str(item.weekly_cost) == "77.40"
    )
    assert draft.items.count() == 2
    as_practitioner.post(base + "sign-off/", {"note": "Jane does Tuesdays now"})
    again = draft.sign_offs.get(status=SignOffStatus.WAITING)
    asked.refresh_from_db()
    assert asked.seen_at is not None  # answered by sending again
    page = as_manager.get(base + f"sign-off/{again.pk}/").content.decode()
    assert "£77.40" in page
    as_manager.post(
        base + f"sign-off/{again.pk}/",
        {
            "decision": "sign_off",
            "comment": "Good: thank Jane.",
            "fingerprint": fingerprint_of(draft),
        },
    )
    item.refresh_from_db()
    assert item.signed_off_by == manager and item.signed_off_in.comment == "Good: thank Jane."
    assert "Good: thank Jane." in as_practitioner.get(base).content.decode()
    work = as_practitioner.get("/my-work/").content.decode()
    assert "Signed off" in work and "Good: thank Jane." in work
    as_practitioner.post(base + f"sign-off/{again.pk}/seen/")
    assert "Good: thank Jane." not in as_practitioner.get("/my-work/").content.decode()
    assert "Nothing is waiting for your sign-off" in as_manager.get("/my-work/").content.decode()

    # Every step is on the timeline and in the audit trail.
    titles = [e.title for e in entries_for(tom)]
    assert titles.count("Support plan 1 sent for sign-off") == 2
    assert "Support plan 1 returned for changes" in titles
    assert "Support plan 1 signed off" in titles
    said = set(AuditEvent.objects.filter(person_id=tom.pk).values_list("summary", flat=True))
    assert {
        "Sent support plan 1 for a manager's sign-off",
        "Returned support plan 1 to the practitioner",
        "Signed off the council-funded support in support plan 1",
        "Read the manager's answer to a sign-off request",
    } <= said


def test_a_changed_amount_or_end_date_after_sign_off_needs_sign_off_again(
    draft, practitioner, manager
):
    asked = sign_off.request_sign_off(draft, by=practitioner)
    sign_off.decide(
        asked, by=manager, decision=sign_off.SIGN_OFF, fingerprint=fingerprint_of(draft)
    )
    item = draft.items.get(tier="short_term")
    item.refresh_from_db()
    assert item.signed_off_at is not None
    # New wording alone keeps the sign-off.
    item = services.change_item(
        item,
        by=practitioner,
        expected_version=item.version,
        outcomes=list(item.outcomes.all()),
        description="Travel training with Sam",
    )
    assert item.signed_off_at is not None
    for change in ({"weekly_cost": 200}, {"ends_on": item.ends_on + datetime.timedelta(weeks=2)}):
        item = services.change_item(
            item,
            by=practitioner,
            expected_version=item.version,
            outcomes=list(item.outcomes.all()),
            **change,
        )
        assert item.signed_off_at is None and item.signed_off_in is None
        asked = sign_off.request_sign_off(draft, by=practitioner)
        sign_off.decide(
            asked, by=manager, decision=sign_off.SIGN_OFF, fingerprint=fingerprint_of(draft)
        )
        item.refresh_from_db()


def test_a_manager_cannot_sign_off_what_changed_after_they_opened_it(draft, practitioner, manager):
    asked = sign_off.request_sign_off(draft, by=practitioner)
    seen = fingerprint_of(draft)
    item = draft.items.get(tier="short_term")
    services.change_item(
        item,
        by=practitioner,
        expected_version=item.version,
        outcomes=list(item.outcomes.all()),
        weekly_cost=400,
    )
    with pytest.raises(NotAllowed, match="changed after you opened it"):
        sign_off.decide(asked, by=manager, decision=sign_off.SIGN_OFF, fingerprint=seen)
    item.refresh_from_db()
    assert item.signed_off_at is None


def test_only_a_manager_of_the_persons_team_decides(draft, practitioner, river):
    asked = sign_off.request_sign_off(draft, by=practitioner)
    elsewhere = UserFactory(role="team_manager", teams=[river])
    with pytest.raises(NotAllowed):
        sign_off.decide(
            asked, by=elsewhere, decision=sign_off.SIGN_OFF, fingerprint=fingerprint_of(draft)
        )
    with pytest.raises(NotAllowed):
        sign_off.decide(
            asked, by=practitioner, decision=sign_off.SIGN_OFF, fingerprint=fingerprint_of(draft)
        )
    response = client_for(elsewhere).get(
        f"/people/{draft.person_id}/support-plan/sign-off/{asked.pk}/"
    )
    assert response.status_code in (302, 403)  # break-glass first, or refused
    work = client_for(elsewhere).get("/my-work/").content.decode()
    assert "Nothing is waiting for your sign-off" in work and 'class="app-count"' not in work


def test_a_plan_is_sent_once_and_only_with_something_to_sign_off(draft, practitioner):
    asked = sign_off.request_sign_off(draft, by=practitioner)
    with pytest.raises(NotAllowed, match="already waiting"):
        sign_off.request_sign_off(draft, by=practitioner)
    asked.delete()
    services.remove_item(draft.items.get(tier="short_term"), by=practitioner)
    with pytest.raises(NotAllowed, match="Nothing in this plan needs"):
        sign_off.request_sign_off(draft, by=practitioner)


def test_the_person_page_says_where_the_plan_stands(
    draft, tom, practitioner, manager, as_practitioner
):
    page = as_practitioner.get(f"/people/{tom.pk}/").content.decode()
    assert f'href="/people/{tom.pk}/support-plan/"' in page and "Being written" in page
    asked = sign_off.request_sign_off(draft, by=practitioner)
    page = as_practitioner.get(f"/people/{tom.pk}/").content.decode()
    assert "Waiting for a manager&#x27;s sign-off" in page
    sign_off.decide(
        asked,
        by=manager,
        decision=sign_off.RETURN,
        comment="Fewer hours",
        fingerprint=fingerprint_of(draft),
    )
    page = as_practitioner.get(f"/people/{tom.pk}/").content.decode()
    assert "Returned by the manager" in page
