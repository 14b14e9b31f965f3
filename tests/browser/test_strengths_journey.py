"""Tom's strengths, an aspiration and five people and places on his network map."""

from playwright.sync_api import expect

from goodlife.people.demo import person_id

MEMBERS = [
    ("Aunt Margaret", "Family", "Closest", "Every week"),
    ("Sam at number 12", "Neighbour", "Close", "Every week"),
    ("Job centre", "Service", "Close", "Every week"),
    ("Astronomy society", "Group or club", "Further out", "Every month"),
    ("Practice nurse", "Professional", "Further out", "Now and then"),
]
RINGS = {"Closest": "1", "Close": "2", "Further out": "3"}


def test_tom_strengths_aspiration_and_network(demo, visit):
    v = visit()
    v.sign_in("practitioner@example.org")
    v.goto(f"/people/{person_id('tom')}/")
    v.page.get_by_role("link", name="Open the strengths profile").click()
    v.check("strengths-profile")

    v.page.get_by_role("link", name="Add a strength").click()
    v.check("strength-add")
    v.page.get_by_label("The strength, in the person's own words").fill(
        "I never give up on a puzzle"
    )
    v.page.get_by_role("button", name="Add strength").click()
    expect(v.page.get_by_role("alert")).to_contain_text("Select what kind of strength it is")
    expect(v.page.get_by_label("The strength, in the person's own words")).to_have_value(
        "I never give up on a puzzle"
    )
    v.check("strength-add-errors")
    v.page.get_by_label("Personal: motivation").check()
    v.page.get_by_label("The person", exact=True).check()
    v.page.get_by_role("button", name="Add strength").click()
    expect(v.page.get_by_text("Strength added.")).to_be_visible()
    expect(v.page.get_by_text("“I never give up on a puzzle”")).to_be_visible()

    v.page.get_by_role("link", name="Add an aspiration").click()
    v.page.get_by_label("What do they hope for, in their own words?").fill(
        "I want to see a rocket launch"
    )
    v.page.get_by_label("Short term: the next few months").check()
    v.page.get_by_label("Interests behind it (optional)").fill("rockets, space")
    v.page.get_by_role("button", name="Add aspiration").click()
    expect(v.page.get_by_text("“I want to see a rocket launch”")).to_be_visible()

    v.page.get_by_role("link", name="See the whole network, as a list and over time").click()
    for name, kind, ring, frequency in MEMBERS:
        v.page.get_by_role("link", name="Add to the network map").click()
        v.page.get_by_label("Name", exact=True).fill(name)
        v.page.get_by_label(kind, exact=True).check()
        v.page.get_by_label(ring, exact=True).check()
        v.page.get_by_label(frequency).check()
        v.page.get_by_label("Not talked about yet").check()
        v.page.get_by_role("button", name="Add to the map").click()
        expect(v.page.get_by_text(f"{name} added to the network map.")).to_be_visible()

    for name, _kind, ring, _frequency in MEMBERS:
        node = v.page.locator(f'.app-ecomap__member[data-name="{name}"]')
        expect(node).to_have_attribute("data-ring", RINGS[ring])
        table = v.page.locator(f'table.app-network-table[data-ring="{RINGS[ring]}"]')
        expect(table.get_by_role("rowheader", name=name)).to_be_visible()
    expect(v.page.get_by_role("img", name="Tom's network map")).to_be_visible()
    v.check("network-map")

    v.page.get_by_role("link", name="Sam at number 12").click()
    v.check("network-member-edit")
    v.page.get_by_label("Closest", exact=True).check()
    v.page.get_by_role("button", name="Save changes").click()
    expect(
        v.page.get_by_text("Sam at number 12 moved closer: from close to closest")
    ).to_be_visible()

    v.goto(f"/people/{person_id('tom')}/about-me/")
    expect(v.page.get_by_role("heading", level=1)).to_have_text("About me: Tom")
    expect(v.page.get_by_text("I want to see a rocket launch")).to_be_visible()
    v.check("about-me")
    v.page.emulate_media(media="print")
    expect(v.page.locator(".govuk-service-navigation")).to_be_hidden()
    expect(v.page.get_by_role("heading", name="What I hope for")).to_be_visible()
