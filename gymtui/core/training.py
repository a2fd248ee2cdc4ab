"""The training model: which day is next, recovery, progression and the plan for a session."""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import NamedTuple

from gymtui.core.blocks import BlockWeek, deload_sets, deload_weight
from gymtui.core.day_edits import judged_by
from gymtui.core.equipment import fit, handled, kit_for
from gymtui.core.models import (
    Exercise,
    LoggedSet,
    PlannedExercise,
    Program,
    ProgramDay,
    RampStep,
    Session,
    Side,
    WarmupScheme,
)
from gymtui.core.pain import PainFacts, after_pain
from gymtui.core.plates import Inventory, PlanStep, plate_plan, simple_kg
from gymtui.core.progression import Suggestion, aim_reps, heaviest_loadable, suggest
from gymtui.core.readiness import Readiness, readiness_weight
from gymtui.core.swap import first_time
from gymtui.core.values import Unit, loadable, to_kg

RECOVERY_MIN_H = 48
RECOVERY_MAX_H = 72
SESSION_IDLE = timedelta(hours=3)
# A session is a leg day when this many of its working sets train a leg muscle (an
# exercise's main muscles: quadriceps, hamstrings, glutes, calves); a shorter session
# counts when all its working sets do. A push day with one calf raise is no leg day.
LEG_DAY_SETS = 3


def is_leg_day(leg_sets: int, working_sets: int) -> bool:
    """Whether a session with these working sets, `leg_sets` of them on leg muscles, is a
    leg day (the store's leg-day queries apply the same rule in SQL)."""
    return leg_sets > 0 and leg_sets >= min(LEG_DAY_SETS, working_sets)


def day_of(program: Program, exercise_ids: Iterable[str]) -> ProgramDay | None:
    """The program day a session without a day key (an import) was: the one sharing most of
    its exercises, when one does."""
    done = set(exercise_ids)
    shared = sorted(
        ((len(done & {p.exercise_id for p in d.exercises}), n) for n, d in enumerate(program.days)),
        reverse=True,
    )
    if not shared or shared[0][0] == 0 or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        return None
    return program.days[shared[0][1]]


def next_day(program: Program, last_day_key: str | None) -> ProgramDay:
    """The day after the last one trained: A, B, A, ... (the first day when none was)."""
    keys = [d.key for d in program.days]
    if last_day_key not in keys:
        return program.days[0]
    return program.days[(keys.index(last_day_key) + 1) % len(keys)]


class Recovery(NamedTuple):
    """Where the legs stand in the 48-72 h window since the last session."""

    state: str  # "first", "recovering", "ready", "overdue"
    text: str


def recovery(last_trained: datetime | None, now: datetime, *, trained: bool = False) -> Recovery:
    """Compare the hours since the last leg session with the 48-72 h window (`trained`:
    there are sessions, none of them a leg day)."""
    if last_trained is None:
        if trained:
            return Recovery("first", "No leg day yet: your legs are fresh")
        return Recovery("first", "First session: no recovery to wait for")
    hours = max(0.0, (now - last_trained).total_seconds() / 3600)
    if hours < RECOVERY_MIN_H:
        wait = max(1, round(RECOVERY_MIN_H - hours))
        # whole hours gone, down (47.6 h is "47 h": "48 h" would read as inside the window)
        since = math.floor(hours)
        return Recovery("recovering", f"Recovering: ready in {wait} h ({since} h since legs)")
    if hours <= RECOVERY_MAX_H:
        return Recovery("ready", f"Ready: {math.floor(hours)} h since legs, inside 48-72 h")
    return Recovery("overdue", f"Ready: it has been {gap_text(hours)} since legs")


def gap_text(hours: float) -> str:
    """`60 h`, `6 days`, `5 months`, `8 years`: a gap between leg days, in the unit that
    reads best (hours inside the 48-72 h window and under it)."""
    if hours <= RECOVERY_MAX_H:
        return f"{math.floor(hours)} h"  # down: 47.6 h too soon is not "48 h too soon"
    days = hours / 24
    if days < 4:  # up, to a tenth: just past the window (72.02 h) is 3.1 days, never "3 days"
        return f"{math.ceil(days * 10 - 1e-9) / 10:.1f}".removesuffix(".0") + " days"
    if days < 10:  # 4.5 days
        return f"{days:.1f}".removesuffix(".0") + " days"
    if days < 60:
        return f"{days:.0f} days"
    if days < 730:
        return f"{days / 30.44:.0f} months"
    return f"{days / 365.25:.0f} years"


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


