"""The lexicon: phrases to flag, phrases never to flag, and the balance measure's words.

Read from TOML files: Goodlife's own (lexicon.toml beside this module) and any a council
adds. A council's file can add entries, replace one (same phrase), switch one off
(``off = true``) and extend the spared and balance lists. Plain Python: no Django.
"""

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_FILE = Path(__file__).with_name("lexicon.toml")
# Extra lexicon files a council adds, separated as PATH is (":" on Linux).
EXTRA_FILES_VARIABLE = "LANGUAGE_LEXICONS"

CONTEXTS = ("general", "safeguarding", "risk")
KINDS = ("label", "deficit", "jargon")

# Words that are never inflected inside a phrase ("suffers from" does not become "suffers
# froms"); inflecting them would only add harmless noise, but it slows matching.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "from",
        "to",
        "with",
        "in",
        "on",
        "for",
        "and",
        "or",
        "no",
        "not",
        "has",
        "have",
        "had",
        "is",
        "are",
        "be",
        "been",
        "did",
        "will",
        "won't",
        "little",
        "limited",
        "without",
    ]
)

WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")


class LexiconError(ValueError):
    """A lexicon file that cannot be used, with the file and entry named."""


@dataclass(frozen=True)
class Entry:
    phrase: str
    reason: str
    suggestions: tuple[str, ...]
    kind: str = "deficit"
    needed_in: frozenset[str] = frozenset()
    forms: tuple[str, ...] = ()
    inflect: bool = True

    def wordings(self) -> set[str]:
        """Every wording of the entry this lexicon finds, as normalised keys."""
        found = set()
        for wording in (self.phrase, *self.forms):
            words = words_of(wording)
            if self.inflect:
                for variant in _combinations([word_forms(w) for w in words]):
                    found.add(" ".join(variant))
            else:
                found.add(" ".join(words))
        return found


@dataclass
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)  # by normalised phrase
    spared: set[str] = field(default_factory=set)
    strengths: set[str] = field(default_factory=set)
    problems: set[str] = field(default_factory=set)


def words_of(text: str) -> list[str]:
    """The words of a phrase, lower-cased, with curly apostrophes made straight."""
    return [w for w in WORD_SPLIT.split(text.strip().lower().replace("’", "'")) if w]


def key_of(text: str) -> str:
    return " ".join(words_of(text))


def _plural(w: str) -> str:
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    return w + "s"


def _past(w: str) -> str:
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ied"
    return w + "ed"


def _ing(w: str) -> str:
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        return w[:-1] + "ing"
    return w + "ing"


def word_forms(word: str) -> set[str]:
    """A word with its regular inflections: the stems it may come from, and each stem's
    -s, -ed and -ing forms. Over-generation ("refuss") is harmless: it never occurs."""
    if word in FUNCTION_WORDS or not word.replace("'", "").isalpha():
        return {word}
    stems = {word}
    for suffix, replacement in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.add(word[: -len(suffix)] + replacement)
    forms = set()
    for stem in stems:
        forms |= {stem, _plural(stem), _past(stem), _ing(stem)}
        if len(stem) >= 3 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou":
            forms |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}  # stopped, stopping
    return forms


def _combinations(options: list[set[str]]):
    if not options:
        yield ()
        return
    for first in sorted(options[0]):
        for rest in _combinations(options[1:]):
            yield (first, *rest)


def _strings(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: expected a list of words or phrases")
    return tuple(value)


def _entry(raw: dict, where: str) -> Entry:
    unknown = set(raw) - {
        "phrase",
        "reason",
        "suggestions",
        "kind",
        "needed_in",
        "forms",
        "inflect",
        "off",
    }
    if unknown:
        raise LexiconError(f"{where}: unknown setting {', '.join(sorted(unknown))}")
    phrase = raw.get("phrase")
    if not isinstance(phrase, str) or not words_of(phrase):
        raise LexiconError(f"{where}: every entry needs a phrase")
    where = f"{where} (“{phrase}”)"
    if raw.get("off"):
        return Entry(phrase=phrase, reason="", suggestions=())
    reason = raw.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise LexiconError(f"{where}: say why it matters, in reason")
    suggestions = _strings(raw.get("suggestions", []), f"{where}: suggestions")
    if not suggestions:
        raise LexiconError(f"{where}: give at least one suggestion")
    kind = raw.get("kind", "deficit")
    if kind not in KINDS:
        raise LexiconError(f"{where}: kind must be one of {', '.join(KINDS)}")
    needed_in = frozenset(_strings(raw.get("needed_in", []), f"{where}: needed_in"))
    if needed_in - set(CONTEXTS):
        raise LexiconError(f"{where}: needed_in may name only {', '.join(CONTEXTS[1:])}")
    inflect = raw.get("inflect", True)
    if not isinstance(inflect, bool):
        raise LexiconError(f"{where}: inflect must be true or false")
    return Entry(
        phrase=phrase,
        reason=reason.strip(),
        suggestions=suggestions,
        kind=kind,
        needed_in=needed_in,
        forms=_strings(raw.get("forms", []), f"{where}: forms"),
        inflect=inflect,
    )


def merge(lexicon: Lexicon, data: dict, source: str) -> None:
    """Add one file's contents to a lexicon: later files win."""
    unknown = set(data) - {"entry", "spared", "balance"}
    if unknown:
        raise LexiconError(f"{source}: unknown section {', '.join(sorted(unknown))}")
    for n, raw in enumerate(data.get("entry", []), start=1):
        if not isinstance(raw, dict):
            raise LexiconError(f"{source}: entry {n} is not a table")
        entry = _entry(raw, f"{source}, entry {n}")
        if raw.get("off"):
            lexicon.entries.pop(key_of(entry.phrase), None)
        else:
            lexicon.entries[key_of(entry.phrase)] = entry
    spared = data.get("spared", {})
    lexicon.spared |= {key_of(p) for p in _strings(spared.get("phrases", []), f"{source}: spared")}
    balance = data.get("balance", {})
    for name in ("strengths", "problems"):
        words = _strings(balance.get(name, []), f"{source}: balance {name}")
        getattr(lexicon, name).update(key_of(w) for w in words)


def load(*paths: Path | str, include_default: bool = True) -> Lexicon:
    lexicon = Lexicon()
    files = [DEFAULT_FILE, *paths] if include_default else list(paths)
    for path in files:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LexiconError(f"{path}: no such lexicon file") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise LexiconError(f"{path}: not a readable TOML file ({exc})") from None
        merge(lexicon, data, path.name)
    return lexicon


def extra_files() -> list[str]:
    value = os.environ.get(EXTRA_FILES_VARIABLE, "")
    return [p for p in value.split(os.pathsep) if p.strip()]
