"""What a reader gives back: sessions and sets read from a file, and what was skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from gymtui.core.formats import FORMATS as FORMATS
from gymtui.core.formats import Format as Format
from gymtui.core.models import SET_COLUMNS, SetKind, Side
from gymtui.errors import GymtuiError

MAX_IMPORT_KG = 1000.0  # a loaded leg press can pass the 500 kg a person may type by hand
MAX_IMPORT_REPS = 1000
MAX_HOLD_S = 3600  # a hold of an hour: past it, a "duration" is a workout's, not a hold's
# gymtui's export: a row per set, with its session's columns first, then the set's own in the
# sets table's order (core.models.SET_COLUMNS), the exercise's name beside its id.
GYMTUI_COLUMNS = (
    "session_key",
    "session_started_at",
    "session_finished_at",
    "session_day_key",
    "session_day_name",
    "session_source",
    "session_note",
    "exercise_id",
    "exercise_name",
    *(c for c in SET_COLUMNS if c not in ("session_id", "exercise_id")),
)


class ImportFileError(GymtuiError):
    """The file cannot be imported; nothing was written."""


class BadRow(ImportFileError):
    """One row cannot be read; `where` is its line and column, `problem` says why."""

    def __init__(self, path: object, where: str, problem: str) -> None:
        super().__init__(f"{path}, {where}: {problem}.")
        self.where = where
        self.problem = problem


class ImportedSet(NamedTuple):
    """One set read from a file (a NamedTuple: a big file makes hundreds of thousands)."""

    exercise_name: str
    kind: SetKind
    weight_kg: float
    reps: int
    logged_at: datetime
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
    rest_taken_s: int | None = None
    seconds: int | None = None  # a hold's length (then reps is 1)
    exercise_id: str | None = None  # gymtui's own export names it
    set_number: int | None = None  # and numbers the sets; others are numbered in file order
    superset: str | None = None  # its superset in the workout (Hevy's superset_id)
    pain: str | None = None  # gymtui's own export: a pain mark, "knee sharp"


@dataclass(slots=True)
class ImportedSession:
    """A workout read from a file, with the key that makes a second import a no-op."""

    key: str
    started_at: datetime
    name: str
    finished_at: datetime | None = None
    day_key: str | None = None
    note: str | None = None
    sets: list[ImportedSet] = field(default_factory=list)
    # more sets of a session given earlier in the same stream (its rows lay apart in the file)
    continued: bool = False


@dataclass(slots=True)
class ParsedFile:
    """Everything read from a file, and what was skipped and why."""

    format: Format
    sessions: list[ImportedSession]
    skipped: Counter[str]  # rows not stored, by reason: with the sets, they add up to `rows`
    rows: int
    bad_rows: list[str] = field(default_factory=list)  # "line 12, column 'Reps': why"
    empty_workouts: int = 0  # workouts with no strength set at all (cardio only, say)
    unit: str = "kg"  # the unit most of its weights were written in
