"""The training model: which day is next, recovery, progression and the plan for a session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from gymtui.core.models import (
    Exercise,
    LoggedSet,
    PlannedExercise,
    Program,
    ProgramDay,
    Session,
    SetKind,
    Side,
)
from gymtui.core.values import Unit, format_set, loadable

RECOVERY_MIN_H = 48
RECOVERY_MAX_H = 72
SESSION_IDLE = timedelta(hours=3)


def next_day(program: Program, last_day_key: str | None) -> ProgramDay:
    """The day after the last one trained: A, B, A, ... (the first day when none was)."""
    keys = [d.key for d in program.days]
    if last_day_key not in keys:
        return program.days[0]
    return program.days[(keys.index(last_day_key) + 1) % len(keys)]


@dataclass(frozen=True)
class Recovery:
    """Where the legs stand in the 48-72 h window since the last session."""

    state: str  # "first", "recovering", "ready", "overdue"
    text: str


def recovery(last_trained: datetime | None, now: datetime) -> Recovery:
    """Compare the hours since the last leg session with the 48-72 h window."""
    if last_trained is None:
        return Recovery("first", "First session: no recovery to wait for")
    hours = max(0.0, (now - last_trained).total_seconds() / 3600)
    if hours < RECOVERY_MIN_H:
        wait = max(1, round(RECOVERY_MIN_H - hours))
        return Recovery("recovering", f"Recovering: ready in {wait} h ({hours:.0f} h since legs)")
    if hours <= RECOVERY_MAX_H:
        return Recovery("ready", f"Ready: {hours:.0f} h since legs, inside the 48-72 h window")
    days = hours / 24
    return Recovery("overdue", f"Ready: it has been {days:.0f} days since legs")


def week_start(moment: datetime, back: int = 0) -> datetime:
    """Monday 00:00, local time, of the week that holds `moment` (or `back` weeks before it).

    Weeks are local calendar weeks: the Monday is found on the local date, and its midnight
    gets the UTC offset in force on that date, so a change to or from summer time between
    then and now moves no session into the wrong week.
    """
    local = moment.astimezone()
    monday = local.date() - timedelta(days=local.weekday(), weeks=back)
    return datetime(monday.year, monday.month, monday.day).astimezone()


def weekly_text(done: int, goal: int) -> str:
    """`1 of 2 leg sessions this week`."""
    mark = " ✓" if done >= goal else ""
    return f"{done} of {goal} leg session{'s' if goal != 1 else ''} this week{mark}"


@dataclass(frozen=True)
class Suggestion:
    """The weight to try today, and why."""

    weight_kg: float | None
    reason: str


def suggest_weight(
    exercise: Exercise,
    target_reps: int,
    last_sets: Sequence[LoggedSet],
    planned_sets: int = 0,
    unit: Unit = "kg",
) -> Suggestion:
    """Double progression: every planned working set hit its target reps, so add a step.
    The weight is one that can be loaded in the user's unit (`values.loadable`)."""
    working = [s for s in last_sets if s.is_working]
    if not working:
        return Suggestion(None, "no history yet, so type the weight you will lift")
    top = max(s.weight_kg for s in working)
    all_met = len(working) >= planned_sets and all(s.reps >= target_reps for s in working)
    if all_met and exercise.increment_kg > 0 and top > 0:
        added = loadable(top + exercise.increment_kg, unit)
        return Suggestion(max(added, top), "all reps met last time: add weight")
    if all_met:
        return Suggestion(loadable(top, unit), "all reps met: add reps or load")
    return Suggestion(loadable(top, unit), "repeat the weight: not every set hit the target")


@dataclass(frozen=True)
class PlanRow:
    """One row of the Today table: a planned set, a warm-up, or an extra set."""

    exercise: Exercise
    label: str  # "1/4", "W", "+1"
    planned: PlannedExercise | None
    slot: int | None  # 1-based planned set, None for warm-ups and extras
    logged: LoggedSet | None
    last_time: LoggedSet | None
    partner: LoggedSet | None = None  # the other leg's set, for a one-legged pair

    @property
    def complete(self) -> bool:
        """Logged: both legs at once, or a left and a right (a pair is one planned set)."""
        return self.logged is not None and (self.logged.side is None or self.partner is not None)

    @property
    def missing_side(self) -> Side | None:
        """For half a pair, the leg still to do."""
        if self.logged is None or self.complete or self.logged.side is None:
            return None
        return "R" if self.logged.side == "L" else "L"


def pair_sides(working: Sequence[LoggedSet]) -> list[tuple[LoggedSet, LoggedSet | None]]:
    """Working sets of a one-legged exercise as planned sets: a both-legs set alone, and each
    left or right set with the next set of the other leg (in the order they were logged)."""
    slots: list[tuple[LoggedSet, LoggedSet | None]] = []
    for s in working:
        if s.side is not None:
            waiting = next(
                (
                    i
                    for i, (first, partner) in enumerate(slots)
                    if partner is None and first.side not in (None, s.side)
                ),
                None,
            )
            if waiting is not None:
                slots[waiting] = (slots[waiting][0], s)
                continue
        slots.append((s, None))
    return slots


