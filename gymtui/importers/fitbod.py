"""Fitbod's CSV export: one row per set, newest workout first, in two layouts.

- Since about 2019: `Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,
  Resistance,isWarmup,Note,multiplier`, times in UTC ("2025-12-17 03:24:30 +0000").
- Before: `Date,Exercise,Sets,Reps,Weight,isWarmup,Note`, a date without a time, weights in
  kg, and a negative weight for the help an assisted exercise gives.

Fitbod stamps a workout's sets with one time (cardio gets times of its own), so a
workout is the sets whose times lie within a few minutes of each other. Weights are per
dumbbell, as Strong and Hevy give them; `multiplier` (2 for a pair) is not applied.
"""

from __future__ import annotations

from datetime import timedelta

from gymtui.core.values import KG_PER_LB
from gymtui.importers.holds import held_seconds
from gymtui.importers.parsed import MAX_IMPORT_KG, ImportedSession, ImportedSet
from gymtui.importers.reader import Reader
from gymtui.importers.rows import Rows, utc_time

SAME_WORKOUT = timedelta(minutes=10)  # times closer than this are one workout's
MAX_SETS_IN_ROW = 20  # the old layout's Sets column repeats a set


def is_fitbod(rows: Rows) -> bool:
    return rows.has("Date", "Exercise", "Reps", "isWarmup")


class FitbodReader(Reader):
    app = "Fitbod"
    needs = ("Date", "Exercise", "Reps", "isWarmup")
    streams = False  # workouts are joined across the file (finish)

    def __init__(self, rows: Rows, unit: str | None) -> None:
        super().__init__(rows, unit)
        if rows.has("Weight(kg)"):
            self.weight_col, self.factor = "Weight(kg)", 1.0
        elif rows.has("Weight(lbs)") or rows.has("Weight(lb)"):
            self.weight_col = "Weight(lbs)" if rows.has("Weight(lbs)") else "Weight(lb)"
            self.factor = KG_PER_LB
        elif rows.has("Weight"):
            self.weight_col, self.factor = "Weight", KG_PER_LB if unit == "lb" else 1.0
        else:
            raise self.no_weight_column("Weight(kg) or Weight")

    def read(self, row: Rows) -> None:
        when = utc_time(row, "Date")
        exercise = row.name("Exercise", required=True)
        top = MAX_IMPORT_KG / self.factor
        weight = row.number(self.weight_col, top, low=-top) or 0.0
        reps = row.reps("Reps")
        warm = row.get("isWarmup").lower()
        if warm not in ("", "true", "false", "1", "0", "yes", "no"):
            row.fail("isWarmup", f"{row.get('isWarmup')!r} is not true or false")
        repeat = int(row.number("Sets", MAX_SETS_IN_ROW) or 1) if row.has("Sets") else 1
        seconds = row.number("Duration(s)", 10**7)
        key = f"fitbod:{row.get('Date')}"  # as written (UTC, or a bare date): zone-free
        session = self.session(key, when, "Fitbod workout")
        held = None
        if not reps:  # no reps: a hold keeps its seconds, cardio is skipped
            held = held_seconds(row, exercise, "Duration(s)", "Distance(m)")
            if held is None:
                self.skip("no reps (cardio or timed sets)" if seconds or reps is None else "0 reps")
                return
            reps = 1
        if weight < 0:
            self.skip("assisted sets (a negative weight is help, not load)")
            return
        self.weighed(self.factor, (weight, reps))
        for _ in range(max(repeat, 1)):
            session.sets.append(
                ImportedSet(
                    exercise,
                    "warmup" if warm in ("true", "1", "yes") else "working",
                    weight * self.factor,
                    reps,
                    self.moment(session),
                    note=row.get("Note") or None,
                    seconds=held,
                )
            )

    def finish(self) -> None:
        """Join workouts whose times lie within a few minutes (Fitbod stamps some sets of
        one workout a minute or two apart)."""
        joined: dict[str, ImportedSession] = {}
        last: ImportedSession | None = None
        previous = None
        for session in sorted(self.sessions.values(), key=lambda s: s.started_at):
            near = previous is not None and session.started_at - previous < SAME_WORKOUT
            previous = session.started_at
            if last is not None and near:
                for item in session.sets:
                    moved = last.started_at + timedelta(seconds=len(last.sets) + 1)
                    last.sets.append(item._replace(logged_at=moved))
                continue
            joined[session.key] = last = session
        self.sessions = joined
