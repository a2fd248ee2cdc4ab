"""FitNotes' CSV export: one date is one session."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from gymtui.importers.names import normalise_name
from gymtui.importers.parsed import ImportedSession, ImportedSet
from gymtui.importers.rows import (
    Rows,
    iso_date,
    strength,
    unit_factor,
)


def read(
    rows: Rows,
    unit: str | None,
    sessions: dict[str, ImportedSession],
    skipped: Counter[str],
    tick: Callable[[], None],
) -> None:
    weight_col = next((h for h in rows.header if normalise_name(h).startswith("weight")), "Weight")
    header_unit = re.search(r"\((\w+)\)", weight_col)
    order_in: Counter[str] = Counter()
    for row in rows:
        tick()
        day = iso_date(row, "Date", with_time=False)
        key = f"fitnotes:{day.date().isoformat()}"
        if header_unit:
            factor = unit_factor(row, weight_col, header_unit.group(1))
        else:
            factor = unit_factor(row, "Weight Unit", row.get("Weight Unit") or unit or "kgs")
        if row.get("Category").lower() == "cardio" and not row.get("Reps"):
            skipped["cardio rows"] += 1
            continue
        lifted = strength(row, weight_col, "Reps", factor, skipped)
        if lifted is None:
            continue
        order_in[key] += 1
        if key not in sessions:
            sessions[key] = ImportedSession(key, day, "FitNotes workout")
        sessions[key].sets.append(
            ImportedSet(
                row.get("Exercise", required=True),
                "working",
                lifted[0],
                lifted[1],
                day + timedelta(seconds=order_in[key]),
                note=row.get("Comment") or None,
            ),
        )
