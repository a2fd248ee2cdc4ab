"""The command palette's commands: every shown key, and the settings with their state."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from gymtui.core.settings import ALERT_CHANNELS
from gymtui.ui.host import host_of
from gymtui.ui.settings import (
    SCALE_NAMES,
    begin_block,
    edit_plates,
    other_scale,
    toggle_effort_scale,
    toggle_flag,
    toggle_unit,
)


def key_bindings(app: App[Any], screen: Screen[Any]) -> list[Binding]:
    """The bindings of `screen` and the app that say what they do."""
    return [
        binding
        for binding in [*screen.BINDINGS, *app.BINDINGS]
        if isinstance(binding, Binding) and binding.description
    ]


def gym_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The keys of this screen and the app, then the settings, each showing its state."""
    host = host_of(app)
    for binding in key_bindings(app, screen):
        target = app if binding in app.BINDINGS else screen
        yield SystemCommand(
            binding.tooltip or binding.description,
            f"key: {binding.key_display or binding.key}",
            partial(target.run_action, binding.action),
        )
    settings = host.gym.settings
    unit = settings.unit
    yield SystemCommand(
        f"Units: {unit} (switch to {'lb' if unit == 'kg' else 'kg'})",
        "weights are stored in kg",
        partial(toggle_unit, host),
    )
    yield SystemCommand(
        f"Bar and plates ({unit})…",
        "plates per side, the warm-up ramp; your dumbbells and stack step, which suggestions use",
        partial(edit_plates, app),
    )
    yield SystemCommand(
        "Exercises…",
        "every exercise: edit, rename, merge or delete your own",
        partial(open_exercises, app),
    )
    yield SystemCommand(
        "Edit program…",
        "days, exercises, sets x reps, rules, rest, warm-up, supersets: saved to program.toml",
        partial(open_program, app),
    )
    scale = settings.effort_scale
    yield SystemCommand(
        f"Effort scale: {SCALE_NAMES[scale]} (switch to {SCALE_NAMES[other_scale(scale)]})",
        "the digits after a set: RPE 6 7 8 9 0 (10), or reps in reserve 4 3 2 1 0",
        partial(toggle_effort_scale, host),
    )
    if host.gym.program.block is not None:
        yield SystemCommand(
            "Start a new block",
            "week 1 of the program's block from the week of your next leg day",
            partial(begin_block, host),
        )
    flags = [
        ("rest_autostart", "Rest auto-start", "start the rest when a set is logged"),
        ("warmup_ramp", "Warm-up ramp", "warm-up rows before the first barbell exercise"),
        (
            "readiness_check",
            "Readiness check",
            "sleep and soreness at the first set; -5 % on a poor day",
        ),
    ] + [
        (f"alert_{key}", f"Rest alert {label.lower()}", "when the rest ends")
        for key, label in ALERT_CHANNELS.items()
    ]
    for name, label, help_text in flags:
        on_now = bool(getattr(settings, name))
        yield SystemCommand(
            f"{label}: {'on' if on_now else 'off'} (turn {'off' if on_now else 'on'})",
            help_text,
            partial(toggle_flag, host, name, label),
        )


def open_exercises(app: App[Any]) -> None:
    """The exercise list, over whatever screen is in front."""
    from gymtui.ui.dialogs.exercises import ExercisesDialog

    app.push_screen(ExercisesDialog())


def open_program(app: App[Any]) -> None:
    """The program editor, over whatever screen is in front."""
    from gymtui.ui.dialogs.program import ProgramDialog

    app.push_screen(ProgramDialog())
