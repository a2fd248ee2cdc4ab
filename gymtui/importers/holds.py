"""Holds in other apps' exports: a row with seconds and no reps (Hevy's `duration_seconds`,
Strong's `Seconds`) is a hold when its exercise is one (a plank, a wall sit, a dead hang),
and is imported with its seconds; other timed rows (a run, the treadmill) stay skipped."""

from __future__ import annotations

import re
from functools import lru_cache

from gymtui.importers.names import aliases, same_name
from gymtui.importers.parsed import MAX_HOLD_S, MAX_IMPORT_KG
from gymtui.importers.rows import Rows

# Words that make a name a hold; a name the alias table gives a timed exercise is one too.
HOLD_WORDS = re.compile(
    r"\b(planks?|wall ?sits?|holds?|(dead ?)?hangs?|deadhang|isometric|iso|l ?sits?|hollow)\b"
)


@lru_cache(maxsize=1)
def _timed_ids() -> frozenset[str]:
    from gymtui.core.program import builtin_catalogue

    return frozenset(ex.id for ex in builtin_catalogue().values() if ex.timed)


@lru_cache(maxsize=256)
def is_hold(name: str) -> bool:
    """Whether an exercise named so is a hold (its timed sets are held, not run)."""
    key = same_name(name)
    return aliases().get(key) in _timed_ids() or bool(HOLD_WORDS.search(key))


def held_seconds(row: Rows, exercise: str, seconds_col: str, distance_col: str) -> int | None:
    """The seconds a row with no reps held, or None when it is no hold: no seconds, some
    distance (a run), or an exercise that is no hold."""
    if not is_hold(exercise) or not row.has(seconds_col):
        return None
    # Fitbod writes `30.0`; a "hold" past an hour is a workout's time, not a hold's
    seconds = round(row.number(seconds_col, 10**7) or 0)
    distance = row.number(distance_col, 10**7) if row.has(distance_col) else None
    return seconds if 1 <= seconds <= MAX_HOLD_S and not distance else None


def hold_weight(row: Rows, weight_col: str, factor: float) -> float:
    """A hold's load in kg (a plate on the lap), 0 when none."""
    return (row.number(weight_col, MAX_IMPORT_KG / factor) or 0.0) * factor
