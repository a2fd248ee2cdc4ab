"""What a reader gives back: sessions and sets read from a file, and what was skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from gymtui.core.models import SetKind, Side
from gymtui.errors import GymtuiError

Format = Literal["strong", "hevy", "fitnotes", "gymtui"]
FORMATS: tuple[Format, ...] = ("strong", "hevy", "fitnotes", "gymtui")
MAX_IMPORT_KG = 1000.0  # a loaded leg press can pass the 500 kg a person may type by hand
MAX_IMPORT_REPS = 1000
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
    "set_number",
    "kind",
    "weight_kg",
    "reps",
    "rpe",
    "note",
    "side",
    "logged_at",
    "rest_taken_s",
)


class ImportFileError(GymtuiError):
    """The file cannot be imported; nothing was written."""


@dataclass(frozen=True)
class ImportedSet:
    """One set read from a file."""

    exercise_name: str
    kind: SetKind
    weight_kg: float
    reps: int
    logged_at: datetime
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
    rest_taken_s: int | None = None
    exercise_id: str | None = None  # gymtui's own export names it


@dataclass
class ImportedSession:
    """A workout read from a file, with the key that makes a second import a no-op."""

    key: str
    started_at: datetime
    name: str
    finished_at: datetime | None = None
    day_key: str | None = None
    note: str | None = None
    sets: list[ImportedSet] = field(default_factory=list)


@dataclass
class ParsedFile:
    """Everything read from a file, and what was skipped and why."""

    format: Format
    sessions: list[ImportedSession]
    skipped: Counter[str]
    rows: int
