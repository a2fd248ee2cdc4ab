"""What history shows: e1RM, personal records, weeks against the goal, sets per muscle."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

from gymtui.core.models import MUSCLES, Exercise, Session
from gymtui.core.strength import E1RM_FORMULA as E1RM_FORMULA
from gymtui.core.strength import E1RM_REP_CAP as E1RM_REP_CAP
from gymtui.core.strength import e1rm
from gymtui.core.training import RECOVERY_MAX_H, RECOVERY_MIN_H, week_start
from gymtui.core.values import (
    Unit,
    format_e1rm,
    format_number,
    format_set,
    format_weight,
    from_kg,
)


class SessionSummary(NamedTuple):
    """A row of the sessions list."""

    session: Session
    working_sets: int
    volume_kg: float
    first_at: datetime | None
    last_at: datetime | None
    has_pr: bool = False
    has_pain: bool = False  # a set of it has a pain mark

    @property
    def duration(self) -> timedelta | None:
        """From the first set to the last (or to the finish, when later)."""
        if self.first_at is None or self.last_at is None:
            return None
        end = max(self.last_at, self.session.finished_at or self.last_at)
        return known_duration(self.session, end - min(self.first_at, self.session.started_at))


def known_duration(session: Session, took: timedelta) -> timedelta | None:
    """A session's length, or None for an import whose file gave no times (its sets were
    spread a second apart to keep their order: under a minute in all)."""
    if session.source != "gymtui" and took < timedelta(minutes=1):
        return None
    return took


def gap_verdict(hours: float) -> str:
    """A gap between leg sessions against the 48-72 h window."""
    if hours < RECOVERY_MIN_H:
        return "too soon"
    if hours <= RECOVERY_MAX_H:
        return "in window"
    return "long gap"


class WeekRow(NamedTuple):
    """One week: its sessions against the goal, and the gaps before each session."""

    start: date
    sessions: int
    goal: int
    gaps: tuple[tuple[float, str], ...]

    @property
    def met(self) -> bool:
        return self.sessions >= self.goal


def leg_days(starts: Iterable[datetime]) -> list[datetime]:
    """The first session of each local calendar day, oldest first: two sessions on one day
    (a morning and an evening one, or one split by the idle limit) are one leg day."""
    days: dict[date, datetime] = {}
    for start in sorted(starts):
        days.setdefault(start.astimezone().date(), start)
    return list(days.values())


def weeks(
    starts: Sequence[datetime], goal: int, now: datetime, count: int | None = None
) -> list[WeekRow]:
    """Every week from the first leg day's to this one (or the last `count`), newest first,
    with its leg days and the gap before each."""
    days = leg_days(starts)
    sessions: dict[date, int] = {}
    gaps: dict[date, list[tuple[float, str]]] = {}
    for i, start in enumerate(days):
        key = week_start(start).date()
        sessions[key] = sessions.get(key, 0) + 1
        if i > 0:
            hours = (start - days[i - 1]).total_seconds() / 3600
            gaps.setdefault(key, []).append((hours, gap_verdict(hours)))
    first = days[0] if days else now
    rows: list[WeekRow] = []
    back = 0
    while count is None or back < count:
        begin = week_start(now, back)
        key = begin.date()
        rows.append(WeekRow(key, sessions.get(key, 0), goal, tuple(gaps.get(key, ()))))
        if count is None and begin <= first:
            break
        back += 1
    return rows


def streak(starts: Sequence[datetime], goal: int, now: datetime) -> int:
    """Weeks in a row that met the goal in leg days, counting back from this week.

    This week counts once it has met the goal; until then the streak runs to last week.
    """
    per_week: dict[date, int] = {}
    for start in leg_days(starts):
        key = week_start(start).date()
        per_week[key] = per_week.get(key, 0) + 1
    back = 0 if per_week.get(week_start(now).date(), 0) >= goal else 1
    count = 0
    while per_week.get(week_start(now, back).date(), 0) >= goal:
        count += 1
        back += 1
    return count


SYNERGIST_SHARE = 0.5  # a muscle an exercise works second counts half a set (as Liftosaur)


def sets_per_muscle(
    counts: Iterable[tuple[str, int]], exercises: dict[str, Exercise]
) -> dict[str, float]:
    """Working sets per muscle from (exercise id, working sets): each of an exercise's
    muscles counts a set, each of its synergists half of one."""
    totals = dict.fromkeys(MUSCLES, 0.0)
    for exercise_id, sets in counts:
        exercise = exercises.get(exercise_id)
        if exercise is None:
            continue
        for muscle in exercise.muscles:
            if muscle in totals:
                totals[muscle] += sets
        for muscle in exercise.synergists:
            if muscle in totals and muscle not in exercise.muscles:
                totals[muscle] += sets * SYNERGIST_SHARE
    return totals


def sets_text(sets: float) -> str:
    """A muscle's sets: `8`, or `7.5` with a synergist's half."""
    return f"{sets:.1f}".removesuffix(".0")


def target_state(sets: float, target: tuple[int, int]) -> Literal["under", "in", "over"]:
    """Where a muscle's week stands against the weekly target range."""
    low, high = target
    return "under" if sets < low else ("over" if sets > high else "in")


class TopSet(NamedTuple):
    """A set that holds a record: its weight, reps and when."""

    weight_kg: float
    reps: int
    when: datetime

    @property
    def e1rm(self) -> float:
        return e1rm(self.weight_kg, self.reps)


