"""bench/results/latest.json: each benchmark merges its figures in under its own key,
stamped with when they were measured, and leaves everyone else's alone."""

import datetime
import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def save(*keys: str, figures: dict) -> None:
    """Store ``figures`` at ``keys`` (e.g. "pages", "council-postgresql")."""
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    place = stored
    for key in keys[:-1]:
        place = place.setdefault(key, {})
    place[keys[-1]] = {
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        **figures,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")
