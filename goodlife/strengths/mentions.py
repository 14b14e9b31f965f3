"""People named in free text, offered for the network map: the worker need not type again
who a person's strengths and notes already name ("Enter once").

``find(text)`` picks out given names beside a word that says how they are connected:
"my sister Jane", "Jane (sister)", "Jane, Tom's sister", "his neighbour Mr Patel",
"friend Ravi", "her sons Ali and Sami". ``suggest(passages, ...)`` gathers them from many
passages, leaves out the person themselves and anyone already on their map, and keeps a
short quote of where each was mentioned.

A capitalised word counts as a name only beside a relationship word, and never when it is
a day, a month used as a date ("in May", "June 2024"), a pronoun or another word that
starts sentences ("Yesterday, his sister rang"), a title on its own, or a place you can
tell from its context ("in Leeds", "Eastbrook Library", "St Anne's"). Pronouns are not
resolved: in "Jane visits with her husband Mark", Mark is offered as "husband". So these
are only ever suggestions: the worker checks each with the person, and nothing is added
until they save the add form.

Plain Python: no Django.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Words that say how someone is connected (singular, lower case). -------------------

FAMILY = _words("""
    sister brother sibling twin daughter son child mother mum mam mom mummy mommy father
    dad daddy parent wife husband partner spouse fiance fiancé fiancee fiancée boyfriend
    girlfriend cousin aunt auntie aunty uncle nephew niece grandson granddaughter grandchild
    grandmother grandfather grandparent grandma grandpa granny gran grandad granddad nan
    nana nanna stepson stepdaughter stepmother stepfather stepbrother stepsister stepmum
    stepdad godson goddaughter godmother godfather godparent godchild
    """)
FRIENDS = frozenset({"friend", "mate", "pal", "buddy"})
NEIGHBOURS = frozenset({"neighbour", "neighbor"})
WORK = frozenset({"colleague", "boss"})
OTHERS = frozenset(
    {"carer", "flatmate", "housemate", "lodger", "landlady", "landlord", "befriender", "mentor"}
)
RELATIONS = FAMILY | FRIENDS | NEIGHBOURS | WORK | OTHERS
IRREGULAR_PLURALS = {"children": "child", "grandchildren": "grandchild", "godchildren": "godchild"}
# "ex-wife", "step-son", "half-sister", "great-grandson"
PREFIXES = ("ex-", "step-", "half-", "great-")
IN_LAW = "-in-law"

# Words that may stand between a possessive and the relationship: "my best friend".
MODIFIERS = _words("""
    best close old older oldest young younger youngest elder eldest little big baby twin
    late dear good new former next-door childhood school lifelong family
    """)
POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your", "a", "an", "the"})

# Titles that come before a surname: "Mr Patel" (a name), "Mr" alone (not one).
HONORIFICS = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Rev", "Revd", "Reverend"}
)
HONORIFICS_CF = frozenset(h.casefold() for h in HONORIFICS)
# Capitalised in the middle of a sentence these are titles, not family: "Father Dominic".
RELIGIOUS_TITLES = frozenset({"father", "mother", "sister", "brother"})

DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = _words("january february march july september october november december")
# Months that are also given names: a date only when the text says so ("in May", "June 2024").
NAME_MONTHS = frozenset({"april", "may", "june", "august"})
DATE_WORDS = _words("in on since until till by last next early mid late from of during this every")
# After these a capitalised word is a place: "lives in Leeds, his sister's town".
PLACE_PREPOSITIONS = _words(
    "in at near around outside inside into towards toward via across opposite behind"
)
# A name with one of these in it is a place or an organisation: "Eastbrook Library". Words
# that are also common surnames (Hall, Lane, Church, Ward, Park ...) are left out.
PLACE_WORDS = _words("""
    road street avenue crescent terrace square gardens library chapel mosque temple
    synagogue gurdwara hospital surgery clinic centre center school college university
    academy club group society council estate station team service services trust cafe
    café pub market
    """)
PLACE_STARTS = frozenset({"st", "saint"})

# Capitalised words that are not names: they start sentences or name other things.
NOT_NAMES = (
    DAYS
    | MONTHS
    | _words("""
        i me my mine myself he him his himself she her hers herself it its itself we us our
        ours they them their theirs you your yours one someone somebody everyone nobody
        the a an this that these those some any every each all both no none another other
        and or but so if when while because as though although yet nor then than
        at in on to from with without for of by after before since until about over under
        near into onto upon through between among against during like unlike via per
        now later today yesterday tomorrow tonight also however still sometimes often usually
        recently luckily sadly unfortunately fortunately thankfully hopefully apparently
        actually eventually finally meanwhile otherwise anyway again once twice here there
        yes no not never always only just even perhaps maybe please thanks thank well
        afterwards overall instead initially originally previously currently normally
        generally mostly mainly especially particularly similarly additionally also last
        next first second third soon already ever almost quite really very much many more
        most less least few several both either neither whether what which who whom whose
        where why how hello hi dear together alone apart besides indeed separately
        personally honestly obviously clearly naturally surprisingly understandably
        importantly interestingly ideally nowadays lately occasionally rarely frequently
        regularly daily weekly monthly elsewhere sometime somehow
        christmas easter eid diwali ramadan hanukkah passover xmas halloween
        god allah lord
        is was are were be been has had have do does did would can could shall should
        may might must
        """)
)

SENTENCE_ENDS = frozenset(".!?")
SENTENCE_OPENERS = frozenset(':;“"‘«•*')
# What may follow the relationship in "Jane, his sister, ..." for it to read as an aside.
APPOSITION_FOLLOWERS = frozenset(
    {",", ".", ";", ")", "!", "?", "\n", "—", "–", "-"}
    | {"who", "whom", "from", "at", "in", "of", "and", "since", "for"}
)

KINDS = {"family": FAMILY, "friend": FRIENDS, "neighbour": NEIGHBOURS, "work": WORK}

# Where a relationship word may be: only the text around these is read word by word.
_RELATION_HINT = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(sorted((re.escape(w) for w in RELATIONS), key=len, reverse=True))
    + r")(?:s|ren)?(?:-in-law)?(?![^\W\d_])"
)
# Every pattern looks at most a few words either side of the relationship word.
WINDOW = 120
_TOKEN = re.compile(
    r"(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)|(?P<number>\d+)|(?P<newline>\n)|(?P<mark>[^\w\s])"
)


@dataclass(frozen=True)
class Mention:
    """A name found in one text: where it is (``start``, ``end``), how the text says they
    are connected ("sister", "best friend", "Jane's husband", or "" when it does not) and
    the network map's kind for it ("family", "friend", "neighbour", "work" or "")."""

    name: str
    relationship: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Place:
    """Where a name was mentioned: what part of the record, a short quote, a link to it."""

    where: str
    quote: str
    url: str = ""


