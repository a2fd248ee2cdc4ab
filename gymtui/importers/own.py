"""gymtui's own CSV export, read back with nothing lost."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from gymtui.core.models import SET_KINDS, Side
from gymtui.importers.parsed import MAX_IMPORT_KG, ImportedSession, ImportedSet
from gymtui.importers.rows import (
    Rows,
)


def read(
    rows: Rows,
    unit: str | None,
    sessions: dict[str, ImportedSession],
    skipped: Counter[str],
    tick: Callable[[], None],
) -> None:
    def moment(column: str, required: bool = True) -> datetime | None:
        text = row.get(column, required=required)
        if not text:
            return None
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            row.fail(column, f"{text!r} is not an ISO-8601 time")

    for row in rows:
        tick()
        started = moment("session_started_at")
        assert started is not None
        logged = moment("logged_at")
        assert logged is not None
        kind_text = row.get("kind", required=True)
        kind = next((k for k in SET_KINDS if k == kind_text), None)
        if kind is None:
            row.fail("kind", f"{kind_text!r} is not one of {', '.join(SET_KINDS)}")
        side_text = row.get("side")
        side: Side | None = "L" if side_text == "L" else "R" if side_text == "R" else None
        if side_text and side is None:
            row.fail("side", f"{side_text!r} is not L or R")
        weight = row.number("weight_kg", MAX_IMPORT_KG)
        if weight is None:
            row.fail("weight_kg", "is missing")
        reps = row.reps("reps")
        if not reps:
            row.fail("reps", "is missing")
        rest = row.number("rest_taken_s", 10**7)
        day_key = row.get("session_day_key") or None
        key = row.get("session_key", required=True)
        if key not in sessions:
            sessions[key] = ImportedSession(
                key,
                started,
                row.get("session_day_name") or "Session",
                moment("session_finished_at", required=False),
                day_key,
                row.get("session_note") or None,
            )
        sessions[key].sets.append(
            ImportedSet(
                row.get("exercise_name", required=True),
                kind,
                weight,
                reps,
                logged,
                rpe=row.rpe("rpe"),
                note=row.get("note") or None,
                side=side,
                rest_taken_s=int(rest) if rest is not None else None,
                exercise_id=row.get("exercise_id") or None,
            ),
        )
