from goodlife.audit.models import Action, AuditEvent
from goodlife.directory.models import NotedSuggestion, Place, Service, UnmetNeed
from goodlife.people import timeline
from goodlife.strengths import services as strengths
from tests.conftest import client_for
from tests.factories import UserFactory


def test_practitioners_search_the_directory(as_practitioner, directory):
    page = as_practitioner.get(
        "/directory/", {"q": "walking", "free": "on", "day": "TU", "near": "EB1 4QT"}
    ).content.decode()
    assert "1 result" in page and "<mark>walking</mark>" in page and "0.1 miles away" in page


def test_many_results_come_a_page_at_a_time_and_pages_keep_the_search(
    as_practitioner, editor, places
):
    from goodlife.directory.search import PER_PAGE
    from tests.directory.conftest import make_service

    for i in range(PER_PAGE + 5):
        make_service(editor, f"Choir {i:02}", "Singing together.", free=i % 2 == 0)
    make_service(editor, "Chess club", "Board games.", free=True)
    # Every choir matches equally, so they come in name order (the word highlighted).
    first = as_practitioner.get("/directory/", {"q": "choir"}).content.decode()
    assert f"{PER_PAGE + 5} results" in first
    assert f"Showing 1 to {PER_PAGE}," in first
    assert "Choir</mark> 00<" in first and f"Choir</mark> {PER_PAGE - 1:02}<" in first
    assert f"Choir</mark> {PER_PAGE:02}<" not in first
    assert 'href="?q=choir&amp;page=2" rel="next"' in first

    second = as_practitioner.get("/directory/", {"q": "choir", "page": "2"}).content.decode()
    assert f"{PER_PAGE + 5} results" in second
    assert f"Choir</mark> {PER_PAGE:02}<" in second and f"Choir</mark> {PER_PAGE + 4:02}<" in second
    assert "Choir</mark> 00<" not in second
    assert 'href="?q=choir&amp;page=1" rel="prev"' in second
    assert "Page 2 of 2" in second

    # Filters travel with the page links; a page past the end shows the last, a mangled
    # one the first.
    free = as_practitioner.get("/directory/", {"q": "choir", "free": "on"}).content.decode()
    assert f"{(PER_PAGE + 5 + 1) // 2} results" in free
    assert "Chess club" not in free
    past = as_practitioner.get("/directory/", {"q": "choir", "page": "99"}).content.decode()
    assert f"Choir</mark> {PER_PAGE + 4:02}<" in past and "Choir</mark> 00<" not in past
    mangled = as_practitioner.get("/directory/", {"q": "choir", "page": "two"}).content.decode()
    assert "Choir</mark> 00<" in mangled


def test_a_few_results_have_no_page_links(as_practitioner, directory):
    page = as_practitioner.get("/directory/", {"q": "walking"}).content.decode()
    assert "1 result" in page and "govuk-pagination" not in page and "Showing" not in page


def test_a_time_without_a_day_is_explained(as_practitioner, directory):
    page = as_practitioner.get("/directory/", {"time": "7pm"}).content.decode()
    assert "Choose a day to search by time" in page
    page = as_practitioner.get("/directory/", {"day": "TU", "time": "25:00"}).content.decode()
    assert "Enter a real time" in page


def test_editors_add_an_entry_and_mistakes_keep_what_was_typed(editor, places):
    client = client_for(editor)
    page = client.post(
        "/directory/services/new/",
        {
            "name": "",
            "description": "Knitting and chat",
            "opens_at": "2pm",
            "closes_at": "1pm",
            "latitude": "52.6",
            "url": "not a url",
        },
    ).content.decode()
    assert "Enter the name of the resource" in page
    assert "The end time must be after the start time" in page
    assert "Enter both latitude and longitude" in page
    assert "Enter a web address" in page
    assert "Knitting and chat" in page
    response = client.post(
        "/directory/services/new/",
        {
            "name": "Knit and natter",
            "description": "Knitting and chat",
            "days": ["MO"],
            "opens_at": "2pm",
            "closes_at": "4pm",
            "is_free": "on",
            "offerings": ["connect"],
            "terms": "knitting, crafts",
        },
    )
    service = Service.objects.get(name="Knit and natter")
    assert response.url == f"/directory/services/{service.pk}/"
    assert service.last_checked_by == editor and service.offers_connect and service.is_free
    assert service.schedules.get().opens_at.hour == 14


def test_practitioners_cannot_edit_the_directory(as_practitioner, directory):
    service = directory["walk"]
    assert as_practitioner.get(f"/directory/services/{service.pk}/edit/").status_code == 403


def test_stale_entries_are_flagged(editor, directory):
    import datetime

    Service.objects.filter(pk=directory["lunch"].pk).update(
        last_checked_on=datetime.date(2020, 1, 1)
    )
    client = client_for(editor)
    assert "Thursday lunch club" in client.get("/directory/stale/").content.decode()
    page = client.get(f"/directory/services/{directory['lunch'].pk}/").content.decode()
    assert "Not checked since 1 January 2020" in page
    client.post(f"/directory/services/{directory['lunch'].pk}/checked/")
    assert directory["lunch"] not in client.get("/directory/stale/").context["entries"]


