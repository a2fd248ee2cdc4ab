"""Progressive overload: the weight (and reps) to aim for today, and why, by the exercise's rule.

The rule comes from the program file (`Progression`): today's default (add the step when every
set met its reps), linear (the same, with a deload after misses in a row), or double
progression over a rep range. Suggested weights are ones the user can load: a multiple their
unit allows, and for a barbell one their plates make.
"""

from collections.abc import Sequence
from typing import NamedTuple

from gymtui.core.models import Exercise, LoggedSet, PlannedExercise
from gymtui.core.plates import Inventory, nearest_kg
from gymtui.core.values import Unit, format_weight, loadable


class Suggestion(NamedTuple):
    """The weight to try today, the reps to aim for, and why (the tip line says it)."""

    weight_kg: float | None
    reason: str
    reps: int | None = None  # what to aim for on a set with no history of its own


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
    return len(working) >= planned.sets and all(s.reps >= goal for s in working)


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


def suggest(
    exercise: Exercise,
    planned: PlannedExercise | None,
    recent: Sequence[Sequence[LoggedSet]],
    unit: Unit = "kg",
    inventory: Inventory | None = None,
) -> Suggestion:
    """Today's weight by the exercise's rule, from its recent sessions (newest first); when
    the plates can't make the rule's weight, the nearest they can, and the reason says so."""
    rounded: list[str] = []
    made = _suggest(exercise, planned, recent, unit, inventory, rounded)
    if not rounded:
        return made
    return Suggestion(made.weight_kg, made.reason + rounded[0], made.reps)


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
        return Suggestion(None, "no history yet, so type the weight you will lift", low)
    top = max(s.weight_kg for s in last)
    rule = planned.progression if planned else None
    kind = rule.kind if rule else "default"

    def at(kg: float, *, up: bool = False) -> float:
        fitted = loadable(kg, unit)
        if inventory is not None and exercise.uses_bar and inventory.unit == unit:
            on_plates = nearest_kg(fitted, inventory, up=up)
            if abs(on_plates - fitted) > 1e-6 and not rounded:
                rounded[:] = [f" ({shown(fitted)} can't be loaded on your plates)"]
            fitted = on_plates
        return fitted

    def added() -> float:
        """The step added, on plates that can make it (never less than a real increase)."""
        for times in range(1, 9):
            weight = at(top + exercise.increment_kg * times, up=True)
            if weight > top + 1e-9:
                return weight
        return top

    def shown(kg: float) -> str:
        return format_weight(kg, unit)

    can_add = exercise.increment_kg > 0 and top > 0
    if planned is not None and planned.reps_top is not None:  # double progression
        range_text = planned.reps_text
        if met(last, planned):
            if not can_add:
                return Suggestion(at(top), f"all sets at {planned.reps_top}: add reps or load")
            weight = added()
            return Suggestion(
                weight,
                f"all {_scheme(len(last), planned, planned.reps_top)} reached last time: "
                f"+{shown(weight - top)}, back to {planned.reps} reps",
                planned.reps,
            )
        reps = ", ".join(str(s.reps) for s in last)
        return Suggestion(
            at(top),
            f"{reps} last time ({range_text}): same weight, a rep more a set",
            planned.reps,
        )
    goal = planned.reps if planned else max(s.reps for s in last)
    if met(last, planned):
        scheme = f"all {_scheme(len(last), planned, goal)} met last time"
        if not can_add:
            return Suggestion(at(top), f"{scheme}: add reps or load", low)
        weight = added()
        return Suggestion(weight, f"{scheme}: +{shown(weight - top)}", low)
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


def aim_reps(planned: PlannedExercise, last_time: LoggedSet | None, weight_changed: bool) -> int:
    """The reps to aim for on one set: the target, or with a range one more than this set's
    last time (up to the top; back to the bottom when the weight went up)."""
    if planned.reps_top is None or last_time is None or weight_changed:
        return planned.reps
    return max(planned.reps, min(planned.reps_top, last_time.reps + 1))
