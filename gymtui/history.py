"""What history shows: e1RM, personal records, weeks against the goal, sets per muscle."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gymtui.models import MUSCLES, Exercise, Session
from gymtui.training import RECOVERY_MAX_H, RECOVERY_MIN_H, week_start

# Epley: weight x (1 + reps / 30). Past about 10 reps a set says more about endurance than
# about strength, so reps are capped there; a single is its own 1RM.
E1RM_REP_CAP = 10
E1RM_FORMULA = "Epley, reps ≤ 10"
E1RM_SQL = (
    f"CASE WHEN reps = 1 THEN weight_kg ELSE weight_kg * (1 + min(reps, {E1RM_REP_CAP}) / 30.0) END"
)
DEFAULT_MUSCLE_TARGET = (10, 20)  # working sets per muscle per week


def e1rm(weight_kg: float, reps: int) -> float:
    """Estimated one-rep max (Epley, reps capped at 10; a single is its own max)."""
    if reps <= 1:
        return weight_kg
    return weight_kg * (1 + min(reps, E1RM_REP_CAP) / 30)


@dataclass(frozen=True)
class SessionSummary:
    """A row of the sessions list."""

    session: Session
    working_sets: int
    volume_kg: float
    first_at: datetime | None
    last_at: datetime | None
    has_pr: bool = False

    @property
    def duration(self) -> timedelta | None:
        """From the first set to the last (or to the finish, when later)."""
        if self.first_at is None or self.last_at is None:
            return None
        end = max(self.last_at, self.session.finished_at or self.last_at)
        return end - min(self.first_at, self.session.started_at)


def gap_verdict(hours: float) -> str:
    """A gap between leg sessions against the 48-72 h window."""
    if hours < RECOVERY_MIN_H:
        return "too soon"
    if hours <= RECOVERY_MAX_H:
        return "in window"
    return "long gap"


@dataclass(frozen=True)
class WeekRow:
    """One week: its sessions against the goal, and the gaps before each session."""

    start: date
    sessions: int
    goal: int
    gaps: tuple[tuple[float, str], ...]

    @property
    def met(self) -> bool:
        return self.sessions >= self.goal


def weeks(starts: Sequence[datetime], goal: int, now: datetime, count: int = 12) -> list[WeekRow]:
    """The last `count` weeks, newest first, with the gap before each session."""
    ordered = sorted(starts)
    this_week = week_start(now)
    rows: list[WeekRow] = []
    for back in range(count):
        begin = this_week - timedelta(weeks=back)
        end = begin + timedelta(weeks=1)
        gaps: list[tuple[float, str]] = []
        sessions = 0
        for i, start in enumerate(ordered):
            if begin <= start < end:
                sessions += 1
                if i > 0:
                    hours = (start - ordered[i - 1]).total_seconds() / 3600
                    gaps.append((hours, gap_verdict(hours)))
        rows.append(WeekRow(begin.date(), sessions, goal, tuple(gaps)))
    return rows


def streak(starts: Sequence[datetime], goal: int, now: datetime) -> int:
    """Weeks in a row that met the goal, counting back from this week.

    This week counts once it has met the goal; until then the streak runs to last week.
    """
    per_week: dict[date, int] = {}
    for start in starts:
        key = week_start(start).date()
        per_week[key] = per_week.get(key, 0) + 1
    week = week_start(now)
    if per_week.get(week.date(), 0) < goal:
        week -= timedelta(weeks=1)
    count = 0
    while per_week.get(week.date(), 0) >= goal:
        count += 1
        week -= timedelta(weeks=1)
    return count


def sets_per_muscle(
    counts: Iterable[tuple[str, int]], exercises: dict[str, Exercise]
) -> dict[str, int]:
    """Working sets per muscle from (exercise id, working sets): each primary muscle counts."""
    totals = dict.fromkeys(MUSCLES, 0)
    for exercise_id, sets in counts:
        exercise = exercises.get(exercise_id)
        for muscle in exercise.muscles if exercise else ():
            if muscle in totals:
                totals[muscle] += sets
    return totals


@dataclass(frozen=True)
class Record:
    """One personal record: what it was and when."""

    label: str
    value: str
    when: datetime


@dataclass(frozen=True)
class ProgressPoint:
    """One session of an exercise, for the chart."""

    when: datetime
    best_e1rm: float
    top_weight: float
    volume: float