class RampSet(NamedTuple):
    """A warm-up the ramp generated: its weight and reps, and its place in the ramp."""

    weight_kg: float
    reps: int
    number: int
    of: int
    step: RampStep


class PlanRow(NamedTuple):
    """One row of the Today table: a planned set, a warm-up, or an extra set."""

    exercise: Exercise
    label: str  # "1/4", "W", "+1"
    planned: PlannedExercise | None
    slot: int | None  # 1-based planned set, None for warm-ups and extras
    logged: LoggedSet | None
    last_time: LoggedSet | None
    partner: LoggedSet | None = None  # the other leg's set, for a one-legged pair
    ramp: RampSet | None = None  # a generated warm-up of the ramp
    skipped: bool = False  # an exercise skipped for today: not done, not due, not a miss
    # this set in the last session the rules judge, when that is not the one shown as Last (a
    # deload week or a poor day is shown, and the reps aim on from the session before it)
    judged_last: LoggedSet | None = None
    excused_last: bool = False

    @property
    def due(self) -> bool:
        """A set still to do: a warm-up of the ramp or a planned set, unlogged, not skipped."""
        return (
            (self.slot is not None or self.ramp is not None)
            and self.logged is None
            and not self.skipped
        )

    @property
    def complete(self) -> bool:
        """Logged: both legs at once, or a left and a right (a pair is one planned set)."""
        return self.logged is not None and (self.logged.side is None or self.partner is not None)

    @property
    def timed(self) -> bool:
        """A hold's row: its target and its sets are seconds (the plan says, else the
        exercise; a warm-up is never a hold)."""
        if self.ramp is not None:
            return False
        return self.planned.timed if self.planned is not None else self.exercise.timed

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


def set_numbers(sets: Sequence[LoggedSet]) -> list[int | None]:
    """Each set's number among its exercise's working sets, in the order logged, counted
    as planned sets: a left and a right set share one (1 L, 1 R, 2, 3). None for warm-ups."""
    numbers: list[int | None] = []
    counted: dict[str, int] = {}
    waiting: dict[tuple[str, str], list[int]] = {}  # (exercise, side) -> numbers unpaired
    for s in sets:
        if not s.is_working:
            numbers.append(None)
            continue
        if s.side is not None:
            other = waiting.get((s.exercise_id, "R" if s.side == "L" else "L"))
            if other:
                numbers.append(other.pop(0))
                continue
        counted[s.exercise_id] = counted.get(s.exercise_id, 0) + 1
        number = counted[s.exercise_id]
        if s.side is not None:
            waiting.setdefault((s.exercise_id, s.side), []).append(number)
        numbers.append(number)
    return numbers


def ramp(
    working_kg: float | None,
    steps: Sequence[RampStep],
    exercise: Exercise,
    unit: Unit,
    inventory: Inventory,
) -> list[tuple[float, int, RampStep]]:
    """The warm-up ramp up to a working weight: each step's weight (rounded to what can be
    loaded, and for a barbell to the plates), lighter than the working weight and heavier than
    the step before; a step that would repeat one is left out."""
    if not working_kg:
        return []
    kit = kit_for(exercise, inventory)  # "bar x 10" is the exercise's bar: a trap bar's 25 kg
    bar = to_kg(kit.empty, unit) if exercise.uses_bar and inventory.unit == unit else 0.0
    other_kit = not bar and handled(exercise, inventory, unit)
    ramp_sets: list[tuple[float, int, RampStep]] = []
    for step in steps:
        if step.percent is None:
            if not bar:
                continue
            kg = bar
        else:
            kg = loadable(working_kg * step.percent / 100, unit)
            if bar:  # a warm-up's weight is loose: take one that needs few plates
                kg = max(bar, simple_kg(kg, kit))
            elif other_kit:  # a dumbbell you have, a weight on the stack
                kg = fit(kg, exercise, inventory)
        heavier = not ramp_sets or kg > ramp_sets[-1][0] + 1e-9
        if heavier and kg < working_kg - 1e-9 and kg > 0:
            ramp_sets.append((kg, step.reps, step))
    return ramp_sets


