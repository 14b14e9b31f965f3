"""Finding problem-focused and labelling words in a note, with the exact span.

One regular expression is built from every wording in the lexicon, shaped as a trie so
that at each place in the text the engine follows a single branch: checking is linear
in the length of the text. Matching is case-insensitive, on whole words, across spaces,
hyphens and line breaks; spans are offsets in characters (code points) of the text as
given. Plain Python: no Django.
"""

import bisect
import functools
import re
from dataclasses import dataclass

from goodlife.language import lexicon as lexicon_module
from goodlife.language.lexicon import CONTEXTS, Entry, Lexicon, key_of

# Between two words of a phrase: spaces, line breaks or hyphens (wheelchair-bound,
# wheelchair bound, "wheelchair-\nbound").
SEPARATOR = r"[\s\-\u2010\u2011\u2012\u2013\u2014]+"
APOSTROPHE = "['\u2019]"
WORD_BREAK = "\x00"


@dataclass(frozen=True)
class Finding:
    start: int  # offset of the first character, in characters
    end: int  # offset just after the last character
    text: str  # the words as written
    phrase: str  # the lexicon entry
    reason: str
    suggestions: tuple[str, ...]
    kind: str

    def as_dict(self) -> dict:
        """The JSON shape, in a fixed order."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "phrase": self.phrase,
            "reason": self.reason,
            "suggestions": list(self.suggestions),
        }


def _trie(keys) -> dict:
    root: dict = {}
    for key in keys:
        node = root
        for ch in key.replace(" ", WORD_BREAK):
            node = node.setdefault(ch, {})
        node[""] = True
    return root


def _pattern(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        if ch == WORD_BREAK:
            piece = SEPARATOR
        elif ch == "'":
            piece = APOSTROPHE
        else:
            piece = re.escape(ch)
        branches.append(piece + _pattern(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Where a shorter wording ends here, the longer one is tried first (greedy).
    return f"(?:{body})?" if "" in node else body


def compile_keys(keys) -> re.Pattern:
    """Whole-word, case-insensitive matching of any of the normalised keys."""
    return re.compile(r"(?<!\w)" + _pattern(_trie(keys)) + r"(?!\w)", re.IGNORECASE)


class Matcher:
    """A lexicon compiled for checking: each wording maps back to its entry."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.by_wording: dict[str, Entry | None] = {}
        for entry in lexicon.entries.values():
            for wording in entry.wordings():
                self.by_wording.setdefault(wording, entry)
        for spared in lexicon.spared:
            self.by_wording[spared] = None  # found, so that it hides what it contains
        self.pattern = compile_keys(self.by_wording)

    def entry_for(self, matched: str) -> Entry | None:
        return self.by_wording.get(key_of(matched))


# Quoted speech: what the person said, in their words, is never flagged. Quotes do not run
# past a blank line, and a closing single quote must not be an apostrophe (don’t).
QUOTES = re.compile(
    r"“[^”]*?(?:”|(?=\n\s*\n)|$)"
    r"|\"[^\"]*?(?:\"|(?=\n\s*\n)|$)"
    r"|(?<!\w)‘(?:[^’]|’(?=\w)){0,2000}?’(?!\w)"
    r"|(?<!\w)'(?:[^'\n]|'(?=\w)){0,500}?'(?!\w)"
    r"|«[^»]*»"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where quoted speech starts and ends. An unclosed quote runs to the paragraph's end."""
    return [m.span() for m in QUOTES.finditer(text)]


@functools.lru_cache(maxsize=8)
def _matcher_for(paths: tuple[str, ...]) -> Matcher:
    return Matcher(lexicon_module.load(*paths))


def default_matcher() -> Matcher:
    """Goodlife's lexicon and any a council added (LANGUAGE_LEXICONS), compiled once."""
    return _matcher_for(tuple(lexicon_module.extra_files()))


def check(text: str, context: str = "general", matcher: Matcher | None = None) -> list[Finding]:
    """The findings in a text, in order. Words the context needs and quoted speech are
    spared."""
    if context not in CONTEXTS:
        raise ValueError(f"Unknown context “{context}”: use one of {', '.join(CONTEXTS)}")
    matcher = matcher or default_matcher()
    findings = []
    quotes = starts = None
    for match in matcher.pattern.finditer(text):
        entry = matcher.entry_for(match.group())
        if entry is None or context in entry.needed_in:
            continue
        if quotes is None:
            quotes = quoted_spans(text)
            starts = [qs for qs, _ in quotes]
        start, end = match.span()
        inside = bisect.bisect_right(starts, start) - 1
        if inside >= 0 and end <= quotes[inside][1]:
            continue
        findings.append(
            Finding(
                start=start,
                end=end,
                text=match.group(),
                phrase=entry.phrase,
                reason=entry.reason,
                suggestions=entry.suggestions,
                kind=entry.kind,
            )
        )
    return findings