@dataclass
class Suggestion:
    name: str
    relationship: str
    kind: str
    places: list[Place] = field(default_factory=list)


@dataclass(frozen=True)
class _Token:
    kind: str  # word, number, newline or mark
    text: str  # a word without its possessive "'s"
    start: int
    end: int
    possessive: bool = False
    sentence_start: bool = False

    @property
    def folded(self) -> str:
        return self.text.casefold()

    def is_word(self, *words) -> bool:
        return self.kind == "word" and (not words or self.folded in words)


def _starts_sentence(text: str, at: int) -> bool:
    """Whether a word at ``at`` starts a sentence, judged from the text before it."""
    before = text[max(at - 40, 0) : at].rstrip(" \t")
    return not before or before[-1] in SENTENCE_ENDS | SENTENCE_OPENERS | {"\n"}


def _tokens(text: str, begin: int = 0, end: int | None = None) -> list[_Token]:
    """The words and marks of ``text[begin:end]``, offsets in the whole text."""
    end = len(text) if end is None else end
    tokens, starts = [], _starts_sentence(text, begin)
    for m in _TOKEN.finditer(text, begin, end):
        kind = m.lastgroup
        word = m.group()
        if kind == "word":
            possessive = len(word) > 2 and word[-2] in "'’" and word[-1] == "s"
            if possessive:
                word = word[:-2]
            tokens.append(_Token(kind, word, m.start(), m.start() + len(word), possessive, starts))
            starts = False
            continue
        previous = tokens[-1] if tokens else None
        tokens.append(_Token(kind, word, m.start(), m.end()))
        if kind == "newline" or (kind == "mark" and word in SENTENCE_OPENERS):
            starts = True
        elif kind == "mark" and word in SENTENCE_ENDS:
            # "Mr. Patel" and "J. Smith" go on; anything else ends the sentence.
            abbreviated = (
                word == "."
                and previous is not None
                and previous.kind == "word"
                and (previous.text in HONORIFICS | {"St"} or len(previous.text) == 1)
            )
            starts = not abbreviated
        elif kind == "number":
            starts = False
    return tokens


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around its relationship words, joined where they overlap,
    each starting and ending between words."""
    windows: list[tuple[int, int]] = []
    # Lower case rather than a case-blind pattern, which is ten times slower; the rare text
    # that lower case makes longer ("İ") is searched case-blind.
    lower = text.lower()
    hints = (
        _RELATION_HINT.finditer(lower)
        if len(lower) == len(text)
        else re.compile(_RELATION_HINT.pattern, re.IGNORECASE).finditer(text)
    )
    for m in hints:
        begin, end = max(m.start() - WINDOW, 0), min(m.end() + WINDOW, len(text))
        if begin > 0:
            space = text.find(" ", begin, m.start())
            begin = space + 1 if space >= 0 else m.start()
        if end < len(text):
            space = text.rfind(" ", m.end(), end)
            end = space if space >= 0 else m.end()
        if windows and begin <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((begin, end))
    return windows


@functools.lru_cache(maxsize=4096)
def relation(word: str) -> tuple[str, bool] | None:
    """The relationship a word names, singular, and whether it was plural:
    "sisters-in-law" -> ("sister-in-law", True); None for any other word."""
    w = word.casefold().replace("’", "'")
    suffix = ""
    if w.endswith(IN_LAW):
        w, suffix = w[: -len(IN_LAW)], IN_LAW
    prefix = ""
    stripped = True
    while stripped:
        stripped = False
        for p in PREFIXES:
            if w.startswith(p) and len(w) > len(p):
                prefix, w, stripped = prefix + p, w[len(p) :], True
    plural = False
    if w in IRREGULAR_PLURALS:
        w, plural = IRREGULAR_PLURALS[w], True
    elif w not in RELATIONS and w.endswith("s") and w[:-1] in RELATIONS:
        w, plural = w[:-1], True
    if w not in RELATIONS:
        return None
    if suffix and w not in FAMILY:
        return None
    return prefix + w + suffix, plural


def _core(relationship: str) -> str:
    word = relationship.split()[-1].removesuffix(IN_LAW)
    for p in PREFIXES:
        word = word.removeprefix(p)
    return word


def kind_of(relationship: str) -> str:
    """The network map's kind for a relationship this module found, or "" if it cannot tell
    ("Jane's husband" is someone's family, not necessarily the person's)."""
    if "'s " in relationship:  # "sister's husband" is family; "Jane's husband" who knows
        owner, _, said = relationship.partition("'s ")
        return "family" if owner in FAMILY and _core(said) in FAMILY else ""
    if not relationship:
        return ""
    core = _core(relationship)
    return next((kind for kind, words in KINDS.items() if core in words), "")


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.islower() for c in text)


def _month_as_date(tokens: list[_Token], k: int) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    prev = tokens[k - 1] if k > 0 else None
    return (nxt is not None and nxt.kind == "number") or (
        prev is not None and prev.is_word(*DATE_WORDS)
    )


def _name_word(tokens: list[_Token], k: int) -> bool:
    """Could this word be part of someone's name?"""
    t = tokens[k]
    if t.kind != "word" or not _capitalised(t.text):
        return False
    folded = t.folded
    if folded in NAME_MONTHS:
        return not _month_as_date(tokens, k)
    return (
        folded not in NOT_NAMES
        and t.text not in HONORIFICS
        and relation(t.text) is None
        and folded not in PLACE_WORDS
    )


