"""Progressive overload: the weight (and reps) to aim for today, and why, by the exercise's rule.

The rule comes from the program file (`Progression`): today's default (add the step when every
set met its reps), linear (the same, with a deload after misses in a row), or double
progression over a rep range. Suggested weights are ones the user can load: a multiple their
unit allows, and one their kit makes: plates on the exercise's bar, a dumbbell they have, a
machine's stack (core/equipment.py).
"""

import math
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial

from gymtui.core.effort import steer
from gymtui.core.equipment import cannot_text, fit, fit_down, handled
from gymtui.core.fatigue import fatigued
from gymtui.core.models import Exercise, LoggedSet, PlannedExercise
from gymtui.core.models import Suggestion as Suggestion
from gymtui.core.plates import Inventory
from gymtui.core.rpe import CHART_RPE, HARD_RPE, hardest, on_chart, one_rm_at
from gymtui.core.strength import e1rm, weight_for
from gymtui.core.values import (
    KG_PER_LB,
    MAX_REPS,
    Unit,
    format_e1rm,
    format_weight,
    loadable,
    loadable_down,
)

# The e1RM a suggestion may lean on: the best of the sessions within this of the newest one.
STRENGTH_WINDOW = timedelta(weeks=6)
RECENT_SESSIONS = 6  # sessions read back for it: six weeks of one session a week
# Reps kept in reserve when a weight is worked out from e1RM rather than from the plan's
# own sets (the last session was singles, a ramp, another scheme): about RPE 8.
RESERVE_REPS = 2
# Longer than a break since the exercise was last done, and the weight steps back by its
# share: strength fades slowly, then more (longest first).
BREAKS = (
    (timedelta(weeks=104), 40),
    (timedelta(weeks=26), 30),
    (timedelta(weeks=8), 20),
    (timedelta(weeks=3), 10),
)
LONG_BREAK = BREAKS[-1][0]
# A hold's step: a fixed target that every hold met goes up this much, and a seconds range
# climbs this much a hold (a second more, as a rep more, would be no progress at all).
HOLD_STEP_S = 5


def ordinal(n: int) -> str:
    """`1st`, `2nd`, `3rd`, `4th`, `11th`, `22nd`."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _working(sets: Sequence[LoggedSet]) -> list[LoggedSet]:
    return [s for s in sets if s.is_working]


def met(sets: Sequence[LoggedSet], planned: PlannedExercise | None) -> bool:
    """Every planned set done and at its reps (the top of a range, for double progression)."""
    working = _working(sets)
    if not working:
        return False
    if planned is None:
        return True
    goal = planned.reps_top or planned.reps
    return len(working) >= planned.sets and all(s.amount >= goal for s in working)


def misses_in_a_row(sessions: Sequence[Sequence[LoggedSet]], planned: PlannedExercise) -> int:
    """Sessions in a row, newest first, that missed a target at the newest one's weight."""
    if not sessions or not _working(sessions[0]):
        return 0
    weight = max(s.weight_kg for s in _working(sessions[0]))
    count = 0
    for sets in sessions:
        working = _working(sets)
        if not working or met(sets, planned) or max(s.weight_kg for s in working) != weight:
            break
        count += 1
    return count


def _scheme(sets: int, planned: PlannedExercise | None, reps: int) -> str:
    return f"{planned.sets if planned else sets}×{reps}"


def set_e1rm(logged: LoggedSet) -> float:
    """A working set's e1RM: Epley's from its reps, or, when it carries an RPE and its reps
    are on the chart, what the RPE chart says it implies if that is more (100 kg x 6 at RPE 7
    left three reps in the tank: 137 kg, not Epley's 120). Ratings under the chart's lowest
    RPE count as its lowest, so an RPE 5 earns no more credit than 6.5."""
    base = e1rm(logged.weight_kg, logged.reps)
    if logged.rpe is None or logged.weight_kg <= 0 or not on_chart(logged.reps):
        return base
    return max(base, one_rm_at(logged.weight_kg, logged.reps, max(logged.rpe, CHART_RPE[0])))


