"""The rest's keys that work wherever the rest is in sight (Rest, the rack view and Today):
space pauses, resumes or starts it, + and - move it by 15 s."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from gymtui.ui.host import GymHost
from gymtui.ui.writes import write

REST_KEYS: list[BindingType] = [
    Binding(
        "space", "pause", "Pause", tooltip="Pause or resume the rest (none running: start one)"
    ),
    Binding("plus,equals_sign", "adjust(1)", "15s", key_display="+", tooltip="Add 15 seconds"),
    Binding("minus", "adjust(-1)", "15s", key_display="-", tooltip="Take away 15 seconds"),
]
REST_ACTIONS = ("pause", "adjust(1)", "adjust(-1)")  # the footer's order for them


def pause_or_start(host: GymHost) -> None:
    """Pause or resume the rest; with none running, start one after the last set."""
    gym = host.gym
    if gym.holds.current is not None:  # holding: the rest is not the lifter's to move now
        return
    if gym.timer.state == "idle":
        started = write(host, gym.rest_start)
        if started.saved and not started.value:
            host.notify("Log a set first: the rest follows a set.", severity="warning")
    else:
        write(host, gym.rest_toggle_pause)


def adjust(host: GymHost, sign: int) -> None:
    """Add (sign 1) or take away (-1) 15 s (not during a hold)."""
    if host.gym.holds.current is None:
        write(host, lambda: host.gym.rest_adjust(sign))


def rest_key_label(action: str, state: str, *, idle: str | bool) -> str | bool | None:
    """What the footer shows for a rest key while the rest is in `state` (running, paused,
    over, idle): space says what it does, +/- show only while a rest runs. `idle` is space's
    label with no rest (False: left out). None for any other action."""
    if action == "pause":  # over, space does nothing: the next set is what's due
        return {"running": "Pause", "paused": "Resume", "idle": idle}.get(state, False)
    if action.startswith("adjust("):
        return state in ("running", "paused")
    return None
