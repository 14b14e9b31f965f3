"""`goodlife language-check FILE... | -`: the language coach on the command line.

Prints each finding with its line and column, or with --json one JSON array of findings
per input (one line each), every finding with start, end, text, phrase, reason and
suggestions. The exit status is 0 whether or not anything is found, and 2 when an input
cannot be read or an option is wrong. Plain Python: no Django.
"""

import argparse
import json
import sys

from goodlife.language.balance import balance
from goodlife.language.checker import Matcher, check, default_matcher
from goodlife.language.lexicon import CONTEXTS, LexiconError, extra_files, load

BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(BAD_INPUT, f"goodlife language-check: {message}\n")


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="goodlife language-check",
        description="Find words that define people by problems, and suggest kinder, "
        "clearer ones. Reads UTF-8 text files, or standard input for -.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a text file, or - for stdin")
    p.add_argument("--json", action="store_true", help="one JSON array of findings per input")
    p.add_argument(
        "--context",
        choices=CONTEXTS,
        default="general",
        help="the kind of record: words a safeguarding record or a risk-enablement plan "
        "needs are not flagged there (default: general)",
    )
    p.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="TOML",
        help="a council's own lexicon file, added to Goodlife's (may be repeated)",
    )
    return p


def _read(name: str, stdin) -> str:
    data = stdin.buffer.read() if name == "-" else open(name, "rb").read()  # noqa: SIM115
    # Decoded as is, without newline translation, so offsets match the bytes' characters.
    return data.decode("utf-8")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def main(argv=None, stdin=None, stdout=None, stderr=None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        paths = [*extra_files(), *args.lexicon]
        matcher = Matcher(load(*paths)) if args.lexicon else default_matcher()
    except LexiconError as exc:
        print(f"goodlife language-check: {exc}", file=stderr)
        return BAD_INPUT
    texts, problems = [], []
    for name in args.files:
        try:
            texts.append((name, _read(name, stdin)))
        except OSError as exc:
            problems.append(f"{name}: cannot be read ({exc.strerror or exc})")
        except UnicodeDecodeError as exc:
            problems.append(f"{name}: is not UTF-8 text (byte {exc.start} cannot be read)")
    if problems:
        for problem in problems:
            print(f"goodlife language-check: {problem}", file=stderr)
        return BAD_INPUT
    for name, text in texts:
        findings = check(text, context=args.context, matcher=matcher)
        if args.json:
            print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False), file=stdout)
            continue
        shown = "<stdin>" if name == "-" else name
        for f in findings:
            line, column = line_and_column(text, f.start)
            suggestions = "; ".join(f.suggestions)
            print(
                f"{shown}:{line}:{column}: “{f.text}”: {f.reason} Try: {suggestions}.", file=stdout
            )
        count = len(findings)
        print(
            f"{shown}: {count} finding{'s' if count != 1 else ''}. "
            f"{balance(text, matcher=matcher).explained()}",
            file=stdout,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
