"""Settings changed from the UI (the palette, `u` on Today): each one write, said in a toast."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gymtui.core.effort_scale import EFFORT_HINT, EffortScale
from gymtui.ui.host import host_of
from gymtui.ui.text import shown
from gymtui.ui.writes import write

if TYPE_CHECKING:
    from textual.app import App

    from gymtui.ui.dialogs.plates import Kit
    from gymtui.ui.host import GymHost


def toggle_unit(host: GymHost) -> None:
    """Switch between kg and lb."""
    new = "kg" if host.gym.settings.unit == "lb" else "lb"
    if write(host, lambda: host.gym.update_settings(unit=new)).saved:
        host.notify(f"Weights now shown in {new}.")


SCALE_NAMES: dict[EffortScale, str] = {"rpe": "RPE", "rir": "reps in reserve"}


def other_scale(scale: EffortScale) -> EffortScale:
    """The effort scale that is not `scale`."""
    return "rir" if scale == "rpe" else "rpe"


def toggle_effort_scale(host: GymHost) -> None:
    """Switch the digits after a set between RPE and reps in reserve."""
    new = other_scale(host.gym.settings.effort_scale)
    if write(host, lambda: host.gym.update_settings(effort_scale=new)).saved:
        hint = EFFORT_HINT[new]
        host.notify(f"Effort scale: {SCALE_NAMES[new]}. {hint[:1].upper()}{hint[1:]}.")


def toggle_flag(host: GymHost, name: str, label: str) -> None:
    """Turn an on/off setting over and say what it is now (the ramp's rows come and go)."""
    new = not getattr(host.gym.settings, name)
    if write(host, lambda: host.gym.update_settings(**{name: new})).saved:
        host.notify(f"{label}: {'on' if new else 'off'}")


def begin_block(host: GymHost) -> None:
    """Start a new block of the program's `[block]`: week 1 from the next leg day's week."""
    done = write(host, host.gym.coach.begin_block)
    if done.saved:
        week = done.value.block
        host.notify(f"New block: {week.text() if week else 'from your next leg day'}.")


def edit_plates(app: App[None]) -> None:
    """Set the bar, plates and collars for the unit in use."""
    from gymtui.ui.dialogs.plates import PlatesDialog

    host = host_of(app)

    def done(kit: Kit | None) -> None:
        if kit is None:
            return
        u = kit.unit
        changes = {
            f"bar_{u}": kit.bar,
            f"plates_{u}": kit.plates,
            f"collar_{u}": kit.collar,
            f"dumbbells_{u}": kit.dumbbells,
            f"stack_step_{u}": kit.stack_step,
        }
        if write(host, lambda: host.gym.update_settings(**changes)).saved:
            host.notify(
                f"Bar and plates saved: {kit.plates} on a {kit.bar:g} {u} bar; dumbbells "
                f"{kit.dumbbells}; stacks in {kit.stack_step:g} {u} steps."
            )

    app.push_screen(PlatesDialog(host.gym.settings.inventory()), done)


def unreadable_notice(host: GymHost, theme_refused: bool) -> None:
    """Stored settings that could not be read are their defaults (a theme Textual refused,
    too): say so, once, at start."""
    settings = host.gym.settings
    unreadable = [f"{name} = {text[:20]!r}" for name, text in settings.unreadable]
    if theme_refused and settings.theme:
        unreadable.append(f"theme = {settings.theme[:20]!r}")
    if not unreadable:
        return
    one = len(unreadable) == 1
    host.notify(
        shown(
            f"Could not read the stored setting{'' if one else 's'} "
            + ", ".join(unreadable)
            + (": its default is used" if one else ": their defaults are used")
            + " until set again."
        ),
        title="Settings",
        severity="warning",
        timeout=20,
        markup=False,
    )