def ramps_for(day: ProgramDay, exercises: dict[str, Exercise], scheme: WarmupScheme) -> set[str]:
    """The exercises of a day that get a warm-up ramp: the program's choice ("first" barbell
    exercise, every "barbell" one, or "off"), overridden by an entry's own `warmup`."""
    chosen: set[str] = set()
    first = True
    for planned in day.exercises:
        exercise = exercises.get(planned.exercise_id)
        bar = exercise is not None and exercise.uses_bar
        by_scheme = bar and (
            scheme.applies_to == "barbell" or (scheme.applies_to == "first" and first)
        )
        if bar:
            first = False
        if planned.warmup if planned.warmup is not None else by_scheme:
            chosen.add(planned.exercise_id)
    return chosen


class Plan(NamedTuple):
    """What build_plan needs besides the day: the user's unit, plates and warm-up choice."""

    unit: Unit = "kg"
    inventory: Inventory | None = None
    scheme: WarmupScheme = WarmupScheme()
    ramps_on: bool = True
    now: datetime | None = None  # for the step back after a long break
    elsewhere: Program | None = None  # plans an exercise logged off its own day
    skipped: frozenset[str] = frozenset()  # skipped for today: no set due, no ramp
    swapped: dict[str, str] | None = None  # swapped in for today -> the program's exercise
    pain: Mapping[str, PainFacts] | None = None  # each exercise's pain last time (core.pain)
    block: BlockWeek | None = None  # this week's place in the program's blocks
    excused: frozenset[int] = frozenset()  # sessions the rules do not judge (deload, poor day)
    readiness: Readiness | None = None  # today's answers to the readiness check


DEFAULT_PLAN = Plan()


