import datetime

from django.utils import timezone

from goodlife.practice import services
from goodlife.practice.models import HoldingSupport


def date_fields(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_holding_support_shows_on_the_persons_page_until_it_ends(as_practitioner, tom):
    today = timezone.localdate()
    url = f"/people/{tom.pk}/holding-support/new/"
    response = as_practitioner.post(
        url,
        {
            "what": "Carer visits twice a day while Tom's leg heals",
            **date_fields("starts_on", today),
            **date_fields("planned_end_on", today + datetime.timedelta(days=21)),
        },
    )
    assert response.url == f"/people/{tom.pk}/"
    page = as_practitioner.get(response.url).content.decode()
    assert "Short-term holding support until" in page
    assert "Carer visits twice a day" in page

    support = HoldingSupport.objects.get()
    review = f"/people/{tom.pk}/holding-support/{support.pk}/review/"
    page = as_practitioner.post(review, {"decision": "end", "ended_on_day": ""}).content.decode()
    assert "Enter the date it ended" in page and "Enter what was decided" in page
    as_practitioner.post(
        review,
        {"decision": "end", **date_fields("ended_on", today), "note": "Tom is walking again"},
    )
    support.refresh_from_db()
    assert not support.is_active
    assert (
        "Short-term holding support until"
        not in as_practitioner.get(f"/people/{tom.pk}/").content.decode()
    )


def test_the_end_must_come_after_the_start(as_practitioner, tom):
    today = timezone.localdate()
    page = as_practitioner.post(
        f"/people/{tom.pk}/holding-support/new/",
        {
            "what": "Meals delivered",
            **date_fields("starts_on", today),
            **date_fields("planned_end_on", today),
        },
    ).content.decode()
    assert "Planned end date must be after the start date" in page
    assert "Meals delivered" in page


def test_a_review_can_continue_it_to_a_new_date(tom, practitioner):
    today = timezone.localdate()
    support = services.start_holding_support(
        tom, by=practitioner, what="Meals", starts_on=today, planned_end_on=today
    )
    services.review_holding_support(
        support, by=practitioner, continue_until=today + datetime.timedelta(days=7), note="More"
    )
    support.refresh_from_db()
    assert support.is_active and support.planned_end_on == today + datetime.timedelta(days=7)
