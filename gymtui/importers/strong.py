"""Strong's CSV exports, 2015 to now: comma or semicolon, a Weight Unit column or the unit
in the header ("Weight (kg)", or a column named just "kg"), and localised headers through
the translation table in data/strong_headers.toml."""

from __future__ import annotations

import re
import tomllib

from gymtui.core.models import SetKind
from gymtui.core.values import KG_PER_LB
from gymtui.data import read_data
from gymtui.importers.holds import held_seconds, hold_weight
from gymtui.importers.names import normalise_name
from gymtui.importers.parsed import ImportedSet, ImportFileError
from gymtui.importers.reader import Reader
from gymtui.importers.rows import (
    Rows,
    duration,
    ended,
    iso_date,
    strength,
    unit_factor,
    wall_clock,
)

KINDS: dict[str, SetKind] = {"w": "warmup", "d": "drop", "f": "failure"}


def languages() -> dict[str, dict[str, dict[str, str]]]:
    """Strong's header in other languages: {language: {"columns": ..., "durations": ...}}."""
    return tomllib.loads(read_data("strong_headers.toml"))


def language(rows: Rows) -> dict[str, dict[str, str]] | None:
    """The translation whose exercise and set-order columns this header has, if any."""
    for table in languages().values():
        english = {v: k for k, v in table["columns"].items()}
        if rows.has(english["Exercise Name"], english["Set Order"]):
            return table
    return None


def is_strong(rows: Rows) -> bool:
    return rows.has("exercise name", "set order") or language(rows) is not None


class StrongReader(Reader):
    app = "Strong"
    needs = ("Date", "Exercise Name", "Set Order", "Reps")

    def __init__(self, rows: Rows, unit: str | None) -> None:
        table = None if rows.has("exercise name") else language(rows)
        if table is not None:
            rows.translate(table["columns"])
        self.words = table.get("durations", {}) if table else {}
        super().__init__(rows, unit)
        self.weight_col, self.fixed = self._weight(unit)
        self.duration_col = next(
            (c for c in ("Duration (sec)", "Workout Duration", "Duration") if rows.has(c)),
            "Duration",
        )

    def _weight(self, unit: str | None) -> tuple[str, float | None]:
        """The weight column and its unit's factor (None: the Weight Unit column says)."""
        rows = self.rows
        for header in rows.header:
            named = re.fullmatch(r"weight\s*\((\w+)\)|(kg|kgs|lb|lbs)", normalise_name(header))
            if named:
                return header, unit_factor(rows, header, named.group(1) or named.group(2))
        if not rows.has("weight"):
            raise self.no_weight_column("Weight, Weight (kg), Weight (lbs), kg or lbs")
        if rows.has("weight unit"):
            return "Weight", None
        if unit in ("kg", "lb"):
            return "Weight", 1.0 if unit == "kg" else KG_PER_LB
        raise ImportFileError(
            f"{rows.path}: this Strong export does not say whether weights are kg or lb; "
            "run the import again with --unit kg or --unit lb."
        )

    def read(self, row: Rows) -> None:
        started = iso_date(row, "Date", with_time=True)
        name = row.name("Workout Name") or "Strong workout"
        key = f"strong:{wall_clock(started)}:{row.get('Workout #') or name}"
        seconds = duration(row, self.duration_col, self.words)
        order_text = row.get("Set Order", required=True)
        order = order_text.lower()
        exercise = row.name("Exercise Name", required=True)
        finished = ended(started, seconds)
        workout_note = row.get("Workout Notes") or None
        if order == "rest timer":
            self.session(key, started, name, finished, workout_note)
            self.skip("rest timer rows (not sets)")
            return
        if order == "note":
            session = self.session(key, started, name, finished, workout_note)
            if row.get("Notes"):
                line = f"{exercise}: {row.get('Notes')}"
                session.note = f"{session.note}\n{line}" if session.note else line
            self.skip("note rows (kept as session notes)")
            return
        if order.isascii() and order.isdigit():  # int() would refuse "²"
            kind: SetKind = "working"
        elif order in KINDS:
            kind = KINDS[order]
        else:
            row.fail(
                "Set Order", f"{order_text!r} is not a set number, W, D, F, Note or Rest Timer"
            )
        factor = self.fixed
        if factor is None:
            factor = unit_factor(row, "Weight Unit", row.get("Weight Unit") or "kg")
        lifted = strength(row, self.weight_col, "Reps", factor)
        self.weighed(factor, lifted)
        rpe = row.rpe("RPE")
        session = self.session(key, started, name, finished, workout_note)
        held = None
        if isinstance(lifted, str):  # no reps: a hold keeps its seconds, cardio is skipped
            distance = "Distance" if row.has("Distance") else "km"
            held = held_seconds(row, exercise, "Seconds", distance)
            if held is None:
                self.skip(lifted)
                return
            lifted = (hold_weight(row, self.weight_col, factor), 1)
        session.sets.append(
            ImportedSet(
                exercise,
                kind,
                lifted[0],
                lifted[1],
                self.moment(session),
                rpe=rpe,
                note=row.get("Notes") or None,
                seconds=held,
            )
        )