def _words_are_a_place(words: list[_Token]) -> bool:
    return words[0].folded in PLACE_STARTS or any(w.folded in PLACE_WORDS for w in words)


def _name_after(tokens: list[_Token], j: int) -> tuple[str, int, int, int] | None:
    """The name that starts at token ``j``: (name, start, end, index after it), or None."""
    n = len(tokens)
    if j >= n or tokens[j].kind != "word":
        return None
    title, k = None, j
    if tokens[k].text in HONORIFICS and not tokens[k].possessive:
        title, k = tokens[k], k + 1
        if k < n and tokens[k].text == ".":
            k += 1
    words = []
    while k < n and len(words) < 3:
        t = tokens[k]
        if t.kind == "word" and _capitalised(t.text) and t.folded in PLACE_WORDS:
            return None  # "his friend Eastbrook Library" is a place
        if not _name_word(tokens, k):
            break
        words.append(t)
        k += 1
        if t.possessive:
            break
    if not words or _words_are_a_place(words):
        return None
    first = title or words[0]
    text = " ".join(w.text for w in words)
    if title is not None:
        text = f"{title.text} {text}"
    return text, first.start, words[-1].end, k


def _name_before(tokens: list[_Token], j: int) -> tuple[str, int, int] | None:
    """The name that ends at token ``j`` (before "(" or ","): (name, start, end), or None."""
    if j < 0 or tokens[j].kind != "word" or tokens[j].possessive:
        return None
    indexes, k = [], j
    while k >= 0 and len(indexes) < 3:
        t = tokens[k]
        if t.kind != "word" or not _capitalised(t.text) or (t.possessive and k != j):
            break
        indexes.insert(0, k)
        k -= 1
        if t.sentence_start:
            break
    # Keep the name words at the end: "Yesterday Jane (sister)" is Jane.
    kept = []
    for index in reversed(indexes):
        if not _name_word(tokens, index):
            break
        kept.insert(0, index)
    if not kept:
        return None
    first = kept[0]
    # A title just before: "Mr Patel", "Mr. Patel"
    if first >= 1 and tokens[first - 1].text in HONORIFICS:
        first -= 1
    elif first >= 2 and tokens[first - 1].text == "." and tokens[first - 2].text in HONORIFICS:
        first -= 2
    if first >= 1 and tokens[first - 1].is_word(*PLACE_PREPOSITIONS):
        return None  # "lives in Leeds, her sister's town"
    words = [tokens[i] for i in kept]
    if _words_are_a_place(words):
        return None
    text = " ".join(t.text for t in words)
    if first < kept[0]:
        text = f"{tokens[first].text} {text}"
    return text, tokens[first].start, words[-1].end


