"""Tom's first conversation, as a practitioner records it: draft, finish, amend, close."""

from playwright.sync_api import expect

from goodlife.people.demo import person_id
from goodlife.practice.models import ConversationRecord, Episode
from tests.accounts.helpers import time_out_sessions


def test_record_toms_first_conversation_from_draft_to_closure(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    expect(v.page.get_by_role("heading", level=1)).to_have_text("My work")
    v.check("my-work")

    v.goto(f"/people/{person_id('tom')}/")
    v.page.get_by_role("link", name="Record a new contact").click()
    v.check("episode-new")
    v.page.get_by_role("button", name="Open episode").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Select how the contact came in")
    v.check("episode-new-errors")
    v.page.get_by_label("The person got in touch themselves").check()
    v.page.get_by_label("Who got in touch?").fill("Tom himself")
    v.page.get_by_label("What do they want, in their own words?").fill(
        "I want to meet people who love space as much as I do"
    )
    v.page.get_by_role("button", name="Open episode").click()
    expect(v.page.get_by_text("What do you want to do?")).to_be_visible()
    expect(
        v.page.get_by_text(
            "How can I connect you to things that will help you get on with your life"
        )
    ).to_be_visible()
    v.check("episode")

    v.page.get_by_role("link", name="1. Gather information").click()
    expect(v.page.get_by_text("What do you want to do?")).to_be_visible()
    v.check("record-new")
    v.page.get_by_label("Where did it take place?").fill("Tom's flat")
    v.page.get_by_label("What you talked about").fill("Tom showed me his star charts.")
    v.page.get_by_role("button", name="Save draft").click()
    expect(v.page.get_by_text("Draft saved.")).to_be_visible()
    v.check("record-draft")

    v.page.get_by_label("What you talked about").fill(
        "Tom showed me his star charts. He would like to join a club."
    )
    v.page.get_by_role("button", name="Finish record").click()
    expect(v.page.get_by_text("Conversation record finished.")).to_be_visible()
    expect(v.page.get_by_text("1 recorded")).to_be_visible()

    record = ConversationRecord.objects.get(narrative__startswith="Tom showed me")
    v.goto(f"/people/{person_id('tom')}/records/{record.pk}/")
    v.check("record")
    v.page.get_by_role("link", name="Amend this record").click()
    v.check("record-amend")
    v.page.get_by_label("What you talked about").fill(
        "Tom showed me his star charts. He would like to join the astronomy society."
    )
    v.page.get_by_label("Why are you amending this record?").fill("Tom named the club he meant")
    v.page.get_by_role("button", name="Save amendment").click()
    expect(v.page.get_by_text("Amendment saved.")).to_be_visible()
    expect(v.page.get_by_role("heading", name="The original record")).to_be_visible()
    expect(v.page.locator(".app-original")).to_contain_text("He would like to join a club.")
    expect(v.page.locator("ins", has_text="the astronomy society.")).to_be_visible()
    v.check("record-amended")

    episode = Episode.objects.get(reason__startswith="I want to meet people")
    v.goto(f"/people/{person_id('tom')}/episodes/{episode.pk}/close/")
    v.check("close")
    v.page.get_by_label("Universal or community services (community connection)").check()
    v.page.get_by_label("What the person wanted is in place").check()
    v.page.get_by_label("Anything to add (optional)").fill("Tom joined the astronomy society")
    v.page.get_by_role("button", name="Close episode").click()
    expect(v.page.get_by_text("a good outcome")).to_be_visible()
    v.check("episode-closed")

    v.goto(f"/people/{person_id('tom')}/timeline/")
    for text in (
        "Contact: the person got in touch themselves",
        "Conversation 1: initial contact – gather information",
        "Record amended",
        "Episode closed: universal or community services (community connection)",
    ):
        expect(v.page.get_by_text(text).first).to_be_visible()
    v.check("timeline")
    v.page.get_by_label("Amendments").check()
    v.page.get_by_role("button", name="Apply filter").click()
    expect(v.page.get_by_text("Record amended")).to_be_visible()
    expect(v.page.get_by_text("Episode closed")).to_have_count(0)


def test_autosave_and_a_note_kept_over_an_expired_session(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    tom = person_id("tom")
    episode = Episode.objects.get(person_id=tom, closed_at__isnull=True)
    v.goto(f"/people/{tom}/episodes/{episode.pk}/records/new/?step=ideas")
    v.page.get_by_label("What you talked about").fill("Ideas: library book, planetarium")
    expect(v.page.get_by_text("Draft saved automatically")).to_be_visible(timeout=10_000)
    assert "/edit/" in v.page.url
    draft = ConversationRecord.objects.get(narrative="Ideas: library book, planetarium")
    assert draft.is_draft

    v.page.get_by_label("What you talked about").fill(
        "Ideas: library book, planetarium, Space Centre in Leicester"
    )
    time_out_sessions()  # the session times out before Priya presses the button
    v.page.get_by_role("button", name="Finish record").click()
    expect(v.page.get_by_text("What you typed has been kept")).to_be_visible()
    v.page.get_by_label("Email address").fill("practitioner@example.org")
    v.page.get_by_label("Password").fill("goodlife-demo")
    v.page.get_by_role("button", name="Sign in").click()
    expect(v.page.get_by_text("It has been kept as a draft")).to_be_visible()
    expect(v.page.get_by_label("What you talked about")).to_have_value(
        "Ideas: library book, planetarium, Space Centre in Leicester"
    )
    v.check("record-kept-after-expiry")
    draft.refresh_from_db()
    assert "Space Centre" in draft.narrative and draft.is_draft


def test_holding_support_for_nancy_and_her_journey(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    nancy = person_id("nancy")
    v.goto(f"/people/{nancy}/")
    v.page.get_by_role("link", name="Record short-term holding support").click()
    v.check("holding-new")
    v.page.get_by_label("What holding support is in place?").fill("Meals while Nancy recovers")
    v.page.locator("#id_planned_end_on_0").fill("1")
    v.page.locator("#id_planned_end_on_1").fill("1")
    v.page.locator("#id_planned_end_on_2").fill("2099")
    v.page.get_by_role("button", name="Save holding support").click()
    expect(v.page.get_by_text("Short-term holding support until 1 January 2099")).to_be_visible()
    v.page.get_by_role("link", name="Review or end it").click()
    v.check("holding-review")
    v.page.get_by_label("It has ended").check()
    v.page.get_by_label("What was decided, and why").fill("Nancy is cooking again")
    v.page.get_by_role("button", name="Save review").click()
    expect(v.page.get_by_text("Holding support review saved.")).to_be_visible()

    episode = Episode.objects.get(person_id=nancy)
    v.goto(f"/people/{nancy}/episodes/{episode.pk}/")
    expect(v.page.get_by_role("heading", level=1)).to_contain_text("Conversation 3")
    expect(v.page.get_by_text("What does a good life look like?")).to_be_visible()
    v.check("episode-nancy")
    v.page.get_by_role("link", name="Change conversation").click()
    v.check("move")
    v.page.get_by_label("Conversation 2: if people are at risk").check()
    v.page.get_by_role("button", name="Change conversation").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Enter why the conversation is changing")
    v.check("move-errors")
