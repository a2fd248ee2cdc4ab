"""Hevy's CSV export: weight_kg or weight_lbs, set types, locale-free times."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from gymtui.core.models import SetKind
from gymtui.core.values import KG_PER_LB
from gymtui.importers.parsed import ImportedSession, ImportedSet, ImportFileError
from gymtui.importers.rows import (
    Rows,
    hevy_time,
    strength,
)


def read(
    rows: Rows,
    unit: str | None,
    sessions: dict[str, ImportedSession],
    skipped: Counter[str],
    tick: Callable[[], None],
) -> None:
    if rows.has("weight_kg"):
        weight_col, factor = "weight_kg", 1.0
    elif rows.has("weight_lbs"):
        weight_col, factor = "weight_lbs", KG_PER_LB
    else:
        raise ImportFileError(
            f"{rows.path}: this Hevy export has no weight_kg or weight_lbs column."
        )
    kinds: dict[str, SetKind] = {
        "normal": "working",
        "warmup": "warmup",
        "dropset": "drop",
        "failure": "failure",
    }
    order_in: Counter[str] = Counter()
    noted: set[tuple[str, str]] = set()
    for row in rows:
        tick()
        started = hevy_time(row, "start_time")
        assert started is not None
        title = row.get("title") or "Hevy workout"
        key = f"hevy:{started.isoformat()}:{title}"
        set_type = row.get("set_type").lower() or "normal"
        if set_type not in kinds:
            row.fail("set_type", f"{set_type!r} is not normal, warmup, dropset or failure")
        lifted = strength(row, weight_col, "reps", factor, skipped)
        if lifted is None:
            continue
        exercise = row.get("exercise_title", required=True)
        finished = hevy_time(row, "end_time", required=False)
        description = row.get("description") or None
        note = row.get("exercise_notes") or None
        if note and (key, exercise) in noted:
            note = None  # an exercise note repeats on every row: keep it once
        elif note:
            noted.add((key, exercise))
        order_in[key] += 1
        if key not in sessions:
            sessions[key] = ImportedSession(key, started, title, finished, note=description)
        sessions[key].sets.append(
            ImportedSet(
                exercise,
                kinds[set_type],
                lifted[0],
                lifted[1],
                started + timedelta(seconds=order_in[key]),
                rpe=row.rpe("rpe"),
                note=note,
            ),
        )
