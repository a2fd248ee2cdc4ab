"""The next set: the line that says it (Rest, the status line) and what the set dialog
opens with for a row of today's plan (its weight, reps or a hold's seconds, and title)."""

from typing import NamedTuple

from gymtui.core.equipment import fit, handled, load_text
from gymtui.core.models import SetKind, Side
from gymtui.core.training import PlanRow, TodayView
from gymtui.core.values import Unit, format_set, loadable


def next_up_text(view: TodayView, unit: Unit) -> str:
    """`Set 2 of 4 - Back squat 100 kg x 6`: the next set, with its prefilled weight."""
    row = view.next_row
    if row is None or (row.planned is None and row.ramp is None):
        if view.session is None:
            return ""
        return "All planned sets done: finish the session with f on Today"
    prefill = set_prefill(view, row, "warmup" if row.ramp else "working")
    reps = prefill.reps or (row.planned.reps if row.planned else 0)
    held = reps if row.timed else None
    what = (
        f" {format_set(prefill.weight_kg, reps, unit, seconds=held)}"
        if prefill.weight_kg is not None
        else (f" {reps} s" if held else f" × {reps}")
    )
    leg = {"L": ", left leg", "R": ", right leg"}.get(prefill.side or "", "")
    if row.ramp is not None:
        return f"Warm-up {row.ramp.number} of {row.ramp.of} - {row.exercise.name}{what}"
    assert row.planned is not None
    return f"Set {row.slot} of {row.planned.sets} - {row.exercise.name}{leg}{what}"


def next_plates_text(view: TodayView) -> str:
    """The plates for the next set and the change from the set before: `25 + 15 a side
    (+2.5 each side)`; off a bar, how it is loaded (`Dumbbells 22 kg in each hand`)."""
    if view.next_index is None:
        return ""
    step = view.plates.get(view.next_index)
    if step is None:
        row = view.rows[view.next_index]
        weight = row.logged.weight_kg if row.logged is not None else view.weight_for(row)
        return load_text(row.exercise, weight or 0.0, view.inventory)
    change = f" ({step.change_text()})" if step.changes else ""
    return step.loading.text() + change


class SetPrefill(NamedTuple):
    """What the set dialog opens with for a row: weight, reps and a title."""

    weight_kg: float | None
    reps: int | None
    title: str
    side: Side | None = None


WARMUP_FRACTION = 0.5
WARMUP_REPS = 8


def set_prefill(view: TodayView, row: PlanRow, kind: SetKind, *, extra: bool = False) -> SetPrefill:
    """A ramp step as generated; the set before it today, else the suggestion; a warm-up of
    your own is half that for 8 reps."""
    ex = row.exercise
    half = row.missing_side
    if half is not None and row.logged is not None and kind != "warmup":
        side = "left" if half == "L" else "right"
        # a hold: its target (out of the plan, the first leg's seconds)
        aim = (view.reps_for(row) or row.logged.amount) if row.timed else row.logged.reps
        return SetPrefill(row.logged.weight_kg, aim, f"{ex.name} · {side} leg", half)
    if row.ramp is not None and row.logged is None:
        made = row.ramp
        return SetPrefill(
            made.weight_kg,
            made.reps,
            f"{ex.name} · warm-up {made.number} of {made.of} ({made.step.text})",
        )
    if row.slot is not None and row.logged is None and kind != "warmup" and not extra:
        # a set fills the exercise's first open slot, whichever row enter was on (a later
        # one, a skipped one): ask for that set, with its target
        row = next(
            (r for r in view.rows if r.exercise.id == ex.id and r.slot and r.logged is None), row
        )
    weight = view.weight_for(row)
    reps = view.reps_for(row)
    if kind == "warmup":
        step = ex.increment_kg or 2.5
        half_way = round((weight or 0) * WARMUP_FRACTION / step) * step
        weight = loadable(half_way, view.unit) if weight else None
        if weight and view.inventory is not None and handled(ex, view.inventory, view.unit):
            weight = fit(weight, ex, view.inventory)  # a dumbbell you have, on the stack
        easy = max(1, (reps or 0) // 2) if row.timed else WARMUP_REPS  # a hold: half of it
        return SetPrefill(weight, easy, f"{ex.name} · warm-up set")
    if row.slot is not None and row.planned is not None and not extra:
        return SetPrefill(
            weight,
            reps,
            f"{ex.name} · set {row.slot} of {row.planned.sets} · target {row.planned.reps_text}",
        )
    done = [s for s in view.session_sets if s.exercise_id == ex.id and s.is_working]
    if reps is None:  # off the plan: as the set before (today's, else last time's)
        before = done or [s for s in view.last_sets(ex.id) if s.is_working]
        # (a hold's seconds: what its dialog asks for)
        reps = max(before, key=lambda s: (s.logged_at, s.id)).amount if before else None
    return SetPrefill(weight, reps, f"{ex.name} · extra set {len(done) + 1}")