def recent_best_e1rm(recent: Sequence[Sequence[LoggedSet]]) -> float:
    """The best e1RM of the working sets in the sessions (newest first) within six weeks of
    the newest one (a rated set's by the RPE chart, set_e1rm); 0 when there are none."""
    newest = [s.logged_at for s in recent[0]] if recent and recent[0] else []
    if not newest:
        return 0.0
    since = max(newest) - STRENGTH_WINDOW
    return max(
        (set_e1rm(s) for sets in recent for s in sets if s.is_working and s.logged_at >= since),
        default=0.0,
    )


def ceiling_kg(best_e1rm: float, reps: int, step_kg: float) -> float:
    """The heaviest weight ever suggested for `reps`: what the recent best e1RM allows for
    them, plus one step."""
    return weight_for(best_e1rm, reps) + max(step_kg, 0.0)


def matches_scheme(last: Sequence[LoggedSet], planned: PlannedExercise) -> bool:
    """Whether the last session was the plan's kind of work: its best set at the top weight
    within a couple of reps of the plan's range (singles or a ramp to a heavy double are not
    fives; forty reps are not a set of eight)."""
    working = _working(last)
    if not working:
        return False
    top = max(s.weight_kg for s in working)
    at_top = [s.reps for s in working if s.weight_kg >= top - 1e-9]
    high = planned.reps_top or planned.reps
    return max(at_top) >= max(1, planned.reps - RESERVE_REPS) and min(at_top) <= high + 2 * (
        RESERVE_REPS + 1
    )


def describe_last(last: Sequence[LoggedSet], unit: Unit) -> str:
    """The last session in a few words: singles to 170 kg, 4 sets of 6 at 100 kg, ..."""
    working = _working(last)
    top = max(s.weight_kg for s in working)
    if top <= 0:
        return ", ".join(str(s.reps) for s in working) + " reps"
    if all(s.reps == 1 for s in working):
        return f"singles to {format_weight(top, unit)}"
    if len({round(s.weight_kg, 3) for s in working}) == 1 and len({s.reps for s in working}) == 1:
        return f"{len(working)}×{working[0].reps} at {format_weight(top, unit)}"
    best = max(s.reps for s in working if s.weight_kg >= top - 1e-9)
    return f"{format_weight(top, unit)} × {best} at the top"


def suggest(
    exercise: Exercise,
    planned: PlannedExercise | None,
    recent: Sequence[Sequence[LoggedSet]],
    unit: Unit = "kg",
    inventory: Inventory | None = None,
    now: datetime | None = None,
    trained_at: datetime | None = None,
) -> Suggestion:
    """Today's weight by the exercise's rule, from its recent sessions (newest first); when
    the plates can't make the rule's weight, the nearest they can, and the reason says so.

    Whatever the rule says, the weight for N reps is never more than the recent best e1RM
    allows for N reps plus one step; a last session of another kind of work (singles, a
    ramp) is worked out from e1RM with reps in reserve; after a long break (`now` given) the
    weight steps back. The last session's RPE moves the rule's step, or sets the weight for an
    RPE target (core/effort.py); fatigue over the last sessions deloads (core/fatigue.py).
    `trained_at`: when the exercise was last done, if later than `recent` says (a deload
    week's session, which the rules do not judge, is still no break)."""
    rounded: list[str] = []
    made = _suggest(exercise, planned, recent, unit, inventory, rounded)
    if made.weight_kg is None or made.weight_kg <= 0 or (planned is not None and planned.timed):
        return made._replace(reason=made.reason + "".join(rounded))  # a hold's load: no e1RM
    if planned is not None:  # the lifter's effort and fatigue: core/effort.py, core/fatigue.py
        coached = _coached(made, exercise, planned, recent, unit, inventory)
        rounded = rounded if coached.weight_kg == made.weight_kg else []
        made = coached
    made = made._replace(reason=made.reason + "".join(rounded))
    newest = max(s.logged_at for s in recent[0])
    if trained_at is not None and trained_at > newest:
        newest = trained_at
    bounded = _bounded(made, exercise, planned, recent, unit, inventory, now, newest)
    if planned is None or (now is not None and now - newest > LONG_BREAK):
        return bounded  # a break has stepped back already
    return _deloaded(bounded, exercise, planned, recent, unit, inventory)


