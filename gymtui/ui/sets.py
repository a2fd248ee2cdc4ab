"""Logging a set, from Today or Rest: the write, then "Saved" and any PR, in toasts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gymtui.core.metrics import beaten_text
from gymtui.core.models import SetInput
from gymtui.core.values import format_set
from gymtui.ui.text import shown
from gymtui.ui.writes import Written, write

if TYPE_CHECKING:
    from gymtui.gym import Logged
    from gymtui.ui.host import GymHost


def log_set(host: GymHost, entry: SetInput) -> Written[Logged]:
    """Log a set; say "Saved" only once it is on disk (the rest starts with it), and a PR."""
    gym = host.gym
    written = write(host, lambda: gym.log_set(entry), "the set was not saved; log it again")
    if written.saved:
        logged = written.value
        done = logged.set
        kind = " (warm-up)" if done.kind == "warmup" else ""
        what = format_set(done.weight_kg, done.reps, gym.settings.unit, seconds=done.seconds)
        host.notify(shown(f"Saved: {logged.exercise.name} {what}{kind}"), markup=False)
        if logged.back_in_plan:
            back = f"{logged.exercise.name} is back in today's plan (k skips it again)"
            host.notify(shown(back), markup=False)
        if logged.records:
            text = beaten_text(logged.records, gym.settings.unit)
            host.notify(text, title=f"★ {shown(logged.exercise.name)}", timeout=10, markup=False)
    return written
