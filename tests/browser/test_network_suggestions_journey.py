"""Enter once: someone Tom names in a strength is offered on his network map, and the
worker adds them by checking a form that is already filled in."""

from playwright.sync_api import expect

from goodlife.people.demo import person_id
from goodlife.strengths.models import NetworkMember


def test_a_person_named_in_a_strength_is_added_from_the_network_map(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    tom = person_id("tom")

    # Jane is named all through Tom's record but is on his map already: nothing to offer.
    v.goto(f"/people/{tom}/network/")
    expect(v.page.get_by_role("heading", name="Network map", level=1)).to_be_visible()
    expect(v.page.get_by_role("heading", name="People mentioned in Tom's record")).to_have_count(0)

    v.goto(f"/people/{tom}/strengths/add/")
    v.page.get_by_label("The strength, in the person's own words").fill(
        "My friend Ravi and I go stargazing on the common when it is clear."
    )
    v.page.get_by_label("Relationships", exact=True).check()
    v.page.get_by_label("The person", exact=True).check()
    v.page.get_by_role("button", name="Add strength").click()
    expect(v.page.get_by_text("Strength added.")).to_be_visible()

    v.goto(f"/people/{tom}/network/")
    section = v.page.locator("section", has=v.page.get_by_role("heading", name="People mentioned"))
    expect(section.get_by_role("heading")).to_have_text("People mentioned in Tom's record")
    expect(section).to_contain_text("Ravi, friend")
    expect(section).to_contain_text("“My friend Ravi and I go stargazing on the common")
    expect(section.get_by_role("link", name="A strength")).to_be_visible()
    expect(section.get_by_role("link", name="Add Jane")).to_have_count(0)
    v.check("network-mentioned")
    v.check_reflow("network-mentioned")
    assert NetworkMember.objects.filter(person_id=tom, name="Ravi").count() == 0

    section.get_by_role("link", name="Add Ravi to the network map").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Add to the network map")
    expect(v.page.get_by_text("Filled in from Tom's record")).to_be_visible()
    expect(v.page.get_by_label("Name", exact=True)).to_have_value("Ravi")
    expect(v.page.get_by_label("How are they connected? (optional)")).to_have_value("friend")
    expect(v.page.get_by_label("Friend", exact=True)).to_be_checked()
    v.check("network-member-from-mention")
    v.check_reflow("network-member-from-mention")
    assert NetworkMember.objects.filter(person_id=tom, name="Ravi").count() == 0

    v.page.get_by_label("Close", exact=True).check()
    v.page.get_by_label("Every month").check()
    v.page.get_by_label("Not talked about yet").check()
    v.page.get_by_role("button", name="Add to the map").click()
    expect(v.page.get_by_text("Ravi added to the network map.")).to_be_visible()
    node = v.page.locator('.app-ecomap__member[data-name="Ravi"]')
    expect(node).to_have_attribute("data-ring", "2")
    table = v.page.locator('table.app-network-table[data-ring="2"]')
    expect(table.get_by_role("rowheader", name="Ravi")).to_be_visible()
    expect(table).to_contain_text("Friend: friend")
    expect(v.page.get_by_role("heading", name="People mentioned in Tom's record")).to_have_count(0)
    v.check("network-after-mention-added")

    # The demo's Mohammed: his son is named in how he likes to communicate.
    v.goto(f"/people/{person_id('mohammed')}/network/")
    expect(v.page.get_by_role("link", name="How I like to communicate")).to_be_visible()
    expect(v.page.get_by_role("link", name="Add Rafiq to the network map")).to_be_visible()
