"""Goodlife's language coach: strengths-based, respectful wording in every note.

Plain Python with no Django imports, so it runs anywhere: in the app, in the
``goodlife language-check`` command and in tests.

    >>> from goodlife.language import check
    >>> [f.phrase for f in check("Tom suffers from anxiety.")]
    ['suffers from']
"""

from goodlife.language.balance import Balance, balance
from goodlife.language.checker import Finding, Matcher, check, default_matcher, quoted_spans
from goodlife.language.lexicon import CONTEXTS, Lexicon, LexiconError, load

__all__ = [
    "CONTEXTS",
    "Balance",
    "Finding",
    "Lexicon",
    "LexiconError",
    "Matcher",
    "balance",
    "check",
    "default_matcher",
    "load",
    "quoted_spans",
]
