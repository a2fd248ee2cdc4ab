"""Every exercise, with how much it was used; your own ones edited, renamed, merged (imports
often bring near duplicates) and deleted here."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label, Static

from gymtui.core.equipment import describe
from gymtui.core.exercises import (
    ExerciseEdit,
    ExerciseInfo,
    delete_problem,
    merge_problem,
    normalise_name,
)
from gymtui.core.rest import fallback_rest
from gymtui.core.values import count, format_duration, format_weight
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.text import clip, markup, plain, shown
from gymtui.ui.widgets.gym_input import GymInput, pass_on
from gymtui.ui.writes import read, write

HELP = (
    "[b]e[/] edit  [b]n[/] new  [b]m[/] merge into another  [b]d[/] delete  "
    "[b]/[/] filter  [b]esc[/] close"
)
SHORT = {"quadriceps": "quads", "hamstrings": "hams", "lower back": "low back"}
NAME_WIDTH = 24  # every column fits at 80 wide; the line under the list has the whole name


def muscles_text(info: ExerciseInfo) -> str:
    """The muscles an exercise works, short enough for a column."""
    return ", ".join(SHORT.get(m, m) for m in info.exercise.muscles) or "—"


class ExerciseListTable(DataTable[object]):
    """The list. `/` moves to the filter at once, and keys typed after it in the same read
    (a fast typist, a paste) follow it there instead of running the list's keys."""

    def on_key(self, event: events.Key) -> None:
        if pass_on(self, event):
            return
        if event.key == "slash":
            event.stop()
            event.prevent_default()
            self.screen.set_focus(self.screen.query_one("#exercise-filter"))