def test_suggestions_can_be_noted_and_appear_on_the_timeline(
    as_practitioner, practitioner, tom, directory
):
    strengths.add_aspiration(
        tom, by=practitioner, text="To see the stars", term="long", interests=["space"]
    )
    page = as_practitioner.get(f"/people/{tom.pk}/suggestions/").content.decode()
    assert "Tom is interested in space: Eastbrook Astronomical Society" in page
    service = directory["astronomy"]
    as_practitioner.post(
        f"/people/{tom.pk}/suggestions/",
        {"action": "note", "service": str(service.pk), "reason": "Fits Tom"},
    )
    noted = NotedSuggestion.objects.get()
    assert noted.person == tom and noted.service == service
    titles = [e.title for e in timeline.entries_for(tom, kinds=["directory"])]
    assert titles == ["Suggested: Eastbrook Astronomical Society"]


def test_unmet_needs_are_logged_and_shown_without_names(as_practitioner, tom, directory):
    url = f"/people/{tom.pk}/suggestions/"
    page = as_practitioner.post(url, {"action": "unmet", "what": ""}).content.decode()
    assert "Enter what is missing" in page
    as_practitioner.post(
        url,
        {
            "action": "unmet",
            "what": "No daytime astronomy group",
            "theme": "interests",
            "area": "EB1",
        },
    )
    assert UnmetNeed.objects.get().person == tom
    # A fixed name: a generated one could itself contain "Tom".
    commissioner = client_for(UserFactory(role="commissioner", full_name="Martin Hughes"))
    page = commissioner.get("/directory/unmet-needs/").content.decode()
    assert "Hobbies and interests" in page and "EB1" in page and "No daytime astronomy" in page
    assert "Tom" not in page and "Baxter" not in page


def test_community_offers_are_searchable_only_with_consent(
    as_practitioner, practitioner, tom, directory
):
    strengths.add_offer(
        tom,
        by=practitioner,
        what="Showing people the planets through a telescope",
        share_with_community=True,
    )
    strengths.add_offer(
        tom, by=practitioner, what="Private telescope lessons", share_with_community=False
    )
    page = as_practitioner.get("/directory/", {"q": "telescope"}).content.decode()
    assert "Showing people the planets" in page and "Private telescope" not in page
    assert "Tom" not in page.split("People offering their skills")[1]


def test_providers_do_not_see_suggestions(tom, directory):
    provider = client_for(UserFactory(role="provider"))
    assert provider.get(f"/people/{tom.pk}/suggestions/").status_code == 403


def test_an_unmet_need_that_could_identify_someone_is_sent_back_to_reword(
    as_practitioner, practitioner, tom, directory
):
    strengths.add_member(
        tom, by=practitioner, name="Jane Baxter", kind="family", ring=1, frequency="weekly"
    )
    url = f"/people/{tom.pk}/suggestions/"
    typed = "Tom's sister Jane wants a carers' group near 12 Acacia Avenue"
    page = as_practitioner.post(
        url, {"action": "unmet", "what": typed, "theme": "carers", "area": "EB1 4QT"}
    ).content.decode()
    assert (
        "Take out the person&#x27;s name (Tom), the name of someone in their network (Jane) "
        "and the address (12 Acacia Avenue) — commissioners see this description" in page
    )
    assert "Enter only the postcode district (EB1), not the full postcode" in page
    assert "Tom&#x27;s sister Jane wants a carers&#x27; group near 12 Acacia Avenue" in page
    assert not UnmetNeed.objects.exists()

    response = as_practitioner.post(
        url,
        {
            "action": "unmet",
            "what": "No carers' group in the evening",
            "theme": "carers",
            "area": "eb1",
        },
    )
    assert response.status_code == 302
    need = UnmetNeed.objects.get()
    assert need.what == "No carers' group in the evening" and need.area == "EB1"


def test_a_named_neighbourhood_is_an_area(as_practitioner, tom, directory):
    Place.objects.create(name="Eastbrook", latitude=52.63, longitude=-1.13)
    url = f"/people/{tom.pk}/suggestions/"
    data = {"action": "unmet", "what": "No choir", "theme": "interests", "area": "eastbrook"}
    assert as_practitioner.post(url, data).status_code == 302
    assert UnmetNeed.objects.get().area == "Eastbrook"
    page = as_practitioner.post(url, {**data, "area": "Nowhere Street"}).content.decode()
    assert "Enter a postcode district, like EB4, or the name of a neighbourhood" in page


def test_the_commissioners_view_is_audited_and_holds_back_what_names_someone(
    practitioner, tom, directory
):
    # Logged before descriptions were checked: it names Tom, with a full postcode.
    UnmetNeed.objects.create(
        person=tom,
        what="Tom needs a lift",
        theme="transport",
        area="EB1 4QT",
        logged_by=practitioner,
    )
    UnmetNeed.objects.create(
        person=tom, what="No daytime choir", theme="interests", area="EB2", logged_by=practitioner
    )
    commissioner = UserFactory(role="commissioner", full_name="Martin Hughes")
    page = client_for(commissioner).get("/directory/unmet-needs/").content.decode()
    assert "Tom" not in page and "EB1 4QT" not in page
    assert "Description not shown: it could identify someone" in page
    assert "No daytime choir" in page and "EB1" in page
    event = AuditEvent.objects.get(user=commissioner, action=Action.VIEW)
    assert event.summary == "Viewed unmet needs"
    assert event.person_id is None
    assert event.detail == {
        "gaps": 2,
        "themes": 2,
        "areas": 2,
        "descriptions_shown": 1,
        "descriptions_withheld": 1,
    }
