"""Priya starts a note she does not need after all and throws the draft away, after being
asked; from My work she reaches Tom's page and his episode, whose next steps lead on."""

import re

from playwright.sync_api import expect

from goodlife.audit.models import AuditEvent
from goodlife.people.demo import person_id
from goodlife.practice.models import ConversationRecord, Episode

NOTE = "Tom rang about the wrong appointment: nothing to record after all."


def test_discard_a_draft_through_the_confirmation_page(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    tom = person_id("tom")
    episode = Episode.objects.get(person_id=tom, closed_at__isnull=True)

    # My work: Tom's name leads to his page, the conversation to the episode.
    expect(v.page.get_by_role("heading", level=1)).to_have_text("My work")
    v.check("my-work-links")
    v.check_reflow("my-work-links")
    row = v.page.locator("tbody tr", has_text="Tom")
    expect(row.get_by_role("link", name="Tom", exact=True)).to_have_attribute(
        "href", f"/people/{tom}/"
    )
    row.get_by_role("link", name="Conversation").click()
    expect(v.page).to_have_url(f"{v.base_url}/people/{tom}/episodes/{episode.pk}/")

    # The episode offers the next steps, each with what it is for.
    steps = v.page.get_by_role("list", name="Next steps with Tom")
    for name in ("WELL12", "Strengths and aspirations", "Ideas and outcomes", "Support plan"):
        expect(steps.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(steps).to_contain_text("How the person feels about their life now")
    v.check("episode-next-steps")
    v.check_reflow("episode-next-steps")

    v.page.get_by_role("link", name="Record a conversation").click()
    v.page.get_by_label("What you talked about").fill(NOTE)
    v.page.get_by_role("button", name="Save draft").click()
    expect(v.page.get_by_text("Draft saved.")).to_be_visible()
    draft = ConversationRecord.objects.get(narrative=NOTE)

    # The draft waits in My work, by Tom's name, until it is finished or discarded.
    v.goto("/my-work/")
    drafts = v.page.locator("ul", has=v.page.locator(f'a[href*="{draft.pk}"]'))
    expect(drafts.get_by_role("link", name="Tom", exact=True)).to_be_visible()
    drafts.get_by_role("link", name=re.compile(r"^conversation 1\W+Tom's draft$")).click()
    v.check("draft-with-discard")
    v.page.get_by_role("link", name="Discard this draft").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to discard this draft?"
    )
    expect(v.page.locator(".govuk-summary-list")).to_contain_text("Conversation 1")
    expect(v.page.locator(".govuk-summary-list")).to_contain_text("Last saved")
    expect(v.page.locator(".govuk-summary-list")).to_contain_text("wrong appointment")
    v.check("discard-draft")
    v.check_reflow("discard-draft")
    assert ConversationRecord.objects.filter(pk=draft.pk).exists()  # asking deletes nothing

    # "Keep it" goes back to the draft, as it was.
    v.page.get_by_role("link", name="Keep it").click()
    expect(v.page.get_by_label("What you talked about")).to_have_value(NOTE)
    v.page.get_by_role("link", name="Discard this draft").click()
    v.page.get_by_role("button", name="Discard draft").click()

    expect(v.page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(v.page.get_by_text("Draft discarded: Tom, conversation 1")).to_be_visible()
    expect(v.page.locator(f'a[href*="{draft.pk}"]')).to_have_count(0)
    assert not ConversationRecord.objects.filter(pk=draft.pk).exists()
    assert AuditEvent.objects.filter(
        summary="Discarded a draft of conversation 1", object_id=str(draft.pk)
    ).exists()
