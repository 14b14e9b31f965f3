import itertools
import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from goodlife.strengths import ecomap

names = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs"), max_codepoint=0x17F),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


def check(members):
    placed, shape = ecomap.layout(members)
    assert len(placed) == len(members)
    for a, b in itertools.combinations(placed, 2):
        assert not ecomap._overlaps(a.box, b.box), (a, b)
    for p in placed:
        inner, outer, _ = shape.rings[p.ring]
        assert inner <= math.hypot(p.x - shape.centre, p.y - shape.centre) <= outer
        # The whole label lies in its ring's band, not only its centre.
        left, top, right, bottom = (v - shape.centre for v in p.box)
        corners = [math.hypot(x, y) for x in (left, right) for y in (top, bottom)]
        nearest = math.hypot(max(left, 0, -right), max(top, 0, -bottom))
        assert max(corners) <= outer and nearest >= inner, p
    return placed, shape


def test_thirty_members_in_one_ring_never_overlap():
    for ring in (1, 2, 3):
        check([(str(i), f"Member of the network {i}", ring) for i in range(30)])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(names, st.integers(min_value=1, max_value=3)), min_size=1, max_size=30))
def test_any_network_up_to_thirty_is_drawn_without_overlaps(entries):
    check([(str(i), name, ring) for i, (name, ring) in enumerate(entries)])


def test_long_names_are_shortened_but_kept_in_the_title():
    svg = ecomap.svg(
        "Tom",
        [
            {
                "key": "1",
                "name": "Eastbrook and District Astronomical Society",
                "ring": 2,
                "kind": "group",
                "kind_label": "Group or club",
                "frequency": "weekly",
            }
        ],
        title="Tom's network map",
    )
    assert ">Eastbrook and District…<" in svg
    assert "<title>Eastbrook and District Astronomical Society, group or club, close</title>" in svg


def test_each_member_is_drawn_in_its_ring_with_text_escaped():
    members = [
        {
            "key": str(i),
            "name": name,
            "ring": ring,
            "kind": "friend",
            "kind_label": "Friend",
            "frequency": "weekly",
        }
        for i, (name, ring) in enumerate([("Jane", 1), ("<Bob>", 2), ("Library", 3)])
    ]
    svg = ecomap.svg("Tom", members, title="Tom's network map")
    assert re.search(r'<g class="app-ecomap__member[^"]*" data-ring="1" data-name="Jane">', svg)
    assert 'data-name="&lt;Bob&gt;"' in svg and "<Bob>" not in svg
    assert "Closest: 1; Close: 1; Further out: 1" in svg
