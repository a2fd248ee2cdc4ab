"""A hold under way (a wall sit, a plank): a countdown of its target on the steady clock.

It is not a set until it ends: `enter` stops it early and saves the seconds held; at zero it
saves the full target. Nothing of it is on disk meanwhile, so a kill during a hold loses only
the hold, never a set the screen showed as saved.
"""

import math
from typing import NamedTuple

from gymtui.core.models import SetInput
from gymtui.core.rest import RestView


class Hold(NamedTuple):
    """A hold under way: the set it becomes, its name, its target and when it began."""

    entry: SetInput  # weight, kind and side as they will be saved; seconds set at the end
    name: str  # "Wall sit", "Copenhagen plank, left leg"
    target_s: int
    started: float  # on the steady clock

    def remaining(self, at: float) -> float:
        """Seconds left (0 or less once the target is reached)."""
        return self.target_s - (at - self.started)

    def is_over(self, at: float) -> bool:
        """The target is reached."""
        return self.remaining(at) <= 1e-9

    def held_s(self, at: float) -> int:
        """Whole seconds held by `at`, as the countdown shows them: stopped at 0:20 of 0:45,
        25 s (at least 1, at most the target)."""
        shown_left = max(0, math.ceil(self.remaining(at) - 1e-9))
        return max(1, self.target_s - shown_left)

    def finished(self, at: float) -> SetInput:
        """The set it makes when it ends at `at`: one hold of the seconds held."""
        return self.entry._replace(reps=1, seconds=self.held_s(at))


def hold_view(hold: Hold, at: float, after_set_id: int | None) -> RestView:
    """The hold as the Rest screen, the rack view and every status line show it."""
    what = f"{hold.name}: hold {hold.target_s} s, enter when you stop"
    return RestView("hold", hold.remaining(at), float(hold.target_s), what, after_set_id)


def hold_for(entry: SetInput, name: str, target_s: int, at: float) -> Hold:
    """A hold of `target_s` starting at `at` (a side in its name for one leg)."""
    leg = {"L": ", left", "R": ", right"}.get(entry.side or "", "")
    return Hold(entry._replace(seconds=target_s, reps=1), f"{name}{leg}", target_s, at)