def _coached(
    made: Suggestion,
    exercise: Exercise,
    planned: PlannedExercise,
    recent: Sequence[Sequence[LoggedSet]],
    unit: Unit,
    inventory: Inventory | None,
) -> Suggestion:
    """The rule's suggestion as the last session's RPE moves it; after a deload the lifter
    met, back to the weight before it (not a step up from the deload weight)."""
    last = _working(recent[0])
    before = recent[1:]
    matching = partial(matches_scheme, planned=planned)
    if planned.rpe is None and met(last, planned) and fatigued(before, matching, unit):
        was = max(s.weight_kg for s in _working(before[0]))
        lighter = max(s.weight_kg for s in last) < was - 1e-9
        rated = hardest(last)  # a deload that was hard work is no sign to go back up
        easy = rated is None or (rated.rpe or 0) < HARD_RPE
        if lighter and easy and made.weight_kg is not None and was > made.weight_kg:
            shown = format_weight(was, unit)
            return Suggestion(was, f"deload met last time: back to {shown}", made.reps)
    down = partial(_down, exercise=exercise, unit=unit, inventory=inventory)
    best = recent_best_e1rm(recent)
    reps = made.reps or planned.reps
    most = down(ceiling_kg(best, reps, exercise.increment_kg)) if best > 0 else math.inf
    return steer(made, planned, last, met(last, planned), unit, down, most)


def _deloaded(
    made: Suggestion,
    exercise: Exercise,
    planned: PlannedExercise,
    recent: Sequence[Sequence[LoggedSet]],
    unit: Unit,
    inventory: Inventory | None,
) -> Suggestion:
    """A deload when the newest sessions show fatigue (core/fatigue.py): the deload percent
    off the last top weight, rounded down; never more than the suggestion was."""
    trend = fatigued(recent, partial(matches_scheme, planned=planned), unit)
    if trend is None or made.weight_kg is None:
        return made
    pct = planned.progression.deload_pct
    weight = _down(trend.top_kg * (1 - pct / 100), exercise, unit, inventory)
    if weight >= made.weight_kg - 1e-9 or weight <= 0:
        return made
    return Suggestion(weight, f"{trend.why}: deload to {format_weight(weight, unit)}", made.reps)


def _bounded(
    made: Suggestion,
    exercise: Exercise,
    planned: PlannedExercise | None,
    recent: Sequence[Sequence[LoggedSet]],
    unit: Unit,
    inventory: Inventory | None,
    now: datetime | None,
    newest: datetime,
) -> Suggestion:
    """The rule's suggestion held under the e1RM ceiling, and stepped back after a break."""
    assert made.weight_kg is not None
    last = _working(recent[0])
    best = recent_best_e1rm(recent)
    reps = _reps_for(made, planned, last)

    def down(kg: float) -> float:
        return _down(kg, exercise, unit, inventory)

    def shown(kg: float) -> str:
        return format_weight(kg, unit)

    weight, reason, aim = made.weight_kg, made.reason, made.reps
    if best > 0 and planned is not None and not matches_scheme(last, planned):
        reps = aim = planned.reps  # another kind of work: start the plan (its range) at the bottom
        weight = down(weight_for(best, reps + RESERVE_REPS))
        reason = (
            f"last time {describe_last(last, unit)}; {planned.sets}×{reps} from e1RM "
            f"{format_e1rm(best, unit)}: {shown(weight)}"
        )
    elif best > 0:
        ceiling = ceiling_kg(best, reps, exercise.increment_kg)
        if weight > ceiling + 1e-9:
            rule, _, rest = reason.partition(":")
            plates = rest[rest.index(" (") :] if " (" in rest else ""
            reason = (
                f"{rule}: e1RM {format_e1rm(best, unit)} caps {reps} reps at "
                f"{shown(down(ceiling))}{plates}"
            )
            weight = down(ceiling)
    away = now - newest if now is not None else timedelta(0)
    back = next((pct for gap, pct in BREAKS if away > gap), 0)
    if back:
        base, weight = weight, down(weight * (1 - back / 100))
        reason = (
            f"{time_away(away)} since last time: {back}% back from {shown(base)} to {shown(weight)}"
        )
    return Suggestion(weight, reason, aim)


