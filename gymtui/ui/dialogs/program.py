"""Edit program (the palette): the program's days and each day's exercises, written to
program.toml as a person would edit it (comments and layout kept) and checked as a hand edit
is. Every change is written when its form is saved, and Today follows at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from gymtui.core.models import PlannedExercise, Program, ProgramDay
from gymtui.core.program_edit import ProgramText, target_text
from gymtui.core.supersets import superset_partner
from gymtui.core.values import format_duration
from gymtui.errors import ProgramError
from gymtui.ui.dialogs.base import GymDialog
from gymtui.ui.dialogs.program_forms import (
    DayDialog,
    EntryDialog,
    Fields,
    ProgramInfoDialog,
    WarmupDialog,
)
from gymtui.ui.text import clip, plain
from gymtui.ui.writes import write

if TYPE_CHECKING:
    from gymtui.core.models import Exercise

Change = Callable[[ProgramText], None]
HELP = (
    "[b]tab[/] days/exercises  [b]enter[/] edit  [b]n[/] add  [b]d[/] remove  "
    "[b]shift+↑↓[/] move  [b]s[/] swap  [b]w[/] warm-up  [b]p[/] program  [b]esc[/] close"
)


def entry_line(planned: PlannedExercise, exercise: Exercise) -> str:
    """An entry as the list shows it: name, sets and target, rule, rest, superset."""
    rule = planned.progression
    # 21 + 9 columns: "Bulgarian split squat 3 x 10-12 linear rest 3:00" fits 80 columns
    parts = [f"{clip(exercise.name, 21):<21} {f'{planned.sets} × {target_text(planned)}':<9}"]
    implied = "double" if planned.reps_top else "default"
    if rule.kind != implied or rule.kind == "double":
        parts.append(rule.kind)
    if planned.rpe is not None:
        parts.append(f"@{planned.rpe:g}")
    if planned.backoff_pct is not None:
        parts.append(f"back-offs {planned.backoff_pct:g}%")
    if planned.rest_s:
        parts.append(f"rest {format_duration(planned.rest_s)}")
    superset = getattr(planned, "superset", None)
    if superset:
        parts.append(f"superset {superset}")
    return "  ".join(parts)


def _one_line(text: str) -> Text:
    """An option that is cut, never wrapped: at 80 columns a long one stays one line."""
    line = plain(text)
    line.no_wrap, line.overflow = True, "ellipsis"
    return line


class ProgramDialog(GymDialog[None]):
    """The program's days (left) and the highlighted day's exercises (right)."""

    BINDINGS = [
        Binding("escape", "close", "Close", tooltip="Close the editor (every change is saved)"),
        Binding("enter", "edit", "Edit", tooltip="Edit the highlighted day or exercise"),
        Binding("n", "add", "Add", tooltip="Add a day, or an exercise to the day"),
        Binding("d,delete", "remove", "Remove", tooltip="Remove the highlighted day or exercise"),
        Binding("shift+up", "move(-1)", "Move up", tooltip="Move the day or exercise up"),
        Binding("shift+down", "move(1)", "Move down", tooltip="Move the day or exercise down"),
        Binding("s", "swap", "Swap", tooltip="Swap the highlighted exercise for another"),
        Binding("w", "warmup", "Warm-up", tooltip="The warm-up ramp: which lifts, which steps"),
        Binding("p", "program", "Program", tooltip="The program's name and sessions a week"),
    ]
    HELP_TITLE = "Edit program (palette)"
    TOASTS = True  # a refused change says why at once
    _entries_of: str | None = None  # the day whose exercises are shown

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="program-dialog"):
            yield Label("Edit program", id="dialog-title")
            yield Static("", id="program-problem")
            with Horizontal(id="program-lists"):
                yield OptionList(id="program-days")
                yield OptionList(id="program-entries")
            yield Static("", id="program-warmup")
            yield Static(HELP, id="dialog-help")

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self.load()
        self.days_list.focus()
        self.host.data_changed.subscribe(self, lambda _: self.load(), immediate=True)

    def on_screen_resume(self) -> None:
        self.host.release_toasts()

    @property
    def days_list(self) -> OptionList:
        return self.query_one("#program-days", OptionList)

    @property
    def entries_list(self) -> OptionList:
        return self.query_one("#program-entries", OptionList)

    @property
    def program(self) -> Program:
        return self.gym.program

    # -- showing ---------------------------------------------------------------------

    def load(self, day_at: int | None = None, entry_at: int | None = None) -> None:
        """Show the program as it runs now, the highlighted day and exercise kept."""
        if self.closing:
            return
        program_file = self.gym.program_file
        where = program_file.path.name if program_file.path else "program.toml"
        mine = program_file.path is not None and program_file.path.exists()
        self.query_one("#dialog-title", Label).update(
            plain(f"Edit program · {self.program.name} · " + (where if mine else "built-in"))
        )
        problem = program_file.problem
        self.query_one("#program-problem", Static).update(
            plain(problem.split("\n")[0] + " (fix it by hand first)") if problem else ""
        )
        self.query_one("#program-problem").display = problem is not None
        days = self.days_list
        day_at = days.highlighted if day_at is None else day_at
        days.clear_options()
        days.add_options(
            [Option(plain(f"{d.key:<3} {d.name}"), id=d.key) for d in self.program.days]
        )
        days.highlighted = min(day_at or 0, len(self.program.days) - 1)
        self._show_entries(entry_at)
        warmup = self.program.warmup
        steps = ", ".join(s.text for s in warmup.steps)
        self.query_one("#program-warmup", Static).update(
            plain(f"Warm-up ramp ({warmup.applies_to}): {steps}")
        )

    def _show_entries(self, entry_at: int | None = None) -> None:
        day = self.day
        entries = self.entries_list
        entry_at = entries.highlighted if entry_at is None else entry_at
        entries.clear_options()
        self._entries_of = day.key if day is not None else None
        if day is None:
            return
        exercises = self.gym.exercises
        entries.add_options(
            [Option(_one_line(entry_line(p, exercises.get(p.exercise_id)))) for p in day.exercises]
        )
        entries.highlighted = min(entry_at or 0, len(day.exercises) - 1)

    @on(OptionList.OptionHighlighted, "#program-days")
    def _day_highlighted(self) -> None:
        day = self.day
        if day is not None and day.key != self._entries_of:  # another day: from its top
            self._show_entries(0)

    @property
    def day(self) -> ProgramDay | None:
        index = self.days_list.highlighted
        days = self.program.days
        return days[index] if index is not None and 0 <= index < len(days) else None

    @property
    def entry_index(self) -> int | None:
        return self.entries_list.highlighted if self.entries_list.option_count else None

    @property
    def on_entries(self) -> bool:
        return self.focused is self.entries_list

    # -- writing -----------------------------------------------------------------------

    def _check(self, change: Change) -> str | None:
        """The checker's refusal of a change (the file named, not its whole path), or None."""
        program_file = self.gym.program_file
        try:
            program_file.check(change)
        except ProgramError as problem:
            path = program_file.path
            return str(problem).replace(str(path), path.name) if path else str(problem)
        return None

    def _write(
        self, change: Change, day_at: int | None = None, entry_at: int | None = None
    ) -> None:
        if write(self.host, lambda: self.gym.program_file.edit(change)).saved:
            self.load(day_at, entry_at)

    def _form_then_write(
        self, form: GymDialog[Fields | None], change: Callable[[Fields], Change], **at: int
    ) -> None:
        def answered(fields: Fields | None) -> None:
            if fields is not None:
                self._write(change(fields), at.get("day_at"), at.get("entry_at"))

        self.ask(form, answered)

    # -- actions -----------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def action_edit(self) -> None:
        day = self.day
        if day is None:
            return
        if not self.on_entries:
            key = day.key

            def named(fields: Fields) -> Change:
                return lambda doc: doc.set_day(key, name=fields["name"], focus=fields["focus"])

            day_form = DayDialog(
                f"Day {key}",
                lambda f: self._check(named(f)),
                key,
                day.name,
                day.focus,
            )
            self._form_then_write(day_form, named)
            return
        index = self.entry_index
        if index is None:
            return
        planned = day.exercises[index]
        name = self.gym.exercises.get(planned.exercise_id).name

        def changed(fields: Fields) -> Change:
            def change(doc: ProgramText) -> None:
                doc.set_entry(day.key, index, fields)
                for at, label in superset_partner(day.exercises, index, fields.get("superset")):
                    doc.set_entry(day.key, at, {"superset": label})

            return change

        form = EntryDialog(f"{name} · {day.name}", planned, lambda f: self._check(changed(f)))
        self._form_then_write(form, changed, entry_at=index)

    def action_add(self) -> None:
        from gymtui.ui.dialogs.exercise import pick_exercise

        day = self.day
        if day is None:
            return
        if self.on_entries:
            at = (self.entry_index if self.entry_index is not None else -1) + 1

            def picked(exercise: Exercise) -> None:
                self._entry_form(day.key, exercise, at)

            pick_exercise(self, picked)
            return
        day_at = (self.days_list.highlighted or 0) + 1

        def first(fields: Fields) -> None:
            def with_exercise(exercise: Exercise) -> None:
                entry = {"exercise": exercise.id, "sets": 3, "reps": 10}
                self._write(
                    lambda doc: doc.add_day(
                        fields["key"], fields["name"], fields["focus"], entry, day_at
                    ),
                    day_at,
                )

            pick_exercise(self, with_exercise)

        def new_day(fields: Fields) -> Change:
            entry = {"exercise": day.exercises[0].exercise_id, "sets": 3, "reps": 10}
            return lambda doc: doc.add_day(fields["key"], fields["name"], fields["focus"], entry)

        form = DayDialog(
            "New day (then its first exercise)", lambda f: self._check(new_day(f)), None, "", ""
        )
        self.ask(form, lambda fields: first(fields) if fields is not None else None)

    def _entry_form(self, day_key: str, exercise: Exercise, at: int) -> None:
        planned = PlannedExercise(exercise.id, sets=3, reps=10)

        def added(fields: Fields) -> Change:
            entry = {"exercise": exercise.id, **{k: v for k, v in fields.items() if v is not None}}
            return lambda doc: doc.add_entry(day_key, entry, at)

        form = EntryDialog(f"Add {exercise.name}", planned, lambda f: self._check(added(f)))
        self._form_then_write(form, added, entry_at=at)

    def action_remove(self) -> None:
        from gymtui.ui.dialogs.confirm import ConfirmDialog

        day = self.day
        if day is None:
            return
        index = self.entry_index
        if self.on_entries and index is not None:
            name = self.gym.exercises.get(day.exercises[index].exercise_id).name
            question = f"Take {name} off {day.name} in your program?"
            change: Change = lambda doc: doc.remove_entry(day.key, index)  # noqa: E731
        else:
            question = f"Remove {day.name} ({day.key}) from your program? Its sessions stay."
            change = lambda doc: doc.remove_day(day.key)  # noqa: E731
        self.ask(ConfirmDialog(question), lambda yes: self._write(change) if yes else None)

    def action_move(self, step: int) -> None:
        day = self.day
        if day is None:
            return
        index = self.entry_index
        if self.on_entries and index is not None:
            to = index + step
            if 0 <= to < len(day.exercises):
                self._write(lambda doc: doc.move_entry(day.key, index, to), entry_at=to)
            return
        day_at = self.days_list.highlighted or 0
        to = day_at + step
        if 0 <= to < len(self.program.days):
            self._write(lambda doc: doc.move_day(day.key, to), day_at=to)

    def action_swap(self) -> None:
        from gymtui.ui.dialogs.exercise import pick_exercise

        day, index = self.day, self.entry_index
        if day is None or index is None or not self.on_entries:
            self.notify("Highlight an exercise of the day (tab) to swap it.", severity="warning")
            return

        def picked(exercise: Exercise) -> None:
            self._write(
                lambda doc: doc.set_entry(day.key, index, {"exercise": exercise.id}),
                entry_at=index,
            )

        pick_exercise(self, picked)

    def action_warmup(self) -> None:
        def ramp(fields: Fields) -> Change:
            return lambda doc: doc.set_warmup(fields["exercises"], fields["steps"])

        form = WarmupDialog(lambda f: self._check(ramp(f)), self.program.warmup)
        self._form_then_write(form, ramp)

    def action_program(self) -> None:
        def info(fields: Fields) -> Change:
            def change(doc: ProgramText) -> None:
                doc.set_top("name", fields["name"])
                doc.set_top("goal_per_week", fields["goal_per_week"])

            return change

        form = ProgramInfoDialog(
            lambda f: self._check(info(f)), self.program.name, self.program.goal_per_week
        )
        self._form_then_write(form, info)
