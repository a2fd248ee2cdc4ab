"""gymtui's own CSV export, read back with nothing lost."""

from __future__ import annotations

from datetime import datetime

from gymtui.core.models import SET_KINDS, Side
from gymtui.importers.names import tidy_name
from gymtui.importers.parsed import MAX_IMPORT_KG, ImportedSet
from gymtui.importers.reader import Reader
from gymtui.importers.rows import Rows, local_time


class OwnReader(Reader):
    app = "gymtui"
    needs = ("session_key", "exercise_id", "logged_at", "weight_kg")

    def read(self, row: Rows) -> None:
        started = self._moment(row, "session_started_at")
        logged = self._moment(row, "logged_at")
        finished = self._moment(row, "session_finished_at", required=False)
        assert started is not None and logged is not None
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
        number = row.number("set_number", 10**6)
        rpe = row.rpe("rpe")
        name = tidy_name(row.get("exercise_name", required=True))
        session = self.session(
            row.get("session_key", required=True),
            started,
            row.get("session_day_name") or "Session",
            finished,
            row.get("session_note") or None,
        )
        session.day_key = row.get("session_day_key") or None
        session.sets.append(
            ImportedSet(
                name,
                kind,
                weight,
                reps,
                logged,
                rpe=rpe,
                note=row.get("note") or None,
                side=side,
                rest_taken_s=int(rest) if rest is not None else None,
                exercise_id=row.get("exercise_id") or None,
                set_number=int(number) if number else None,
            )
        )

    @staticmethod
    def _moment(row: Rows, column: str, required: bool = True) -> datetime | None:
        text = row.get(column, required=required)
        if not text:
            return None
        try:
            moment = local_time(datetime.fromisoformat(text))
        except ValueError:
            row.fail(column, f"{text!r} is not an ISO-8601 time")
        except OverflowError:
            row.fail(column, f"{text!r} is too far in the past or the future")
        return row.check_moment(column, text, moment)
