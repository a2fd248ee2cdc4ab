"""The dataclasses that flow between the store, the training model and the screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

SetKind = Literal["warmup", "working", "drop", "failure"]
SET_KINDS: tuple[SetKind, ...] = ("warmup", "working", "drop", "failure")
Side = Literal["L", "R"]
MUSCLES = ("quadriceps", "hamstrings", "glutes", "calves")
STABILISERS = ("core", "lower back")


@dataclass(frozen=True)
class Exercise:
    """An exercise in the catalogue (built-in, from the program file, or the user's own)."""

    id: str
    name: str
    muscles: tuple[str, ...] = ()
    stabilisers: tuple[str, ...] = ()
    equipment: str = "other"
    one_legged: bool = False
    increment_kg: float = 2.5
    rest_s: int = 90
    cues: tuple[str, ...] = ()
    custom: bool = False


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of a program day: how many sets of how many reps."""

    exercise_id: str
    sets: int
    reps: int
    rest_s: int | None = None


@dataclass(frozen=True)
class ProgramDay:
    """A training day of the program (Day A, Day B, ...)."""

    key: str
    name: str
    focus: str
    exercises: tuple[PlannedExercise, ...]


@dataclass(frozen=True)
class Program:
    """The rotation of days the user trains, with the weekly goal."""

    name: str
    days: tuple[ProgramDay, ...]
    exercises: dict[str, Exercise]
    goal_per_week: int = 2
    source: str = "built-in"

    def day(self, key: str | None) -> ProgramDay | None:
        """The day with this key, if the program has it."""
        return next((d for d in self.days if d.key == key), None)


@dataclass(frozen=True)
class Session:
    """A training session: begins with its first set, ends when finished or idle."""

    id: int
    day_key: str | None
    day_name: str
    started_at: datetime
    finished_at: datetime | None
    source: str = "gymtui"
    note: str | None = None


@dataclass(frozen=True)
class LoggedSet:
    """A set as stored on disk."""

    id: int
    session_id: int
    exercise_id: str
    set_number: int
    kind: SetKind
    weight_kg: float
    reps: int
    logged_at: datetime
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
    rest_taken_s: int | None = None
    pr: bool = False

    @property
    def is_working(self) -> bool:
        """Warm-ups count in no PR and no volume; every other kind does."""
        return self.kind != "warmup"


@dataclass(frozen=True)
class SetInput:
    """A set as the user entered it, before it is stored."""

    exercise_id: str
    weight_kg: float
    reps: int
    kind: SetKind = "working"
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
