"""Strong's CSV exports: comma, semicolon with Weight Unit, quoted with the unit in the header."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from gymtui.core.models import SetKind
from gymtui.core.values import KG_PER_LB
from gymtui.importers.names import normalise_name
from gymtui.importers.parsed import ImportedSession, ImportedSet, ImportFileError
from gymtui.importers.rows import (
    Rows,
    duration,
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
    weight_col = next(
        (h for h in rows.header if normalise_name(h).startswith("weight (")), "Weight"
    )
    header_unit = re.search(r"\((\w+)\)", weight_col)
    if rows.has("weight unit"):
        fixed = None
    elif header_unit:
        fixed = unit_factor(rows, weight_col, header_unit.group(1))
    elif unit in ("kg", "lb"):
        fixed = 1.0 if unit == "kg" else KG_PER_LB
    else:
        raise ImportFileError(
            f"{rows.path}: this Strong export does not say whether weights are kg or lb; "
            "run the import again with --unit kg or --unit lb."
        )
    duration_col = (
        "Duration (sec)"
        if rows.has("duration (sec)")
        else ("Workout Duration" if rows.has("workout duration") else "Duration")
    )
    order_in: Counter[str] = Counter()
    for row in rows:
        tick()
        started = iso_date(row, "Date", with_time=True)
        name = row.get("Workout Name") or "Strong workout"
        number = row.get("Workout #")
        key = f"strong:{started.isoformat()}:{number or name}"
        seconds = duration(row, duration_col)
        order = row.get("Set Order", required=True)
        exercise = row.get("Exercise Name", required=True)

        if key not in sessions:
            finished = started + timedelta(seconds=seconds) if seconds else None
            sessions[key] = ImportedSession(
                key, started, name, finished, note=row.get("Workout Notes") or None
            )
        if order.lower() == "rest timer":
            skipped["rest timer rows (not sets)"] += 1
            continue
        if order.lower() == "note":
            text = row.get("Notes")
            if text:
                session = sessions[key]
                line = f"{exercise}: {text}"
                session.note = f"{session.note}\n{line}" if session.note else line
            skipped["note rows (kept as session notes)"] += 1
            continue
        kinds: dict[str, SetKind] = {"w": "warmup", "d": "drop", "f": "failure"}
        if order.isdigit():
            kind: SetKind = "working"
        elif order.lower() in kinds:
            kind = kinds[order.lower()]
        else:
            row.fail("Set Order", f"{order!r} is not a set number, W, D, F, Note or Rest Timer")
        factor = (
            fixed
            if fixed is not None
            else unit_factor(row, "Weight Unit", row.get("Weight Unit") or "kg")
        )
        lifted = strength(row, weight_col, "Reps", factor, skipped)
        if lifted is None:
            continue
        order_in[key] += 1
        sessions[key].sets.append(
            ImportedSet(
                exercise,
                kind,
                lifted[0],
                lifted[1],
                started + timedelta(seconds=order_in[key]),
                rpe=row.rpe("RPE"),
                note=row.get("Notes") or None,
            ),
        )
