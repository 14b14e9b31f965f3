"""Language coach throughput: checks a generated corpus of case notes on one core.

    uv run python bench/language.py [--megabytes 10]

The corpus is generated from a fixed seed: sentences about strengths, sentences with
flagged phrases, quoted speech, line breaks and non-English letters, like real notes.
Reports MB/s (millions of characters a second; the corpus is almost all ASCII, so close
to bytes) at 1, 5 and the full size, to show that checking time grows in line with the
text, and merges the figures into bench/results/latest.json.
"""

import argparse
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import store
from goodlife.language import check, default_matcher

SENTENCES = [
    "Tom told me he wants to be an astronaut and knows every Apollo crew by name.",
    "Nancy goes to St Mary's on Sundays; the vicar and her friend Joan visit on Wednesdays.",
    "He suffers from asthma and is sometimes described as non-compliant with his inhalers.",
    "Staff at the day centre said she refused lunch and showed challenging behaviour.",
    "Derek enjoys the walking group and has offered to lead the Thursday walk.",
    "She said “I refused because the carers come at six and I like to sleep in.”",
    "The service user was seen at home with his sister, who helps with shopping.",
    "Chloé and Zoë from the café bring his paper; he is proud of his garden.",
    "A failed placement last year; the risk of another fall is discussed with him.",
    "Mohammed would like to cook for his grandchildren again and is learning with Amal.",
    "Concerns about financial abuse were raised by a neighbour and passed to the team.",
    "He is wheelchair-\nbound, according to the referral, but uses a power chair outdoors.",
    "Jane said 'he is not a bed-blocker, he is waiting for his flat' firmly.",
    "We agreed that he will ring the astronomy society on Tuesday, with Jane's help.",
]


def corpus(size: int, seed: int = 12) -> str:
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus, not a secret
    parts, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choices(SENTENCES, k=rng.randint(2, 6))) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)[:size]


def throughput(text: str, repeats: int = 3) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeats):
        started = time.perf_counter()
        found = len(check(text))
        best = min(best, time.perf_counter() - started)
    return len(text) / 1e6 / best, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=10)
    args = parser.parse_args()
    default_matcher()  # compile the lexicon before timing
    text = corpus(args.megabytes * 1_000_000)
    rows = []
    for size in sorted({1_000_000, 5_000_000, len(text)}):
        mbps, found = throughput(text[:size])
        rows.append(
            {"megabytes": round(size / 1e6, 1), "mb_per_s": round(mbps, 2), "findings": found}
        )
    print("Language checker, one core")
    print(f"{'corpus MB':>10} {'MB/s':>8} {'findings':>10}")
    for row in rows:
        print(f"{row['megabytes']:>10} {row['mb_per_s']:>8} {row['findings']:>10}")
    aim = 5.0
    full = rows[-1]["mb_per_s"]
    print(f"Aim: at least {aim} MB/s on the full corpus: {'met' if full >= aim else 'NOT met'}")
    store.save(
        "language_checker",
        figures={
            "python": platform.python_version(),
            "machine": platform.machine(),
            "aim_mb_per_s": aim,
            "sizes": rows,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
