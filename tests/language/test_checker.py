"""The language coach's checker: phrases, spans, inflections, context and quotations."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodlife.language import balance, check, load
from goodlife.language.checker import Matcher
from goodlife.language.lexicon import DEFAULT_FILE, LexiconError


def found(text, context="general"):
    return [(f.text, f.phrase) for f in check(text, context)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He suffers from epilepsy.", "suffers from"),
        ("Ann is wheelchair-bound.", "wheelchair-bound"),
        ("She has been non-compliant with medication.", "non-compliant"),
        ("Derek refused his lunch.", "refused"),
        ("Staff reported challenging behaviour.", "challenging behaviour"),
        ("Described as attention-seeking.", "attention-seeking"),
        ("After a failed placement he moved.", "failed placement"),
        ("She lacks insight into her needs.", "lacks insight"),
        ("The service user was seen at home.", "the service user"),
        ("He was described as a schizophrenic.", "a schizophrenic"),
        ("Labelled a bed-blocker by the ward.", "bed-blocker"),
        ("A frequent flyer at A&E.", "frequent flyer"),
        ("Risk of falls.", "risk"),
        ("History of abuse.", "abuse"),
    ],
)
def test_the_issue_and_seed_phrases_are_found(text, phrase):
    assert phrase in [p for _, p in found(text)]


def test_each_seed_language_word_is_in_the_lexicon():
    seed = (
        "illness, distress, disability, challenging, poor, functioning, relapse, deficits, "
        "weaknesses, failings, psychotic, manic, depressed, anxious, personality disorder, "
        "abuse, discrimination, harassment, severity, crisis, violent, harm, compliance, "
        "seclusion, detained, stigma, deprivation, risk"
    )
    for word in seed.split(", "):
        assert check(f"Notes mention {word} here."), word


def test_spans_are_exact_and_case_is_ignored():
    text = "Tom SUFFERS FROM hay fever; Refused tea."
    findings = check(text)
    assert [(f.start, f.end) for f in findings] == [(4, 16), (28, 35)]
    assert [text[f.start : f.end] for f in findings] == ["SUFFERS FROM", "Refused"]


def test_inflections_are_found():
    for text in ("She refuses", "refusing help", "he suffered from", "is suffering from"):
        assert check(text), text
    assert [f.phrase for f in check("frequent flyers and service users")] == [
        "frequent flyer",
        "the service user",
    ]


def test_whole_words_only():
    assert check("The refusal was polite; a fridge; warmth; Harmony; briskly; poorly") == []


def test_phrases_run_across_line_breaks_and_hyphens():
    text = "He is wheelchair\n   bound and suffers\r\nfrom asthma; bed blocker."
    assert [(f.phrase, text[f.start : f.end]) for f in check(text)] == [
        ("wheelchair-bound", "wheelchair\n   bound"),
        ("suffers from", "suffers\r\nfrom"),
        ("bed-blocker", "bed blocker"),
    ]


def test_spans_are_in_characters_of_unicode_text():
    text = "Zoë 👩🏽‍🦽 café — Chloé suffers from migraines. Ñandú refused."
    findings = check(text)
    assert [text[f.start : f.end] for f in findings] == ["suffers from", "refused"]
    assert findings[0].start == text.index("suffers")


def test_the_longest_phrase_wins():
    assert found("challenging behaviour") == [("challenging behaviour", "challenging behaviour")]
    assert found("He lacks insight.") == [("lacks insight", "lacks insight")]


def test_context_spares_what_the_record_needs():
    text = "Concern about financial abuse and the risk of harm at home."
    assert {p for _, p in found(text)} >= {"abuse", "risk", "harm"}
    assert "abuse" not in {p for _, p in found(text, "safeguarding")}
    assert "risk" not in {p for _, p in found("The risk is shared with Jane.", "risk")}
    # A label is still a label, whatever the context.
    assert found("The service user refused.", "safeguarding") == [
        ("The service user", "the service user"),
        ("refused", "refused"),
    ]


def test_legal_terms_are_spared_everywhere():
    assert found("An adult at risk; a Deprivation of Liberty Safeguards authorisation.") == []
    assert found("Risk enablement plan agreed; refuse collection on Tuesdays.") == []


def test_quoted_speech_is_spared():
    text = (
        "Tom said “I refused because the bus was late” and later refused a lift. "
        "He told me \"I'm not wheelchair-bound, I'm free\" and laughed. "
        "Jane said ‘he won’t be a bed-blocker’ firmly."
    )
    assert found(text) == [("refused", "refused")]
    assert check(text)[0].start == text.index("refused a lift")


def test_an_unclosed_quote_ends_at_the_paragraph():
    text = "He said “I refused it.\n\nLater he refused the visit."
    assert [f.start for f in check(text)] == [text.index("refused the visit")]


def test_apostrophes_do_not_open_quotes():
    text = "Tom's sister's view: the service user's choice."
    assert [f.phrase for f in check(text)] == ["the service user"]


def test_unknown_context_is_refused():
    with pytest.raises(ValueError, match="Unknown context"):
        check("text", "criminal")


@given(
    before=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    after=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
def test_a_phrase_is_found_where_it_is_whatever_surrounds_it(before, after):
    text = f"{before} suffers from {after}"
    findings = [f for f in check(text) if f.phrase == "suffers from"]
    start = len(before) + 1
    assert any(f.start == start and f.end == start + 12 for f in findings) or (
        # Inside quotation marks typed in the random text, it is rightly spared.
        any(q in before for q in "“\"‘'«")
    )
    for f in check(text):
        assert text[f.start : f.end] == f.text


def test_balance_counts_strengths_against_problems():
    strong = balance("Tom knows a great deal about space, enjoys the club and his sister helps.")
    assert strong.strengths >= 3 and strong.problems == 0
    mixed = balance("Tom has problems with stairs and refused help, but he loves the library.")
    assert mixed.problems == 2 and mixed.strengths == 1
    assert "not a score" in mixed.explained() and "33%" in mixed.explained()
    assert balance("").strengths_share is None


def test_a_council_can_extend_and_switch_off_entries(tmp_path):
    extra = tmp_path / "council.toml"
    extra.write_text(
        """