def build_plan(
    day: ProgramDay,
    exercises: dict[str, Exercise],
    session_sets: Sequence[LoggedSet],
    last_sets: dict[str, list[LoggedSet]],
) -> list[PlanRow]:
    """Lay the session's sets over the day's plan; exercises logged off-plan come last."""
    rows: list[PlanRow] = []
    by_exercise: dict[str, list[LoggedSet]] = {}
    for logged in sorted(session_sets, key=lambda s: (s.logged_at, s.id)):
        by_exercise.setdefault(logged.exercise_id, []).append(logged)
    order = [p.exercise_id for p in day.exercises]
    extras = [ex_id for ex_id in by_exercise if ex_id not in order]
    planned_by_id = {p.exercise_id: p for p in day.exercises}
    for ex_id in order + extras:
        exercise = exercises.get(ex_id) or Exercise(id=ex_id, name=ex_id, custom=True)
        plan = planned_by_id.get(ex_id)
        done_sets = by_exercise.get(ex_id, [])
        warmups = [s for s in done_sets if not s.is_working]
        working = [s for s in done_sets if s.is_working]
        previous = [s for s in last_sets.get(ex_id, []) if s.is_working]
        for w in warmups:
            rows.append(PlanRow(exercise, "W", plan, None, w, None))
        slots = plan.sets if plan else 0
        done_slots = pair_sides(working) if exercise.one_legged else [(s, None) for s in working]
        before = pair_sides(previous) if exercise.one_legged else [(s, None) for s in previous]
        for n in range(1, max(slots, len(done_slots)) + 1):
            done, partner = done_slots[n - 1] if n <= len(done_slots) else (None, None)
            last = before[n - 1][0] if n <= len(before) else None
            label = f"{n}/{slots}" if n <= slots else f"+{n - slots}"
            slot = n if n <= slots else None
            rows.append(PlanRow(exercise, label, plan, slot, done, last, partner))
    return rows


def next_row_index(rows: Sequence[PlanRow]) -> int | None:
    """The first planned set not yet logged (or half a pair): the one to do next."""
    first_half = next((i for i, r in enumerate(rows) if r.missing_side is not None), None)
    if first_half is not None:
        return first_half
    return next((i for i, r in enumerate(rows) if r.slot is not None and r.logged is None), None)


def prefill_weight(
    row: PlanRow,
    session_sets: Sequence[LoggedSet],
    last_sets: Sequence[LoggedSet],
    unit: Unit = "kg",
) -> float | None:
    """The weight a set dialog opens with: the set before it today (as it was), else the
    suggestion."""
    today = [s for s in session_sets if s.exercise_id == row.exercise.id and s.is_working]
    if today:
        return max(today, key=lambda s: (s.logged_at, s.id)).weight_kg
    target = row.planned.reps if row.planned else 0
    planned = row.planned.sets if row.planned else 0
    return suggest_weight(row.exercise, target, last_sets, planned, unit).weight_kg


@dataclass(frozen=True)
class TodayView:
    """Everything the Today screen shows, read from the file in one go."""

    day: ProgramDay
    session: Session | None
    rows: list[PlanRow]
    session_sets: list[LoggedSet]
    last_sets: dict[str, list[LoggedSet]]
    recovery: Recovery
    weekly: str
    next_index: int | None
    unit: Unit = "kg"  # the user's, for suggestions that can be loaded

    @property
    def next_row(self) -> PlanRow | None:
        """The planned set to do next, if any is left."""
        return self.rows[self.next_index] if self.next_index is not None else None


def next_up_text(view: TodayView, unit: Unit) -> str:
    """`Set 2 of 4 - Back squat 100 kg x 6`: the next planned set, with its prefilled weight."""
    row = view.next_row
    if row is None or row.planned is None:
        if view.session is None:
            return ""
        return "All planned sets done: finish the session with f"
    prefill = set_prefill(view, row, "working")
    reps = prefill.reps or row.planned.reps
    what = (
        f" {format_set(prefill.weight_kg, reps, unit)}"
        if prefill.weight_kg is not None
        else f" × {reps}"
    )
    leg = {"L": ", left leg", "R": ", right leg"}.get(prefill.side or "", "")
    return f"Set {row.slot} of {row.planned.sets} - {row.exercise.name}{leg}{what}"


@dataclass(frozen=True)
class SetPrefill:
    """What the set dialog opens with for a row: weight, reps and a title."""

    weight_kg: float | None
    reps: int | None
    title: str
    side: Side | None = None


WARMUP_FRACTION = 0.5
WARMUP_REPS = 8


def set_prefill(view: TodayView, row: PlanRow, kind: SetKind, *, extra: bool = False) -> SetPrefill:
    """The set before it today, else the suggestion; a warm-up is half that for 8 reps."""
    ex = row.exercise
    half = row.missing_side
    if half is not None and row.logged is not None and kind != "warmup":
        side = "left" if half == "L" else "right"
        return SetPrefill(row.logged.weight_kg, row.logged.reps, f"{ex.name} · {side} leg", half)
    weight = prefill_weight(row, view.session_sets, view.last_sets.get(ex.id, []), view.unit)
    reps = row.planned.reps if row.planned else None
    if kind == "warmup":
        step = ex.increment_kg or 2.5
        ramp = round((weight or 0) * WARMUP_FRACTION / step) * step
        weight = loadable(ramp, view.unit) if weight else None
        return SetPrefill(weight, WARMUP_REPS, f"{ex.name} · warm-up set")
    if row.slot is not None and row.planned is not None and not extra:
        return SetPrefill(
            weight, reps, f"{ex.name} · set {row.slot} of {row.planned.sets} · target {reps}"
        )
    done = sum(1 for s in view.session_sets if s.exercise_id == ex.id and s.is_working)
    return SetPrefill(weight, reps, f"{ex.name} · extra set {done + 1}")