def build_plan(
    day: ProgramDay,
    exercises: dict[str, Exercise],
    session_sets: Sequence[LoggedSet],
    recent: dict[str, list[list[LoggedSet]]],
    plan: Plan = DEFAULT_PLAN,
) -> tuple[list[PlanRow], dict[str, Suggestion]]:
    """Lay the session's sets over the day's plan (a warm-up ramp first where it applies);
    exercises logged off-plan come last. Each exercise's suggestion comes back too."""
    rows: list[PlanRow] = []
    suggestions: dict[str, Suggestion] = {}
    by_exercise: dict[str, list[LoggedSet]] = {}
    for logged in sorted(session_sets, key=lambda s: (s.logged_at, s.id)):
        by_exercise.setdefault(logged.exercise_id, []).append(logged)
    order = [p.exercise_id for p in day.exercises]
    extras = [ex_id for ex_id in by_exercise if ex_id not in order]
    planned_by_id = {p.exercise_id: p for p in day.exercises}
    skipped = plan.skipped
    ramped = day._replace(exercises=tuple(p for p in day.exercises if p.exercise_id not in skipped))
    with_ramp = ramps_for(ramped, exercises, plan.scheme) if plan.ramps_on else set()
    inventory = plan.inventory
    for ex_id in order + extras:
        exercise = exercises.get(ex_id) or Exercise(id=ex_id, name=ex_id, custom=True)
        planned = planned_by_id.get(ex_id)
        shown = recent.get(ex_id, [])  # last time as done; the rules read those they judge
        history = [h for h in shown if not (h and h[0].session_id in plan.excused)]
        from_excused = bool(shown) and not history
        if from_excused:  # first done in a deload week or on a poor day: from it
            history = shown
        rule = planned or (plan.elsewhere.plan_for(ex_id) if plan.elsewhere else None)
        if planned is not None and plan.elsewhere is not None:  # today's sets judge no miss
            own = plan.elsewhere.day(day.key) or day
            in_program = next((p for p in own.exercises if p.exercise_id == ex_id), None)
            seen = [s for s in history[0] if s.is_working] if history else []
            rule = judged_by(
                planned, in_program, len(pair_sides(seen) if exercise.one_legged else seen)
            )
        if from_excused and rule is not None:  # judged by the sets it had: a deload's are fewer
            seen = [s for s in history[0] if s.is_working]
            had = len(pair_sides(seen) if exercise.one_legged else seen)
            rule = rule._replace(sets=max(1, min(rule.sets, had)))
        trained_at = max((s.logged_at for s in shown[0]), default=None) if shown else None
        suggestion = suggest(exercise, rule, history, plan.unit, inventory, plan.now, trained_at)
        pain = (plan.pain or {}).get(ex_id)
        suggestion = after_pain(suggestion, pain, exercise, plan.unit, inventory)
        was = (plan.swapped or {}).get(ex_id)
        if suggestion.weight_kg is None and was in exercises and planned is not None:
            fresh = first_time(exercises[was], exercise, recent.get(was, []), planned, *plan[:2])
            if fresh is not None:  # a first time swapped in: from the replaced lift's e1RM
                suggestion = Suggestion(fresh.weight_kg, fresh.reason, planned.reps)
        # after pain (above), each only lowering: the block's deload week, then readiness
        suggestion = deload_weight(suggestion, plan.block, exercise, plan.unit, inventory)
        suggestion = readiness_weight(suggestion, plan.readiness, exercise, plan.unit, inventory)
        planned = deload_sets(planned, plan.block, plan.elsewhere and plan.elsewhere.day(day.key))
        suggestions[ex_id] = suggestion
        done_sets = by_exercise.get(ex_id, [])
        warmups = [s for s in done_sets if not s.is_working]
        working = [s for s in done_sets if s.is_working]
        previous = [s for s in shown[0] if s.is_working] if shown else []
        judged = [s for s in history[0] if s.is_working] if history else []
        excused = bool(shown) and (not history or history[0] is not shown[0])
        generated = (
            ramp(suggestion.weight_kg, plan.scheme.steps, exercise, plan.unit, inventory)
            if ex_id in with_ramp and inventory is not None
            else []
        )
        skip = ex_id in skipped
        if working:  # the ramp is behind you: only the warm-ups you did stay
            generated = generated[: len(warmups)]
        for n in range(max(len(generated), len(warmups))):
            done = warmups[n] if n < len(warmups) else None
            made = None
            if n < len(generated):
                kg, reps, step = generated[n]
                made = RampSet(kg, reps, n + 1, len(generated), step)
            label = f"W{n + 1}" if made is not None else "W"
            rows.append(
                PlanRow(exercise, label, planned, None, done, None, ramp=made, skipped=skip)
            )
        slots = planned.sets if planned else 0
        done_slots = pair_sides(working) if exercise.one_legged else [(s, None) for s in working]
        before = pair_sides(previous) if exercise.one_legged else [(s, None) for s in previous]
        aimed = pair_sides(judged) if exercise.one_legged else [(s, None) for s in judged]
        for n in range(1, max(slots, len(done_slots)) + 1):
            done, partner = done_slots[n - 1] if n <= len(done_slots) else (None, None)
            last = before[n - 1][0] if n <= len(before) else None
            label = f"{n}/{slots}" if n <= slots else f"+{n - slots}"
            slot = n if n <= slots else None
            judged_set = aimed[n - 1][0] if excused and n <= len(aimed) else None
            row = PlanRow(exercise, label, planned, slot, done, last, partner, skipped=skip)
            rows.append(row._replace(judged_last=judged_set, excused_last=excused))
    return rows, suggestions