def _modifiers_before(tokens: list[_Token], k: int) -> tuple[list[str], int]:
    """Modifiers ending at token ``k`` ("best", "next door"), and the index before them."""
    mods = []
    while k >= 0 and tokens[k].kind == "word" and not tokens[k].possessive:
        folded = tokens[k].folded
        if folded == "door" and k >= 1 and tokens[k - 1].is_word("next"):
            mods.insert(0, "next-door")
            k -= 2
        elif folded in MODIFIERS:
            mods.insert(0, folded)
            k -= 1
        else:
            break
    return mods, k


def _keys(name: str) -> tuple[str | None, str | None, str | None, str]:
    """(honorific, given name, surname, whole name), folded, for telling names apart."""
    words = [w.strip(".,()") for w in name.casefold().replace("’", "'").split()]
    words = [w for w in words if w]
    honorific = None
    while words and (words[0] in HONORIFICS_CF or relation(words[0]) or words[0] in MODIFIERS):
        word = words.pop(0)
        if word in HONORIFICS_CF:
            honorific = word
    whole = " ".join(words)
    if not words:
        return honorific, None, None, whole
    if honorific is not None and len(words) == 1:
        return honorific, None, words[0], whole  # "Mr Patel": a surname, no given name
    return honorific, words[0], words[-1] if len(words) > 1 else None, whole


