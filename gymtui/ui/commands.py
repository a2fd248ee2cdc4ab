"""The command palette's commands: every shown key, and the settings with their state."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from gymtui.core.settings import ALERT_CHANNELS

if TYPE_CHECKING:
    from gymtui.ui.app import GymApp


def gym_commands(app: GymApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """The keys of this screen and the app, then the settings, each showing its state."""
    for binding in app.key_bindings(screen):
        target = app if binding in app.BINDINGS else screen
        yield SystemCommand(
            binding.tooltip or binding.description,
            f"key: {binding.key_display or binding.key}",
            partial(target.run_action, binding.action),
        )
    settings = app.gym.settings
    unit = settings.unit
    yield SystemCommand(
        f"Units: {unit} (switch to {'lb' if unit == 'kg' else 'kg'})",
        "weights are stored in kg",
        app.toggle_unit,
    )
    yield SystemCommand(
        f"Bar and plates ({unit})…",
        "for plates per side, the warm-up ramp and rounding suggestions",
        partial(edit_plates, app),
    )
    yield SystemCommand(
        "Exercises…",
        "every exercise: edit, rename, merge or delete your own",
        partial(open_exercises, app),
    )
    flags = [
        ("rest_autostart", "Rest auto-start", "start the rest when a set is logged"),
        ("warmup_ramp", "Warm-up ramp", "warm-up rows before the first barbell exercise"),
    ] + [
        (f"alert_{key}", f"Rest alert {label.lower()}", "when the rest ends")
        for key, label in ALERT_CHANNELS.items()
    ]
    for name, label, help_text in flags:
        on_now = bool(getattr(settings, name))
        yield SystemCommand(
            f"{label}: {'on' if on_now else 'off'} (turn {'off' if on_now else 'on'})",
            help_text,
            partial(app.toggle_flag, name, label),
        )


EDIT_EXERCISE_KEYS = [
    ("enter", "Save (from any field)"),
    ("tab", "Next field (shift+tab: back)"),
    ("q h g c", "In Muscles: quadriceps, hamstrings, glutes, calves on or off"),
    ("c l", "In Stabilisers: core, lower back on or off"),
    ("y n", "In Barbell and Per leg: yes, no"),
    ("esc", "Cancel: nothing is saved"),
]
SET_DIALOG_KEYS = [
    ("enter", "Save the set (from any field)"),
    ("tab", "Next field (shift+tab: back)"),
    ("k w d f", "In Kind: working, warm-up, drop, failure"),
    ("b l r", "In Side: both legs, left, right"),
    ("ctrl+u", "Clear the field"),
    ("esc", "Cancel: nothing is saved"),
]
ANYWHERE_EXTRA = [("ctrl+p", "Command palette: settings, theme, screenshot"), ("↑ ↓", "Move")]


def key_text(binding: Binding) -> str:
    """How a binding's keys are written in the help: `esc, q`, `+`, `?`."""
    if binding.key_display:
        return binding.key_display
    names = {"escape": "esc", "question_mark": "?", "equals_sign": "=", "delete": "del"}
    return ", ".join(names.get(k, k) for k in binding.key.split(","))


def rows_of(bindings: Iterable[object]) -> list[tuple[str, str]]:
    return [
        (key_text(b), b.tooltip or b.description)
        for b in bindings
        if isinstance(b, Binding) and b.description
    ]


def key_sections(app: GymApp, screen: Screen[object]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key gymtui has, by screen: the one in front first, then everywhere, the rest."""
    from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog
    from gymtui.ui.dialogs.exercises import ExercisesDialog
    from gymtui.ui.dialogs.session import SessionDialog
    from gymtui.ui.dialogs.set_dialog import SetDialog
    from gymtui.ui.screens.history import HistoryScreen
    from gymtui.ui.screens.rack import RackScreen
    from gymtui.ui.screens.rest import RestScreen
    from gymtui.ui.screens.today import TodayScreen

    rest_keys = rows_of(RestScreen.BINDINGS)
    screens: list[tuple[type[object], str, list[tuple[str, str]]]] = [
        (TodayScreen, "Today (t)", rows_of(TodayScreen.BINDINGS)),
        (RestScreen, "Rest (r)", rest_keys),
        (
            RackScreen,
            "Rack view (v)",
            [k for k in rows_of(RackScreen.BINDINGS) if k not in rest_keys]
            + [("", "and every key of Rest")],
        ),
        (HistoryScreen, "History (h)", rows_of(HistoryScreen.BINDINGS)),
        (SessionDialog, "A session (History, enter)", rows_of(SessionDialog.BINDINGS)),
        (SetDialog, "Logging or editing a set", SET_DIALOG_KEYS),
        (ExercisesDialog, "Exercises (History, e)", rows_of(ExercisesDialog.BINDINGS)),
        (ExerciseEditDialog, "Editing an exercise", EDIT_EXERCISE_KEYS),
    ]
    here = [s for s in screens if type(screen) is s[0]]
    others = [s for s in screens if type(screen) is not s[0]]
    everywhere = ("Everywhere", rows_of(app.BINDINGS) + ANYWHERE_EXTRA)
    return [(f"Here: {name}", rows) for _, name, rows in here] + [
        everywhere,
        *((name, rows) for _, name, rows in others),
    ]


def open_exercises(app: GymApp) -> None:
    """The exercise list, over whatever screen is in front."""
    from gymtui.ui.dialogs.exercises import ExercisesDialog

    app.push_screen(ExercisesDialog())


def edit_plates(app: GymApp) -> None:
    """Set the bar, plates and collars for the unit in use."""
    from gymtui.ui.dialogs.plates import Kit, PlatesDialog

    def done(kit: Kit | None) -> None:
        if kit is None:
            return
        u = kit.unit
        changes = {f"bar_{u}": kit.bar, f"plates_{u}": kit.plates, f"collar_{u}": kit.collar}
        if app.saving(lambda: app.gym.update_settings(**changes)):
            app.notify(f"Bar and plates saved: {kit.plates} on a {kit.bar:g} {u} bar.")
            app.data_changed.publish(None)
            app.tick()

    app.push_screen(PlatesDialog(app.gym.settings.inventory()), done)
