"""gymtui's own CSV export, read back with nothing lost, and checked like every other format:
a session's rows agree with each other, its sets lie within it, set numbers do not repeat."""

from __future__ import annotations

from datetime import datetime, timedelta

from gymtui.core.models import SET_KINDS, Side
from gymtui.core.pain import read_pain
from gymtui.core.supersets import MAX_LABEL
from gymtui.importers.names import same_name
from gymtui.importers.parsed import MAX_HOLD_S, MAX_IMPORT_KG, ImportedSet
from gymtui.importers.reader import Reader
from gymtui.importers.rows import LONGEST_WORKOUT_S, Rows, local_time

SLACK = timedelta(hours=1)  # a set may be stamped a little outside its session's times
LONGEST_OPEN = timedelta(seconds=LONGEST_WORKOUT_S)  # a session still open when exported


class OwnReader(Reader):
    app = "gymtui"
    needs = ("session_key", "exercise_id", "logged_at", "weight_kg")
    streams = False  # rows are checked against every session before them

    def __init__(self, rows: Rows, unit: str | None) -> None:
        super().__init__(rows, unit)
        rows.unguard = True
        self.first_line: dict[str, int] = {}  # session key: the line that made it
        self.names: dict[str, tuple[str, str, int]] = {}  # exercise id: (key, name, line)
        self.numbers: dict[tuple[str, str, int], int] = {}  # session, exercise, number: line

    def read(self, row: Rows) -> None:
        started = self._moment(row, "session_started_at")
        logged = self._moment(row, "logged_at")
        finished = self._moment(row, "session_finished_at", required=False)
        assert started is not None and logged is not None
        if finished is not None and finished < started:
            row.fail(
                "session_finished_at",
                f"{row.get('session_finished_at')!r} is before the session's start "
                f"({row.get('session_started_at')})",
            )
        key = row.get("session_key", required=True)
        self._same_session(row, key, started, finished)
        end = (finished or started + LONGEST_OPEN) + SLACK
        if not started - SLACK <= logged <= end:
            row.fail(
                "logged_at",
                f"{row.get('logged_at')!r} is outside its session, which "
                + (
                    f"ran from {row.get('session_started_at')} to {row.get('session_finished_at')}"
                    if finished
                    else f"started at {row.get('session_started_at')}"
                ),
            )
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
        seconds = row.whole("seconds", MAX_HOLD_S, " s") or None  # a hold's length
        number = row.whole("set_number", 10**6)
        rpe = row.rpe("rpe")
        superset = row.get("superset")  # an export from before supersets has no such column
        if superset and (len(superset) > MAX_LABEL or not superset.isprintable()):
            row.fail("superset", f"{superset[:20]!r} is not a superset's label (like a)")
        pain = row.get("pain") or None  # an export from before pain marks has no such column
        if pain and read_pain(pain) is None:
            row.fail("pain", f"{pain[:20]!r} is not a pain mark (like 'knee sharp')")
        name = row.name("exercise_name", required=True)
        exercise_id = row.get("exercise_id") or None
        self._same_exercise(row, exercise_id, name)
        numbered = (key, exercise_id or same_name(name), number or 0)
        if number:
            self._new_number(row, numbered, name)
        # the row is good: what later rows are checked against
        self.first_line.setdefault(key, row.line)
        if exercise_id is not None:
            self.names.setdefault(exercise_id, (same_name(name), name, row.line))
        if number:
            self.numbers[numbered] = row.line
        session = self.session(
            key,
            started,
            row.name("session_day_name") or "Session",
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
                seconds=seconds,
                exercise_id=exercise_id,
                set_number=number or None,
                superset=superset or None,
                pain=pain,
            )
        )

    def _same_session(
        self, row: Rows, key: str, started: datetime, finished: datetime | None
    ) -> None:
        """Every row of a session gives the same start and end."""
        session = self.sessions.get(key)
        if session is None:
            return
        first = self.first_line[key]
        if session.started_at != started:
            row.fail(
                "session_started_at",
                f"{row.get('session_started_at')!r} is not the start line {first} gives "
                f"the same session ({session.started_at.isoformat()})",
            )
        if session.finished_at != finished:
            given = session.finished_at.isoformat() if session.finished_at else "none"
            row.fail(
                "session_finished_at",
                f"{row.get('session_finished_at')!r} is not the end line {first} gives "
                f"the same session ({given})",
            )

    def _same_exercise(self, row: Rows, exercise_id: str | None, name: str) -> None:
        """An exercise id names one exercise all through the file."""
        known = self.names.get(exercise_id) if exercise_id else None
        if known is not None and known[0] != same_name(name):
            row.fail(
                "exercise_name",
                f"{name!r} contradicts line {known[2]}, where exercise_id {exercise_id!r} "
                f"is {known[1]!r}",
            )

    def _new_number(self, row: Rows, numbered: tuple[str, str, int], name: str) -> None:
        """A set number appears once per exercise in a session."""
        first = self.numbers.get(numbered)
        if first is not None:
            row.fail(
                "set_number",
                f"set {numbered[2]} of {name} is already on line {first}, in the same session",
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