[[entry]]
phrase = "placement"
reason = "Say where the person lives."
suggestions = ["home", "where they live"]
kind = "jargon"

[[entry]]
phrase = "client"
off = true

[spared]
phrases = ["risk panel"]
""",
        encoding="utf-8",
    )
    matcher = Matcher(load(extra))
    text = "The client's placements; the risk panel met."
    assert [f.phrase for f in check(text, matcher=matcher)] == ["placement"]


def test_a_broken_lexicon_is_explained(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nphrase = "x"\nsuggestions = ["y"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.toml, entry 1 .*reason"):
        load(bad)
    bad.write_text(
        '[[entry]]\nphrase = "x"\nreason = "r"\nsuggestions = ["y"]\nneeded_in = ["court"]\n'
    )
    with pytest.raises(LexiconError, match="needed_in"):
        load(bad)
    with pytest.raises(LexiconError, match="no such lexicon file"):
        load(tmp_path / "missing.toml")


def test_the_shipped_lexicon_has_reasons_and_suggestions_for_every_entry():
    lexicon = load()
    assert len(lexicon.entries) >= 60
    for entry in lexicon.entries.values():
        assert entry.reason.endswith((".", "?")) and entry.suggestions, entry.phrase
    assert DEFAULT_FILE.name == "lexicon.toml"


def test_the_checker_imports_no_django():
    import subprocess
    import sys

    code = (
        "import sys, goodlife.language, goodlife.language.cli; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_phrase_inside_a_longer_one_is_still_its_own_finding():
    text = "He refused to engage with services; she won't engage."
    assert found(text) == [("refused", "refused"), ("won't engage", "difficult to engage")]