class Records(NamedTuple):
    """An exercise's personal records, from working sets only (numbers; the UI formats)."""

    heaviest: TopSet
    best_e1rm: TopSet
    reps_at: tuple[TopSet, ...]  # most reps at each of the three heaviest weights
    best_volume_kg: float
    best_volume_when: datetime
    longest_hold: TopSet | None = None  # its reps are the seconds held


class ProgressPoint(NamedTuple):
    """One session of an exercise, for the chart."""

    when: datetime
    best_e1rm: float
    top_weight: float
    volume: float
    most_reps: int = 0  # what a body-weight exercise's chart shows


class Overview(NamedTuple):
    """What the Weeks and Muscles tabs show, read in one go off the event loop."""

    starts: list[datetime]  # every leg day's start (core.training.is_leg_day)
    weeks: list[WeekRow]  # every week back to the first session's, newest first
    streak: int
    last_7_days: dict[str, float]  # a synergist's set counts half
    per_week: list[dict[str, float]]
    weeks_until: datetime | None = None  # the Muscles weeks end here, not now (a quiet spell)
    blocks: dict[date, str] | None = None  # each week's block ("B2 W3", "B2 deload"), if any


class Progress(NamedTuple):
    """The Progress tab for one exercise and range."""

    exercise_id: str
    points: list[ProgressPoint]
    records: Records | None


class Bests(NamedTuple):
    """An exercise's bests before a set, to tell which records the set breaks."""

    weight_kg: float | None  # heaviest working set
    e1rm: float | None  # best estimated 1RM
    reps_at_weight: int | None  # most reps at the new set's weight
    seconds: int | None = None  # longest hold


class Beaten(NamedTuple):
    """A record a set just broke: what, the new value and the old."""

    what: Literal["heaviest", "e1rm", "reps", "hold"]
    now: float
    was: float
    weight_kg: float  # the set's weight (for reps at a weight)


def beaten(
    bests: Bests, weight_kg: float, reps: int, kind: str, seconds: int | None = None
) -> tuple[Beaten, ...]:
    """The records a working set breaks. A first set of an exercise breaks none: there was
    nothing to beat, and a toast for it would be noise. A hold (`seconds`) breaks one record
    only, the longest hold: its reps and load say nothing of strength."""
    if kind == "warmup":
        return ()
    if seconds is not None:
        if bests.seconds is None or seconds <= bests.seconds:
            return ()
        return (Beaten("hold", seconds, bests.seconds, weight_kg),)
    if bests.weight_kg is None or bests.e1rm is None:
        return ()
    found: list[Beaten] = []
    if weight_kg > bests.weight_kg + 1e-9:
        found.append(Beaten("heaviest", weight_kg, bests.weight_kg, weight_kg))
    estimate = e1rm(weight_kg, reps)
    if estimate > bests.e1rm + 1e-9 and weight_kg > 0:
        found.append(Beaten("e1rm", estimate, bests.e1rm, weight_kg))
    if bests.reps_at_weight is not None and reps > bests.reps_at_weight:
        found.append(Beaten("reps", reps, bests.reps_at_weight, weight_kg))
    return tuple(found)


def beaten_text(records: Sequence[Beaten], unit: Unit) -> str:
    """`New PR: e1RM 123 kg (was 119) · heaviest 105 kg (was 102.5)`."""
    parts = []
    for r in records:
        if r.what == "heaviest":
            now, was = format_weight(r.now, unit), format_weight(r.was, unit, with_unit=False)
            parts.append(f"heaviest {now} (was {was})")
        elif r.what == "e1rm":
            now, was = format_e1rm(r.now, unit), format_e1rm(r.was, unit).split()[0]
            parts.append(f"e1RM {now} (was {was})")
        elif r.what == "hold":
            parts.append(f"longest hold {r.now:g} s (was {r.was:g})")
        else:
            at = format_weight(r.weight_kg, unit) if r.weight_kg > 0 else "body weight"
            parts.append(f"{r.now:g} reps at {at} (was {r.was:g})")
    return "New PR: " + " · ".join(parts)


def record_lines(records: Records, unit: Unit) -> list[tuple[str, str, datetime]]:
    """The records as (label, value, date) lines in the user's unit. A body-weight exercise
    (no set with a load) has reps for records: an e1RM of 0 kg says nothing."""
    h, b = records.heaviest, records.best_e1rm
    if records.longest_hold is not None:  # a hold's record is its length, whatever it bore
        hold = records.longest_hold
        rows = [("Longest hold", f"{hold.reps} s", hold.when)]
        if h.weight_kg > 0:
            rows.append(("Heaviest", format_weight(h.weight_kg, unit), h.when))
        return rows
    if h.weight_kg <= 0:
        most = max(records.reps_at, key=lambda r: r.reps, default=h)
        return [("Most reps", f"{most.reps} reps", most.when)]
    top = f"{format_weight(b.weight_kg, unit, with_unit=False)} × {b.reps}"
    rows = [
        ("Heaviest", format_set(h.weight_kg, h.reps, unit), h.when),
        ("Best e1RM", f"{format_e1rm(b.e1rm, unit)} ({top})", b.when),
    ]
    rows += [
        (f"Reps at {format_weight(r.weight_kg, unit)}", f"{r.reps} reps", r.when)
        for r in records.reps_at
    ]
    volume = f"{format_number(from_kg(records.best_volume_kg, unit))} {unit}"
    rows.append(("Best volume", volume, records.best_volume_when))
    return rows
