"""Holds under way: `gym.holds` starts one from a row of today's plan, stops it (the set it
makes is logged by `Gym.log_set` like any other), cancels it, and says when it is due."""

from __future__ import annotations

from gymtui.core.hold import Hold, hold_for, hold_view
from gymtui.core.models import SetInput
from gymtui.core.prefill import set_prefill
from gymtui.core.rest import Clock, RestView
from gymtui.core.training import PlanRow, TodayView

MAX_TARGET_S = 3600


class Holds:
    """The one hold under way, if any (`gym.holds`): in memory only, never on disk."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.current: Hold | None = None

    def start(self, view: TodayView, row: PlanRow) -> Hold:
        """Start the hold a timed row plans: its target (or the session's aim), the weight
        and the leg the set would be prefilled with (the left first, for one leg)."""
        prefill = set_prefill(view, row, "working")
        target = prefill.reps or (row.planned.reps if row.planned else 0) or 30
        side = prefill.side or ("L" if row.exercise.one_legged else None)
        entry = SetInput(row.exercise.id, prefill.weight_kg or 0.0, 1, side=side)
        self.current = hold_for(
            entry, row.exercise.name, min(target, MAX_TARGET_S), self.clock.elapsed()
        )
        return self.current

    def stop(self) -> SetInput | None:
        """End the hold now: the set of the seconds held (None when no hold runs)."""
        hold, self.current = self.current, None
        return hold.finished(self.clock.elapsed()) if hold is not None else None

    def cancel(self) -> bool:
        """Drop the hold, saving nothing; False when none ran."""
        had, self.current = self.current is not None, None
        return had

    def view(self, after_set_id: int | None) -> RestView | None:
        """The hold as the screens show it in the rest's place; None when none runs."""
        if self.current is None:
            return None
        return hold_view(self.current, self.clock.elapsed(), after_set_id)

    def due(self) -> bool:
        """The hold reached its target: time to save it whole."""
        return self.current is not None and self.current.is_over(self.clock.elapsed())