def same_person(a: str, b: str) -> bool:
    """Whether two names may be the same person, ignoring case: "Jane" and "Jane Baxter",
    "Aunt Margaret" and "Margaret", "Mr Okoye" and "Dave Okoye" (not "Mrs Okoye"). Not
    "Jane Smith" and "Jane Baxter"."""
    ha, ga, sa, wa = _keys(a)
    hb, gb, sb, wb = _keys(b)
    if not wa or not wb:
        return False
    if wa == wb and (ha == hb or not ha or not hb):
        return True
    if ga and gb:
        return ga == gb and (sa is None or sb is None or sa == sb)
    # One is a title and a surname.
    return sa is not None and sa == sb and (ha == hb or not ha or not hb)


def _relationship(possessor: _Token | None, mods: list[str], word: str, own: list[str]) -> str:
    said = " ".join([*mods, word])
    if possessor is None or not possessor.possessive:
        return said
    owner = relation(possessor.text)
    if owner is not None:
        return f"{owner[0]}'s {said}"  # "my sister's husband Mark"
    if _capitalised(possessor.text) and not any(same_person(possessor.text, o) for o in own):
        return f"{possessor.text}'s {said}"  # "Jane's husband Mark"
    return said  # "Tom's sister Jane", "the school's caretaker"


def find(text: str, *, own_names: Iterable[str] = ()) -> list[Mention]:
    """The people ``text`` names beside a relationship, in the order written.

    ``own_names`` are the person's own names, so that "Tom's sister" reads as "sister"
    (not "Tom's sister") in Tom's record.
    """
    own = [n for n in own_names if n]
    found: dict[tuple[int, int], Mention] = {}
    for begin, end in _windows(text or ""):
        _find_in(_tokens(text, begin, end), own, found)
    return sorted(found.values(), key=lambda m: m.start)


def _find_in(tokens: list[_Token], own: list[str], found: dict) -> None:
    n = len(tokens)

    def add(name, start, end, relationship):
        found.setdefault(
            (start, end), Mention(name, relationship, kind_of(relationship), start, end)
        )

    for i, tok in enumerate(tokens):
        if tok.kind != "word" or tok.possessive:
            continue
        rel = relation(tok.text)
        if rel is None:
            continue
        word, plural = rel
        mods, k = _modifiers_before(tokens, i - 1)
        possessor = None
        if (
            k >= 0
            and tokens[k].kind == "word"
            and (tokens[k].possessive or tokens[k].folded in POSSESSIVES)
        ):
            possessor, k = tokens[k], k - 1

        # "my sister Jane", "friend Ravi", "her son, Michael", "a friend called Ravi"
        j = i + 1
        comma = j < n and tokens[j].text == ","
        if comma:
            j += 1
        if j < n and tokens[j].is_word("called", "named"):
            j += 1
        bracketed = not comma and j < n and tokens[j].text == "("  # "her son (Michael)"
        if bracketed:
            j += 1
        as_title = (
            _capitalised(tok.text)
            and not tok.sentence_start
            and tok.folded in RELIGIOUS_TITLES
            and possessor is None
            and not comma
        )
        name = _name_after(tokens, j)
        if bracketed and (name is None or name[3] >= n or tokens[name[3]].text != ")"):
            name = None
        while name is not None:
            text_name, start, end, after = name
            if as_title:  # "Father Dominic": a title, and no relationship the text gives
                add(f"{tok.text} {text_name}", tok.start, end, "")
                break
            add(text_name, start, end, _relationship(possessor, mods, word, own))
            if not plural:
                break
            # "her sons Ali and Sami", "my sisters Jane, Ann and Liz"
            j = after
            if j < n and tokens[j].text in {",", "&"}:
                j += 1
            if j < n and tokens[j].is_word("and"):
                j += 1
            name = _name_after(tokens, j) if j > after else None

        # "Jane (sister)", "Pat (next-door neighbour, has a key)", "Jane, Tom's sister"
        if k < 0:
            continue
        opener = tokens[k]
        following = tokens[i + 1] if i + 1 < n else None
        if opener.text == "(":
            if following is None or following.text not in {")", ",", ";"}:
                continue
        elif opener.text == ",":
            if possessor is None:
                continue
            if following is not None and following.folded not in APPOSITION_FOLLOWERS:
                continue
        else:
            continue
        before = _name_before(tokens, k - 1)
        if before is not None:
            add(*before, _relationship(possessor, mods, word, own))


