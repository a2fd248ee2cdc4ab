"""Hevy's CSV export: weight_kg or weight_lbs, set types, locale-free times."""

from __future__ import annotations

from datetime import datetime

from gymtui.core.models import SetKind
from gymtui.core.supersets import MAX_LABEL
from gymtui.core.values import KG_PER_LB
from gymtui.importers.holds import held_seconds, hold_weight
from gymtui.importers.parsed import ImportedSet
from gymtui.importers.reader import Reader
from gymtui.importers.rows import Rows, hevy_time, strength, wall_clock

KINDS: dict[str, SetKind] = {
    "normal": "working",
    "warmup": "warmup",
    "dropset": "drop",
    "failure": "failure",
}


class HevyReader(Reader):
    app = "Hevy"
    needs = ("title", "start_time", "exercise_title", "set_type", "reps")

    def __init__(self, rows: Rows, unit: str | None) -> None:
        super().__init__(rows, unit)
        if rows.has("weight_kg"):
            self.weight_col, self.factor = "weight_kg", 1.0
        elif rows.has("weight_lbs"):
            self.weight_col, self.factor = "weight_lbs", KG_PER_LB
        else:
            raise self.no_weight_column("weight_kg or weight_lbs")
        self.distance_col = "distance_miles" if rows.has("distance_miles") else "distance_km"
        # a workout's cells (its start, title, end and description) repeat on all its rows
        self.workout_cells = rows.cells("start_time", "title", "end_time", "description")
        self.last_cells: tuple[str, ...] = ()
        self.workout: tuple[datetime, str, str, datetime | None, str | None] = (
            datetime.min,
            "",
            "",
            None,
            None,
        )
        # a set's cells, read in one call (Hevy's cells need no formula guard undone)
        self.set_cells = rows.cells(
            "set_type",
            self.weight_col,
            "reps",
            "exercise_title",
            "rpe",
            "exercise_notes",
            "superset_id",  # exercises of a workout sharing one were done in turn
        )
        self.noted: dict[str, set[str]] = {}  # session key: exercises whose note was kept

    def read(self, row: Rows) -> None:
        cells = self.workout_cells(row.row)
        set_type, weight, reps, exercise, rpe, note, superset = map(
            str.strip, self.set_cells(row.row)
        )
        if superset and (len(superset) > MAX_LABEL or not superset.isprintable()):
            row.fail("superset_id", f"{superset[:20]!r} is not a superset's id (like 0 or 1)")
        # when the workout's cells are the last good row's, what was read from them (and
        # passed every check) is taken again
        same = cells == self.last_cells
        if same:
            started, title, key, finished, description = self.workout
        else:
            start = hevy_time(row, "start_time")
            assert start is not None
            started = start
            title = row.name("title") or "Hevy workout"
            key = f"hevy:{wall_clock(started)}:{title}"
        set_type = set_type.lower() or "normal"
        if set_type not in KINDS:
            row.fail("set_type", f"{set_type!r} is not normal, warmup, dropset or failure")
        lifted = strength(row, self.weight_col, "reps", self.factor, (weight, reps))
        self.weighed(self.factor, lifted)
        exercise = row.name("exercise_title", True, exercise)
        if not same:
            finished = hevy_time(row, "end_time", required=False)
            if finished is not None and finished < started:
                row.fail("end_time", f"{row.get('end_time')!r} is before the workout's start")
            description = row.get("description") or None
        rpe_value = row.rpe("rpe", rpe)
        session = self.session(key, started, title, finished, description)
        if not same:
            self.last_cells, self.workout = cells, (started, title, key, finished, description)
        seconds = None
        if isinstance(lifted, str):  # no reps: a hold keeps its seconds, cardio is skipped
            seconds = held_seconds(row, exercise, "duration_seconds", self.distance_col)
            if seconds is None:
                self.skip(lifted)
                return
            lifted = (hold_weight(row, self.weight_col, self.factor), 1)
        if note:
            noted = self.noted.setdefault(key, set())
            if exercise in noted:
                note = ""  # an exercise note repeats on every row: keep it once
            else:
                noted.add(exercise)
        kg, reps_done = lifted
        moment = self.moment(session)
        session.sets.append(
            ImportedSet(
                exercise,
                KINDS[set_type],
                kg,
                reps_done,
                moment,
                rpe_value,
                note or None,
                superset=superset or None,
                seconds=seconds,
            )
        )

    def handed_over(self, key: str) -> None:
        self.noted.pop(key, None)
