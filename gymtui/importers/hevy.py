"""Hevy's CSV export: weight_kg or weight_lbs, set types, locale-free times."""

from __future__ import annotations

from gymtui.core.models import SetKind
from gymtui.core.values import KG_PER_LB
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
        self.noted: set[tuple[str, str]] = set()

    def read(self, row: Rows) -> None:
        started = hevy_time(row, "start_time")
        assert started is not None
        title = row.name("title") or "Hevy workout"
        key = f"hevy:{wall_clock(started)}:{title}"
        set_type = row.get("set_type").lower() or "normal"
        if set_type not in KINDS:
            row.fail("set_type", f"{set_type!r} is not normal, warmup, dropset or failure")
        lifted = strength(row, self.weight_col, "reps", self.factor)
        self.weighed(self.factor, lifted)
        exercise = row.name("exercise_title", required=True)
        finished = hevy_time(row, "end_time", required=False)
        if finished is not None and finished < started:
            row.fail("end_time", f"{row.get('end_time')!r} is before the workout's start")
        rpe = row.rpe("rpe")
        session = self.session(key, started, title, finished, row.get("description") or None)
        if isinstance(lifted, str):
            self.skip(lifted)
            return
        note = row.get("exercise_notes") or None
        if note and (key, exercise) in self.noted:
            note = None  # an exercise note repeats on every row: keep it once
        elif note:
            self.noted.add((key, exercise))
        session.sets.append(
            ImportedSet(
                exercise,
                KINDS[set_type],
                lifted[0],
                lifted[1],
                self.moment(session),
                rpe=rpe,
                note=note,
            )
        )