def quote(text: str, start: int, end: int, width: int = 140) -> str:
    """The sentence around ``text[start:end]``, cut to about ``width`` characters."""
    left = max(text.rfind(s, 0, start) for s in (". ", "! ", "? ", "\n"))
    left = 0 if left < 0 else left + 1
    rights = [i for i in (text.find(s, end) for s in (". ", "! ", "? ", "\n")) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    sentence = text[left:right]
    start, end = start - left, end - left
    head, tail = "", ""
    if len(sentence) > width:
        room = max(width - (end - start), 0)
        cut_left = max(start - room // 2, 0)
        cut_right = min(cut_left + width, len(sentence))
        cut_left = max(min(cut_left, cut_right - width), 0)
        if cut_left > 0:
            cut_left = sentence.find(" ", cut_left, start) + 1 or cut_left
            head = "…"
        if cut_right < len(sentence):
            space = sentence.rfind(" ", end, cut_right)
            cut_right = space if space > 0 else cut_right
            tail = "…"
        sentence = sentence[cut_left:cut_right]
    return head + " ".join(sentence.split()) + tail


def _compatible(a: str, b: str) -> bool:
    return a == b or not a or not b or a.endswith(" " + b) or b.endswith(" " + a)


def suggest(
    passages: Iterable[tuple[str, str, str]],
    *,
    own_names: Iterable[str] = (),
    known_names: Iterable[str] = (),
    most: int = 20,
    places_each: int = 3,
) -> list[Suggestion]:
    """People named in ``passages`` ((text, where, url) each, in the order to show them)
    who are neither the person (``own_names``) nor already on the map (``known_names``):
    at most ``most``, each with up to ``places_each`` places it was mentioned. One person
    named twice ("Jane", then "Jane Baxter", both "sister") is one suggestion, under the
    fuller name."""
    own = [n for n in own_names if n and n.strip()]
    known = [n for n in known_names if n and n.strip()] + own
    # Someone on the map by what they are to the person: "Mum" is "my mum Sheila".
    known_as = {r[0] for k in known if len(k.split()) == 1 and (r := relation(k.strip()))}
    suggestions: list[Suggestion] = []
    for text, where, url in passages:
        for m in find(text, own_names=own):
            if any(same_person(m.name, k) for k in known):
                continue
            if m.relationship and _core(m.relationship) in {_core(r) for r in known_as}:
                continue
            place = Place(where, quote(text, m.start, m.end), url)
            match = next(
                (
                    s
                    for s in suggestions
                    if same_person(s.name, m.name) and _compatible(s.relationship, m.relationship)
                ),
                None,
            )
            if match is None:
                if len(suggestions) < most:
                    suggestions.append(Suggestion(m.name, m.relationship, m.kind, [place]))
                continue
            if len(m.name.split()) > len(match.name.split()):
                match.name = m.name
            if not match.relationship:
                match.relationship, match.kind = m.relationship, m.kind
            if place not in match.places and len(match.places) < places_each:
                match.places.append(place)
    return suggestions