class ExercisesDialog(GymDialog[None]):
    """The exercise list: your own ones first-class (edit, rename, merge, delete)."""

    BINDINGS = [
        Binding("escape", "close", "Close", tooltip="Back (in the filter: clear it)"),
        # a modal dialog stops the App's own ?: the help opens here with this one first
        Binding("question_mark", "app.help", "Help", show=False, tooltip="Every key"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted exercise (or enter)"),
        Binding("n", "new", "New", tooltip="Create an exercise of your own"),
        Binding(
            "m",
            "merge",
            "Merge",
            tooltip="Merge the highlighted exercise into another: its sets and PRs go with it",
        ),
        Binding(
            "d,delete", "delete", "Delete", tooltip="Delete an exercise of your own with no sets"
        ),
        Binding("slash", "filter", "Filter", key_display="/", tooltip="Type to filter the list"),
    ]

    HELP_TITLE = "Exercises (History, e)"
    TOASTS = True  # what a change did shows at once

    def __init__(self) -> None:
        super().__init__()
        self.infos: list[ExerciseInfo] = []
        self.shown_infos: list[ExerciseInfo] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="exercises-dialog"):
            yield Label("Exercises", id="dialog-title")
            yield GymInput(placeholder="/ filters the list", id="exercise-filter", compact=True)
            yield ExerciseListTable(id="exercise-table", cursor_type="row")
            yield Static(id="exercise-detail")
            yield Static(HELP, id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        table = self.query_one("#exercise-table", DataTable)
        # equipment is on the line under the list: with it as a column, 80 columns cut Sets
        table.add_columns("Exercise", "Muscles", "Sets", "Last done")
        self.load()
        table.focus()
        self.host.data_changed.subscribe(self, lambda _: self.load(), immediate=True)

    def on_screen_resume(self) -> None:
        self.host.release_toasts()

    def load(self) -> None:
        """Read the list again and show it, the highlighted exercise kept."""
        if self.closing:
            return
        infos = read(self.host, self.gym.exercises.listing)
        if infos is None:
            return
        self.infos = infos
        own = sum(1 for i in infos if i.exercise.custom)
        self.query_one("#dialog-title", Label).update(f"Exercises · {len(infos)} ({own} your own)")
        self._fill()

    def _fill(self, keep: str | None = None) -> None:
        table = self.query_one("#exercise-table", DataTable)
        current = self._highlighted()
        keep = keep or (current.exercise.id if current else None)
        needle = normalise_name(self.query_one("#exercise-filter", Input).value)
        self.shown_infos = [i for i in self.infos if needle in normalise_name(i.exercise.name)]
        table.clear()
        for info in self.shown_infos:
            ex = info.exercise
            last = info.last_done.strftime("%d %b %y") if info.last_done else ""
            table.add_row(
                plain(clip(ex.name, NAME_WIDTH), "italic" if ex.custom else ""),
                muscles_text(info),
                Text(f"{info.sets:,}" if info.sets else "—", justify="right"),
                last,
                key=ex.id,
            )
        ids = [i.exercise.id for i in self.shown_infos]
        table.move_cursor(row=ids.index(keep) if keep in ids else 0)
        self._show_detail()

    @on(Input.Changed, "#exercise-filter")
    def _filtered(self) -> None:
        self._fill()

    @on(Input.Submitted, "#exercise-filter")
    def _filter_done(self) -> None:
        """Enter in the filter: to the list, or, when nothing matches, make the exercise."""
        self.set_focus(self.query_one("#exercise-table", DataTable))
        if not self.shown_infos and self.query_one("#exercise-filter", Input).value.strip():
            self.action_new()

    @on(DataTable.RowHighlighted, "#exercise-table")
    def _show_detail(self) -> None:
        info = self._highlighted()
        line = self.query_one("#exercise-detail", Static)
        if info is None:
            typed = self.query_one("#exercise-filter", Input).value.strip()
            line.update(
                markup("No exercise matches $typed: [b]enter[/b] creates it.", typed=typed)
                if typed
                else ""
            )
            return
        ex = info.exercise
        unit = self.gym.settings.unit
        rest = (
            format_duration(info.own_rest_s)
            if info.own_rest_s
            else f"default ({format_duration(self._fallback_rest(info))})"
        )
        origin = "your own" if ex.custom else "from the catalogue"
        planned = " · in your program" if info.in_program else ""
        step = format_weight(ex.increment_kg, unit)
        equipment = describe(ex, unit) + (", per leg" if ex.one_legged else "")
        equipment += ", a timed hold" if ex.timed else ""
        stabilisers = f" · stabilisers: {', '.join(ex.stabilisers)}" if ex.stabilisers else ""
        if ex.synergists:  # counted at half a set a muscle
            stabilisers = f" · half: {', '.join(ex.synergists)}{stabilisers}"
        load = " · load: body weight + added" if ex.body_weight_load else ""
        line.update(
            plain(
                f"{ex.name}: {origin}{planned} · {equipment} · step {step} · rest {rest}"
                f"{load}{stabilisers}"
            )
        )

    def _highlighted(self) -> ExerciseInfo | None:
        if not self.shown_infos:
            return None
        row = self.query_one("#exercise-table", DataTable).cursor_row
        return self.shown_infos[row] if 0 <= row < len(self.shown_infos) else None

    def _fallback_rest(self, info: ExerciseInfo) -> int:
        return fallback_rest(info.exercise, self.gym.settings.rest_default_s)

    # -- changes: each one write; the list is read again through data_changed ----------

    def _on_top(self) -> bool:
        """Whether this list is the screen keys reach: a key that came in the same read as
        the one that opened another dialog (enter, then e) must not open a second one."""
        return not self.closing and not self.busy and self.app.screen is self

    @on(DataTable.RowSelected, "#exercise-table")
    def action_edit(self) -> None:
        from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog

        if not self._on_top():
            return
        info = self._highlighted()
        if info is None:
            self.notify("No exercise highlighted: n creates one.", severity="warning")
            return
        gym = self.gym

        def done(edit: ExerciseEdit | None) -> None:
            if edit is None:
                return
            saved = write(self.host, lambda: gym.exercises.save(info.exercise.id, edit))
            if saved.saved:
                self.notify(shown(f"Saved {saved.value.name}."), markup=False)

        self.ask(ExerciseEditDialog.of(gym, info), done)

    def action_new(self) -> None:
        from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog

        if not self._on_top():
            return
        gym = self.gym
        typed = self.query_one("#exercise-filter", Input).value.strip()

        def done(edit: ExerciseEdit | None) -> None:
            if edit is None:
                return
            made = write(self.host, lambda: gym.exercises.save(None, edit))
            if made.saved:
                self.notify(shown(f"Created {made.value.name}: x on Today logs it."), markup=False)
                self.query_one("#exercise-filter", Input).value = ""
                self._fill(keep=made.value.id)

        self.ask(ExerciseEditDialog.of(gym, None, typed), done)

    def action_merge(self) -> None:
        from gymtui.ui.dialogs.exercise import ExerciseChoice, ExercisePickerDialog

        source = self._highlighted() if self._on_top() else None
        if source is None:
            return
        problem = merge_problem(source)
        if problem is not None:
            self.notify(shown(problem), severity="warning", markup=False, timeout=10)
            return
        others = {i.exercise.id: i.exercise for i in self.infos if i is not source}

        def picked(choice: ExerciseChoice | None) -> None:
            target = next(
                (i for i in self.infos if choice and i.exercise.id == choice.exercise_id), None
            )
            if target is not None:
                self._merge(source, target)

        title = f"Merge {source.exercise.name} into…"
        self.ask(ExercisePickerDialog(others, title=title, allow_new=False), picked)

    def _merge(self, source: ExerciseInfo, target: ExerciseInfo) -> None:
        """Ask, then fold `source` into `target`."""
        from gymtui.ui.dialogs.confirm import ConfirmDialog

        problem = merge_problem(source, target)
        if problem is not None:
            self.notify(shown(problem), severity="warning", markup=False, timeout=10)
            return
        name, into = source.exercise.name, target.exercise.name
        question = (
            f"Merge {name} ({count(source.sets, 'set')}) into {into}? Its sets become {into}'s, "
            f"the PRs are worked out again, and {name} goes; an import that names it will "
            f"log {into}. This cannot be undone."
        )
        gym = self.gym

        def done(yes: bool | None) -> None:
            if not yes:
                return
            moved = write(
                self.host, lambda: gym.exercises.merge(source.exercise.id, target.exercise.id)
            )
            if moved.saved:
                self.notify(
                    shown(f"Merged {name} into {into}: {count(moved.value, 'set')} moved."),
                    markup=False,
                )
                self.query_one("#exercise-filter", Input).value = ""
                self._fill(keep=target.exercise.id)

        self.ask(ConfirmDialog(question), done)

    def action_delete(self) -> None:
        from gymtui.ui.dialogs.confirm import ConfirmDialog

        info = self._highlighted() if self._on_top() else None
        if info is None:
            return
        problem = delete_problem(info)
        if problem is not None:
            self.notify(shown(problem), severity="warning", markup=False, timeout=10)
            return
        gym = self.gym
        name = info.exercise.name

        def done(yes: bool | None) -> None:
            if yes and write(self.host, lambda: gym.exercises.delete(info.exercise.id)).saved:
                self.notify(shown(f"Deleted {name}."), markup=False)

        self.ask(ConfirmDialog(f"Delete {name}? It has no sets."), done)

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#exercise-filter", Input))

    def action_close(self) -> None:
        field = self.query_one("#exercise-filter", Input)
        if field.has_focus or field.value:
            field.value = ""
            self.set_focus(self.query_one("#exercise-table", DataTable))
            return
        self.dismiss(None)
