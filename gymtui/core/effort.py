"""RPE moves the weights: the effort logged last time turns the rule's step into a repeat or
into more, and an RPE target works the weight out from the RPE chart (core/rpe.py).

Which RPE counts: the hardest-rated working set at the last session's top weight (rpe.hardest).
Every result is still held under the e1RM ceiling by progression.suggest afterwards.
"""

from collections.abc import Callable, Sequence

from gymtui.core.models import LoggedSet, PlannedExercise, Suggestion
from gymtui.core.rpe import (
    CHART_REPS,
    CHART_RPE,
    EASY_RPE,
    HARD_RPE,
    STEER_RPE,
    hardest,
    on_chart,
    one_rm_at,
    weight_at,
)
from gymtui.core.values import Unit, format_e1rm, format_weight

LOG_RPE = "log RPE to steer by it"
RATE_TOP = "rate the top set to steer by it"  # only a lighter set (a back-off) was rated


def steer(
    made: Suggestion,
    planned: PlannedExercise,
    last: Sequence[LoggedSet],
    met_all: bool,
    unit: Unit,
    down: Callable[[float], float],
    most: float,
) -> Suggestion:
    """The rule's suggestion (`made`, a load) as the last session's RPE changes it: an RPE
    target, by the chart; every target met at RPE 9.5-10, no more than a repeat; met at RPE 7
    or under, at least the step, or what the chart gives at RPE 8 when that is more. RPE 7.5-9
    or none: the rule's suggestion as it was. `most`: the e1RM ceiling (loadable), which the
    chart's extra never passes."""
    assert made.weight_kg is not None
    rated = hardest(last)
    if planned.rpe is not None:
        return _target(made, planned, rated, unit, down, last)
    if rated is None or rated.rpe is None or not met_all:
        return made
    rpe, top = rated.rpe, max(s.weight_kg for s in last if s.is_working)
    goal = planned.reps_top or planned.reps
    scheme = f"all {planned.sets}×{goal} {'reached' if planned.reps_top else 'met'} at RPE {rpe:g}"
    if made.weight_kg <= top + 1e-9:
        return made  # the rule adds nothing (nothing to add, nothing heavier): as it said
    if rpe >= HARD_RPE:
        # a repeat at the top of a range stays at its top reps (no rep left to climb back)
        return Suggestion(
            top, f"{scheme}: repeat {format_weight(top, unit)}", planned.reps_top or made.reps
        )
    if rpe > EASY_RPE:
        return made
    reps = made.reps or planned.reps
    chart = 0.0
    if on_chart(rated.reps) and on_chart(reps):
        chart = down(weight_at(one_rm_at(rated.weight_kg, rated.reps, rpe), reps, STEER_RPE))
        chart = min(chart, most)
    weight = max(made.weight_kg, chart)
    how = f" (RPE {STEER_RPE:g} by the chart)" if chart > made.weight_kg + 1e-9 else ""
    return Suggestion(weight, f"{scheme}: +{format_weight(weight - top, unit)}{how}", made.reps)


def _target(
    made: Suggestion,
    planned: PlannedExercise,
    rated: LoggedSet | None,
    unit: Unit,
    down: Callable[[float], float],
    last: Sequence[LoggedSet] = (),
) -> Suggestion:
    """An RPE target's weight: the chart's share for the reps at the target RPE of the e1RM
    the rated set implies, rounded down to a loadable weight."""
    assert planned.rpe is not None
    if rated is None or rated.rpe is None:
        some = any(s.rpe is not None for s in last if s.is_working)
        return made._replace(reason=f"{made.reason}; {RATE_TOP if some else LOG_RPE}")
    # the plan's reps (a range's bottom): hitting them at the target RPE keeps the weight,
    # more reps at it raise the e1RM and the weight with it (aiming a rep more a set, as
    # double progression does, would lighten the bar each time the target was met)
    reps = planned.reps
    if not on_chart(rated.reps) or not on_chart(reps):
        return made._replace(reason=f"{made.reason}; the RPE chart stops at {CHART_REPS} reps")
    one_rm = one_rm_at(rated.weight_kg, rated.reps, rated.rpe)
    weight = down(weight_at(one_rm, reps, planned.rpe))
    if weight <= 0:
        return made
    return Suggestion(
        weight,
        f"e1RM {format_e1rm(one_rm, unit)} from {format_weight(rated.weight_kg, unit)}×"
        f"{rated.reps} @{rated.rpe:g}; {reps} @ RPE {planned.rpe:g}: {format_weight(weight, unit)}",
        reps,
    )


def effort_problem(key: str, value: float, sets: int, timed: bool) -> str | None:
    """What is wrong with a program entry's `rpe` (a target, 6.5 to 10 in half steps: the
    chart's range) or `backoff_pct` (50 to 99: set 1 the top set, the others that percent of
    it), if anything."""
    if timed:
        return f"a hold has no '{key}': it is for sets of reps"
    if key == "rpe" and not (CHART_RPE[0] <= value <= CHART_RPE[1] and (value * 2).is_integer()):
        return f"'rpe' must be from 6.5 to 10 in half steps (like 8 or 8.5), not {value:g}"
    if key == "backoff_pct" and not 50 <= value < 100:
        return f"'backoff_pct' must be from 50 to 99 (percent of the top set), not {value:g}"
    if key == "backoff_pct" and sets < 2:
        return "'backoff_pct' needs 2 sets or more: set 1 is the top set, the others back off"
    return None