@dataclass(frozen=True)
class TodayView:
    """Everything the Today screen shows, read from the file in one go."""

    day: ProgramDay
    session: Session | None
    rows: list[PlanRow]
    session_sets: list[LoggedSet]
    recent: dict[str, list[list[LoggedSet]]]  # each exercise's latest sessions, newest first
    recovery: Recovery
    weekly: str
    next_index: int | None
    unit: Unit = "kg"  # the user's, for suggestions that can be loaded
    suggestions: dict[str, Suggestion] = field(default_factory=dict)
    inventory: Inventory | None = None
    block: BlockWeek | None = None  # where this week is in the program's blocks
    readiness: Readiness | None = None  # today's readiness answers, when asked
    muscles: dict[str, float] = field(default_factory=dict)  # this week's sets per muscle

    @property
    def next_row(self) -> PlanRow | None:
        """The set to do next, if any is left."""
        return self.rows[self.next_index] if self.next_index is not None else None

    def last_sets(self, exercise_id: str) -> list[LoggedSet]:
        """The exercise's sets last time it was trained."""
        history = self.recent.get(exercise_id)
        return history[0] if history else []

    def weight_for(self, row: PlanRow) -> float | None:
        """The weight a set dialog opens with: a ramp step's, the set before it today (as it
        was), else the suggestion."""
        if row.ramp is not None:
            return row.ramp.weight_kg
        suggestion = self.suggestions.get(row.exercise.id)
        made = suggestion.weight_kg if suggestion else None
        if row.planned is not None and row.planned.backoff_pct and (row.slot or 0) > 1:
            return self.backoff_for(row, row.planned.backoff_pct, made)
        return self.weight_today(row.exercise.id, made)

    def backoff_for(self, row: PlanRow, pct: float, top: float | None) -> float | None:
        """A back-off set's weight: as the back-off before it today, else `pct` of today's
        top set (before it is done, of the suggestion), rounded down to a loadable weight."""
        ex = row.exercise
        today = [s for s in self.session_sets if s.exercise_id == ex.id and s.is_working]
        today.sort(key=lambda s: (s.logged_at, s.id))
        if len(pair_sides(today) if ex.one_legged else today) >= 2:
            return today[-1].weight_kg  # a back-off done: the next as it was
        top = today[0].weight_kg if today else top
        if not top:
            return top
        # never above the top set, even where the kit's lightest (an empty bar) is heavier
        return min(top, heaviest_loadable(top * pct / 100, ex, self.unit, self.inventory))

    def weight_today(self, exercise_id: str, otherwise: float | None) -> float | None:
        """The weight of the exercise's latest working set today, else `otherwise`."""
        today = [s for s in self.session_sets if s.exercise_id == exercise_id and s.is_working]
        if today:
            return max(today, key=lambda s: (s.logged_at, s.id)).weight_kg
        return otherwise

    def reps_for(self, row: PlanRow) -> int | None:
        """The reps to aim for: a ramp step's, or the target (with a range, one more than
        this set last time, up to the top)."""
        if row.ramp is not None:
            return row.ramp.reps
        if row.planned is None:
            return None
        if row.planned.timed and row.planned.reps_top is None:
            # a fixed hold steps up when every hold of the session met it: the session's aim
            suggestion = self.suggestions.get(row.exercise.id)
            return suggestion.reps if suggestion and suggestion.reps else row.planned.reps
        weight = self.weight_for(row)
        made = self.suggestions.get(row.exercise.id)
        if weight == 0 and made is not None and made.weight_kg == 0 and made.reps:
            return made.reps  # body weight: a rep more is the progression
        if row.planned.rpe is not None and made is not None and made.reps:
            return made.reps  # an RPE target: the weight was worked out for these reps
        basis = row.judged_last if row.excused_last else row.last_time
        changed = basis is None or weight != basis.weight_kg
        return aim_reps(row.planned, basis, changed)

    @cached_property
    def plates(self) -> dict[int, PlanStep]:
        """Each barbell row's plates, as a plate plan per exercise (row index -> step)."""
        if self.inventory is None:
            return {}
        chains: dict[str, list[tuple[int, float]]] = {}  # per exercise: each its own bar
        for index, row in enumerate(self.rows):
            if not row.exercise.uses_bar:
                continue
            weight = row.logged.weight_kg if row.logged is not None else self.weight_for(row)
            if weight:
                chains.setdefault(row.exercise.id, []).append((index, weight))
        steps: dict[int, PlanStep] = {}
        for chain in chains.values():
            kit = kit_for(self.rows[chain[0][0]].exercise, self.inventory)
            planned = plate_plan([kg for _, kg in chain], kit)
            steps.update({index: step for (index, _), step in zip(chain, planned, strict=True)})
        return steps