def step_down(kg: float, step_kg: float, unit: Unit) -> float:
    """`kg` rounded down to the exercise's step (in lb, the nearest 5 lb multiple of it)."""
    if unit == "lb":
        step = max(5, round(step_kg / KG_PER_LB / 5) * 5)
        return math.floor(kg / KG_PER_LB / step + 1e-9) * step * KG_PER_LB
    return math.floor(kg / step_kg + 1e-9) * step_kg


def time_away(away: timedelta) -> str:
    """`5 weeks`, `4 months`, `8 years`: how long an exercise was left alone."""
    days = away.days
    if days < 8 * 7:
        return f"{days // 7} weeks"
    if days < 2 * 365:
        return f"{round(days / 30.44)} months"
    return f"{days // 365} years"


def _reps_for(made: Suggestion, planned: PlannedExercise | None, last: list[LoggedSet]) -> int:
    """The reps a suggested weight is for: what it aims for (a rep more than last time while
    the weight stays in a range), else the plan's, else as many as last time."""
    if planned is None:
        return max(s.reps for s in last)
    return made.reps if made.reps is not None else planned.reps


def _down(kg: float, exercise: Exercise, unit: Unit, inventory: Inventory | None) -> float:
    """The heaviest weight at or under `kg` that can be loaded: on the exercise's kit (its
    bar's plates, your dumbbells, the machine's stack), else in its own steps (a cable, or a
    machine with no kit known), else a weight a bar can carry."""
    if inventory is not None and handled(exercise, inventory, unit):
        return fit_down(kg, exercise, inventory)
    if not exercise.uses_bar and exercise.increment_kg > 0:
        return step_down(kg, exercise.increment_kg, unit)
    return loadable_down(kg, unit)


def _suggest(
    exercise: Exercise,
    planned: PlannedExercise | None,
    recent: Sequence[Sequence[LoggedSet]],
    unit: Unit,
    inventory: Inventory | None,
    rounded: list[str],
) -> Suggestion:
    last = _working(recent[0]) if recent else []
    low = planned.reps if planned else None
    if not last:
        if planned is not None and planned.timed:
            return Suggestion(None, f"no history yet: hold {planned.reps_text}", low)
        return Suggestion(None, "no history yet, so type the weight you will lift", low)
    top = max(s.weight_kg for s in last)
    rule = planned.progression if planned else None
    kind = rule.kind if rule else "default"

    def at(kg: float, *, up: bool = False) -> float:
        fitted = loadable(kg, unit)
        if inventory is not None and handled(exercise, inventory, unit):
            made = fit(fitted, exercise, inventory, up=up)
            if abs(made - fitted) > 1e-6 and not rounded:
                rounded[:] = [f" ({shown(fitted)} {cannot_text(exercise)})"]
            fitted = made
        return fitted

    def added() -> float:
        """The step added, on plates that can make it (never less than a real increase)."""
        for times in range(1, 9):
            weight = at(top + exercise.increment_kg * times, up=True)
            if weight > top + 1e-9:
                return weight
        return at(top)  # nothing heavier on the kit (past the heaviest dumbbell)

    def more(weight: float) -> str:
        return f"+{shown(weight - top)}" if weight > top + 1e-9 else "nothing heavier to load"

    def shown(kg: float) -> str:
        return format_weight(kg, unit) if kg > 0 else "body weight"

    if planned is None:  # no plan, no target to have met: what it was, to match or beat
        if all(s.is_hold for s in last):
            held = ", ".join(str(s.amount) for s in last)
            return Suggestion(at(top), f"no plan for it: last time {held} s")
        return Suggestion(at(top), f"no plan for it: last time {describe_last(last, unit)}")
    can_add = exercise.increment_kg > 0 and top > 0
    if planned.timed:
        return _suggest_hold(planned, last, at(top) if top > 0 else top, can_add, added, shown)
    if planned is not None and planned.reps_top is not None:  # double progression
        range_text = planned.reps_text
        if met(last, planned):
            if not can_add:
                return Suggestion(at(top), f"all sets at {planned.reps_top}: add reps or load")
            weight = added()
            return Suggestion(
                weight,
                f"all {_scheme(len(last), planned, planned.reps_top)} reached last time: "
                f"{more(weight)}, back to {planned.reps} reps",
                planned.reps,
            )
        reps = ", ".join(str(s.reps) for s in last)
        return Suggestion(
            at(top),
            f"{reps} last time ({range_text}): same weight, a rep more a set",
            # what a set with no history of its own aims for: a rep more, as the tip says,
            # not the range's bottom (8 last time in 10-12 is 9 now, not 10 at that weight)
            min(planned.reps_top, max(s.reps for s in last) + 1),
        )
    goal = planned.reps if planned else max(s.reps for s in last)
    if met(last, planned):
        scheme = f"all {_scheme(len(last), planned, goal)} met last time"
        if not can_add and top <= 0:  # body weight, nothing to load: the step is a rep
            aim = min(MAX_REPS, max(s.reps for s in last) + 1)
            return Suggestion(0.0, f"{scheme}: a rep more a set, {aim}", aim)
        if not can_add:
            return Suggestion(at(top), f"{scheme}: add reps or load", low)
        weight = added()
        return Suggestion(weight, f"{scheme}: {more(weight)}", low)
    if kind == "linear" and rule is not None and planned is not None:
        misses = misses_in_a_row(recent, planned)
        if misses >= rule.deload_after and top > 0:
            weight = at(top * (1 - rule.deload_pct / 100))
            return Suggestion(
                weight,
                f"{ordinal(misses)} miss: deload {rule.deload_pct:g}% to {shown(weight)}",
                low,
            )
        again = at(top)
        return Suggestion(again, f"{ordinal(max(misses, 1))} miss: repeat {shown(again)}", low)
    again = at(top)
    return Suggestion(again, f"not every set hit {goal} last time: repeat {shown(again)}", low)


