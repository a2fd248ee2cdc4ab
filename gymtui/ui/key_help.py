"""`?`'s list of every key, by screen, made from the bindings: a binding's tooltip (else its
description) says what it does, a mode's binding names its screen, and a form adds what its
fields' own keys pick."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.app import App

Rows = list[tuple[str, str]]
NAMES = {"escape": "esc", "question_mark": "?", "equals_sign": "=", "delete": "del"}
EDITING = ("ctrl+u",)  # of a text field's own keys, the one worth knowing between sets


def key_text(binding: Binding) -> str:
    """How a binding's keys are written in the help: `esc, q`, `+`, `?`."""
    if binding.key_display:
        return binding.key_display
    return ", ".join(NAMES.get(k, k) for k in binding.key.split(","))


def rows_of(bindings: Iterable[object]) -> Rows:
    """A row for each binding that has a description: its keys, and what it does."""
    return [
        (key_text(b), b.tooltip or b.description)
        for b in bindings
        if isinstance(b, Binding) and b.description
    ]


def form_rows(form: type[Screen[Any]]) -> Rows:
    """A form's keys: its bindings, what its fields' keys pick, clearing a field, cancel."""
    bindings = [b for b in form.BINDINGS if isinstance(b, Binding)]
    leave = [b for b in bindings if b.key == "escape"]
    fields: Rows = merged(getattr(form, "FIELD_KEYS", []))
    clearing = [
        (b.key.split(",")[0], b.description)
        for b in Input.BINDINGS
        if isinstance(b, Binding) and b.key.split(",")[0] in EDITING
    ]
    return rows_of(b for b in bindings if b not in leave) + fields + clearing + rows_of(leave)


def merged(rows: Rows) -> Rows:
    """Rows for fields whose keys pick the same (`n y` no, yes) said once, naming each."""
    out: Rows = []
    names: list[list[str]] = []
    for keys, what in rows:
        field, _, picks = what.removeprefix("In ").partition(": ")
        if out and out[-1][0] == keys and out[-1][1].endswith(f": {picks}"):
            names[-1].append(field)
            fields = names[-1]
            out[-1] = (keys, f"In {', '.join(fields[:-1])} and {fields[-1]}: {picks}")
        else:
            out.append((keys, what))
            names.append([field])
    return out


def mode_title(app: App[Any], mode: str) -> str:
    """`Today (t)`: a mode's screen, as the key that shows it names it."""
    binding = next(
        b for b in app.BINDINGS if isinstance(b, Binding) and b.action == f"switch_mode('{mode}')"
    )
    return f"{binding.description} ({key_text(binding)})"


def key_sections(app: App[Any], screen: Screen[Any]) -> list[tuple[str, Rows]]:
    """Every key gymtui has, by screen: the one in front first, then everywhere, the rest."""
    from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog
    from gymtui.ui.dialogs.exercises import ExercisesDialog
    from gymtui.ui.dialogs.program import ProgramDialog
    from gymtui.ui.dialogs.program_forms import EntryDialog
    from gymtui.ui.dialogs.session import SessionDialog
    from gymtui.ui.dialogs.set_dialog import SetDialog
    from gymtui.ui.feedback import EFFORT_HELP
    from gymtui.ui.screens.history import HistoryScreen
    from gymtui.ui.screens.rack import RackScreen
    from gymtui.ui.screens.rest import RestScreen
    from gymtui.ui.screens.today import TodayScreen

    rest_keys = [*rows_of(RestScreen.BINDINGS), EFFORT_HELP]  # the digits: one row for ten
    rack_keys = [k for k in rows_of(RackScreen.BINDINGS) if k not in rest_keys]
    screens: list[tuple[type[object], str, Rows]] = [
        (TodayScreen, mode_title(app, "today"), [*rows_of(TodayScreen.BINDINGS), EFFORT_HELP]),
        (RestScreen, mode_title(app, "rest"), rest_keys),
        (RackScreen, mode_title(app, "rack"), [*rack_keys, ("", "and every key of Rest")]),
        (HistoryScreen, mode_title(app, "history"), rows_of(HistoryScreen.BINDINGS)),
        (SessionDialog, SessionDialog.HELP_TITLE, rows_of(SessionDialog.BINDINGS)),
        (SetDialog, SetDialog.HELP_TITLE, form_rows(SetDialog)),
        (ExercisesDialog, ExercisesDialog.HELP_TITLE, rows_of(ExercisesDialog.BINDINGS)),
        (ExerciseEditDialog, ExerciseEditDialog.HELP_TITLE, form_rows(ExerciseEditDialog)),
        (ProgramDialog, ProgramDialog.HELP_TITLE, rows_of(ProgramDialog.BINDINGS)),
        (EntryDialog, EntryDialog.HELP_TITLE, form_rows(EntryDialog)),
    ]
    palette = (app.COMMAND_PALETTE_BINDING, "Command palette: settings, theme, screenshot")
    everywhere = ("Everywhere", [*rows_of(app.BINDINGS), palette, ("↑ ↓", "Move")])
    here = [(f"Here: {name}", rows) for cls, name, rows in screens if type(screen) is cls]
    others = [(name, rows) for cls, name, rows in screens if type(screen) is not cls]
    return [*here, everywhere, *others]
