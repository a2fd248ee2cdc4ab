"""Holds from the keys: `enter` on a timed row starts the countdown on Rest (and the rack
view), `enter` again stops it and saves the seconds held, `s` cancels it; at zero the tick
saves the full hold with the rest-over alert, and the rest after it starts as after any set.

Why save at zero rather than count on: Hevy's timed sets end themselves at their target
and start the rest timer, and in a plank or a wall sit there is no hand free for a key.
A hold held past the target is `e` on Today afterwards (the set dialog asks for seconds).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gymtui.core.training import PlanRow
from gymtui.ui.sets import log_set
from gymtui.ui.text import shown

if TYPE_CHECKING:
    from textual.screen import Screen

    from gymtui.ui.host import GymHost


def start_hold(host: GymHost, screen: Screen[None], row: PlanRow) -> None:
    """Start the hold a timed row plans and show its countdown on the Rest screen (the rack
    view stays the rack view)."""
    gym = host.gym
    hold = gym.holds.start(gym.today(), row)
    if screen.app.current_mode not in ("rest", "rack"):
        screen.app.switch_mode("rest")
    host.notify(
        shown(f"Hold {hold.target_s} s: {hold.name}. enter when you stop, s cancels"),
        markup=False,
        timeout=4,
    )
    host.tick()


def stop_hold(host: GymHost) -> bool:
    """Stop the hold now and save the seconds held (the rest starts); False when none ran."""
    entry = host.gym.holds.stop()
    if entry is None:
        return False
    log_set(host, entry)
    return True


def cancel_hold(host: GymHost) -> bool:
    """Drop the hold with nothing saved; False when none ran."""
    if not host.gym.holds.cancel():
        return False
    host.notify("Hold cancelled: nothing was saved.", timeout=4)
    host.tick()
    return True


def finish_due_hold(host: GymHost, alert: Callable[[str, str], None]) -> bool:
    """At the tick: a hold that reached its target is saved whole, with the rest-over alert
    (`alert(title, body)`); True when one was."""
    gym = host.gym
    hold = gym.holds.current
    if hold is None or not gym.holds.due():
        return False
    alert("Hold done", f"{hold.name}: {hold.target_s} s held")
    stop_hold(host)
    return True
