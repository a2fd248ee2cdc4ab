"""FitNotes' CSV export: one date is one session; the weight's unit in the header
("Weight (kgs)") or in a Weight Unit column."""

from __future__ import annotations

import re

from gymtui.importers.names import normalise_name
from gymtui.importers.parsed import ImportedSet
from gymtui.importers.reader import Reader
from gymtui.importers.rows import Rows, iso_date, strength, unit_factor


class FitNotesReader(Reader):
    app = "FitNotes"
    needs = ("Date", "Exercise", "Category", "Reps")
    free_text = "Exercise"  # FitNotes writes a comma in a name without quotes

    def __init__(self, rows: Rows, unit: str | None) -> None:
        super().__init__(rows, unit)
        weight_col = next((h for h in rows.header if normalise_name(h).startswith("weight")), None)
        if weight_col is None:
            raise self.no_weight_column("Weight or Weight (kgs)")
        self.weight_col = weight_col
        found = re.search(r"\((\w+)\)", self.weight_col)
        self.header_unit = found.group(1) if found else None

    def read(self, row: Rows) -> None:
        day = iso_date(row, "Date", with_time=False)
        key = f"fitnotes:{day.date().isoformat()}"
        if self.header_unit:
            factor = unit_factor(row, self.weight_col, self.header_unit)
        else:
            factor = unit_factor(row, "Weight Unit", row.get("Weight Unit") or self.unit or "kgs")
        exercise = row.name("Exercise", required=True)
        cardio = row.get("Category").lower() == "cardio" and not row.get("Reps")
        lifted = "cardio rows" if cardio else strength(row, self.weight_col, "Reps", factor)
        self.weighed(factor, lifted)
        session = self.session(key, day, "FitNotes workout")
        if isinstance(lifted, str):
            self.skip(lifted)
            return
        session.sets.append(
            ImportedSet(
                exercise,
                "working",
                lifted[0],
                lifted[1],
                self.moment(session),
                note=row.get("Comment") or None,
            )
        )