def hold_aim(target_s: int, held_s: Sequence[int], sets: int) -> int:
    """The seconds a fixed hold target aims for today: the target until every planned hold
    reached it, then HOLD_STEP_S past the shortest hold, in steps from the target (held 45,
    45, 47 of 45: 50; then 50, 50, 48: 50 again; 50, 52, 50: 55)."""
    if len(held_s) < sets or not held_s or min(held_s) < target_s:
        return target_s
    return target_s + HOLD_STEP_S * ((min(held_s) - target_s) // HOLD_STEP_S + 1)


def _suggest_hold(
    planned: PlannedExercise,
    last: list[LoggedSet],
    weight: float,
    can_add: bool,
    added: Callable[[], float],
    shown: Callable[[float], str],
) -> Suggestion:
    """A hold's rule: seconds move as reps do (a range climbs HOLD_STEP_S a hold, then the
    load goes up; a fixed target steps up HOLD_STEP_S once every hold met it)."""
    held = [s.amount for s in last]
    text = ", ".join(str(h) for h in held) + " s"
    if planned.reps_top is not None:
        if met(last, planned):
            if not can_add:
                return Suggestion(
                    weight, f"all holds at {planned.reps_top} s: add load, or a harder hold"
                )
            heavier = added()
            return Suggestion(
                heavier,
                f"all holds reached {planned.reps_top} s: +{shown(heavier - weight)}, "
                f"back to {planned.reps} s",
                planned.reps,
            )
        aim = min(planned.reps_top, max(held) + HOLD_STEP_S)
        return Suggestion(
            weight, f"{text} last time ({planned.reps_text}): {HOLD_STEP_S} s more a hold", aim
        )
    aim = hold_aim(planned.reps, held, planned.sets)
    if aim > planned.reps:
        return Suggestion(
            weight, f"all {planned.sets} holds met last time ({text}): hold {aim} s", aim
        )
    return Suggestion(
        weight, f"not every hold reached {planned.reps} s last time: {planned.reps} s again", aim
    )


def aim_reps(planned: PlannedExercise, last_time: LoggedSet | None, weight_changed: bool) -> int:
    """The reps to aim for on one set: the target, or with a range one more than this set's
    last time (up to the top; back to the bottom when the weight went up). A hold's range
    climbs HOLD_STEP_S seconds a hold instead."""
    if planned.reps_top is None or last_time is None or weight_changed:
        return planned.reps
    step = HOLD_STEP_S if planned.timed else 1
    return max(planned.reps, min(planned.reps_top, last_time.amount + step))


def heaviest_loadable(
    kg: float, exercise: Exercise, unit: Unit, inventory: Inventory | None
) -> float:
    """The heaviest weight at or under `kg` that can be loaded for this exercise."""
    return _down(kg, exercise, unit, inventory)
