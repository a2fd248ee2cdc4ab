"""Today's plan changed from the keyboard: skip, swap, a planned set added or removed, an
exercise moved, added or removed, and `z` to undo (a skip, a change, a deleted set) while the
toast offers it; `g` pairs an exercise with the next as a superset for today. Each is a write
through `writes.write`; Today redraws from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.binding import Binding, BindingType

from gymtui.core.models import Exercise
from gymtui.core.pain import JOINT_NAMES, pain_facts, sparing_ids
from gymtui.core.training import PlanRow, TodayView
from gymtui.gym.plan_edits import UNDO_S
from gymtui.ui.screens.base import GymScreen
from gymtui.ui.supersets import SUPERSET_TIP, superset_today
from gymtui.ui.text import shown
from gymtui.ui.widgets.plan_table import PlanTable
from gymtui.ui.writes import write

if TYPE_CHECKING:
    from gymtui.ui.host import GymHost

T = TypeVar("T")

# `z` undoes, as in Gmail's keyboard shortcuts: `u` is the unit switch, and ctrl+z suspends.
PLAN_KEYS: list[BindingType] = [
    Binding("k", "skip", "Skip", show=False, tooltip="Skip exercise: today only (k again: back)"),
    Binding("c", "swap", "Swap", show=False, tooltip="Swap exercise for another (rack taken?)"),
    Binding("n", "more_sets", "Set +", show=False, tooltip="Add a planned set to this exercise"),
    Binding(
        "left_square_bracket",
        "move(-1)",
        "Move up",
        key_display="[",
        show=False,
        tooltip="Move exercise up in today's order",
    ),
    Binding(
        "right_square_bracket",
        "move(1)",
        "Move down",
        key_display="]",
        show=False,
        tooltip="Move exercise down in today's order",
    ),
    Binding("i", "insert", "Add to plan", show=False, tooltip="Add exercise to today's plan"),
    Binding("X", "remove", "Remove", show=False, tooltip="Remove exercise from today's plan"),
    Binding("z", "undo", "Undo", show=False, tooltip="Undo the last delete, skip or change"),
    Binding("g", "superset", "Superset", show=False, tooltip=SUPERSET_TIP),
    Binding(
        "K",
        "keep_plan",
        "Keep plan",
        show=False,
        tooltip="Keep today's plan for good: its order, sets and exercises into program.toml",
    ),
]


def undo_toast(host: GymHost) -> None:
    """The undo on offer, as a toast that lasts as long as it does."""
    undo = host.gym.plan.undo
    if undo is not None:
        host.notify(shown(f"{undo.text} · z to undo"), timeout=UNDO_S, markup=False)


class PlanEditing(GymScreen):
    """Today's keys that change today's plan (TodayScreen has them)."""

    view: TodayView | None = None  # as last drawn

    @property
    def table(self) -> PlanTable:
        return self.query_one("#plan", PlanTable)

    def _current(self) -> PlanRow | None:
        raise NotImplementedError

    def _planned_row(self) -> PlanRow | None:
        """The highlighted row's exercise, when it is in today's plan (else it says why)."""
        row = self._current()
        if row is None or row.planned is None:
            self.notify("Highlight an exercise of today's plan.", severity="warning")
            return None
        return row

    def _change(self, action: Callable[[], T], undo: bool = True) -> bool:
        done = write(self.host, action)
        if done.saved and undo:
            undo_toast(self.host)
        return done.saved

    def action_skip(self) -> None:
        row = self._planned_row()
        if row is not None:
            self._change(lambda: self.gym.plan.skip(row.exercise))

    def action_more_sets(self) -> None:
        row = self._planned_row()
        if row is not None and self._change(lambda: self.gym.plan.add_set(row.exercise), False):
            self.notify(shown(f"{row.exercise.name}: a set more today."), markup=False)

    def remove_planned_set(self, row: PlanRow) -> None:
        """`d` on a set not logged yet: one planned set fewer, today. The cursor stays on the
        exercise (its last set now), so a second `d` takes another of its sets, never one of
        the exercise below."""
        if self._change(lambda: self.gym.plan.remove_set(row.exercise)):
            self.call_after_refresh(self._to_last_set, row.exercise.id)

    def _to_last_set(self, exercise_id: str) -> None:
        rows = self.view.rows if self.view is not None else []
        same = [i for i, r in enumerate(rows) if r.exercise.id == exercise_id and r.slot]
        if same:
            self.table.move_cursor(row=same[-1])

    def action_move(self, by: int) -> None:
        row = self._planned_row()
        if row is not None and self._change(lambda: self.gym.plan.move(row.exercise, by), False):
            self.follow(row)  # the cursor goes with the exercise

    def follow(self, row: PlanRow) -> None:
        """Put the cursor back on this row of the exercise, wherever it now is."""
        rows = self.view.rows if self.view is not None else []
        same = (
            i
            for i, r in enumerate(rows)
            if (r.exercise.id, r.label) == (row.exercise.id, row.label)
        )
        at = next(same, None)
        if at is not None:
            self.table.move_cursor(row=at)

    def action_keep_plan(self) -> None:
        from gymtui.ui.dialogs.base import ask
        from gymtui.ui.dialogs.confirm import ConfirmDialog

        day = self.view.day.name if self.view is not None else "today's day"

        def keep(yes: bool | None) -> None:
            if yes and self._change(self.gym.plan.keep_for_good, False):
                self.notify(
                    shown(f"{day} in program.toml is today's plan now (a skip stays today's)."),
                    markup=False,
                )

        question = (
            f"Write today's order, sets and exercises into your program for {day}? "
            "Comments in program.toml are kept; skips stay today's."
        )
        ask(self, ConfirmDialog(question), keep)

    def action_remove(self) -> None:
        row = self._planned_row()
        if row is not None:
            self._change(lambda: self.gym.plan.remove_exercise(row.exercise))

    def action_insert(self) -> None:
        from gymtui.ui.dialogs.exercise import pick_exercise

        row = self._current()
        after = row.exercise.id if row is not None and row.planned is not None else None

        def add(exercise: Exercise) -> None:
            self._change(lambda: self.gym.plan.add_exercise(exercise, after))

        pick_exercise(self, add, "Add to today's plan")

    def action_swap(self) -> None:
        from gymtui.ui.dialogs.base import ask
        from gymtui.ui.dialogs.choice import ChoiceDialog
        from gymtui.ui.dialogs.exercise import ExerciseChoice, ExercisePickerDialog

        row = self._planned_row()
        if row is None:
            return
        old = row.exercise
        gym = self.gym

        def swap(new: Exercise, how: str | None) -> None:
            if how == "t":
                self._change(lambda: gym.plan.swap(old, new))
            elif how == "g":
                day = self.view.day.name if self.view is not None else "the day"
                if self._change(lambda: gym.plan.swap(old, new, for_good=True), False):
                    where = gym.program_file.path
                    self.notify(
                        shown(f"{new.name} replaces {old.name} on {day} for good ({where})."),
                        markup=False,
                    )

        def picked(choice: ExerciseChoice | None) -> None:
            if choice is None or choice.exercise_id is None:
                return
            new = gym.exercises.get(choice.exercise_id)
            question = f"Swap {old.name} for {new.name}:"
            answers = [("t", "today only"), ("g", "for good (the program)")]
            day = gym.program.day(self.view.day.key) if self.view is not None else None
            if day is None or old.id not in {p.exercise_id for p in day.exercises}:
                # added today, not in the program's day: there is no entry to swap for good
                answers = answers[:1]
                question = f"Swap {old.name} for {new.name} (added today: K keeps it):"
            ask(self, ChoiceDialog(question, answers), lambda how: swap(new, how))

        pain = pain_facts(self.view.recent.get(old.id, [])).last if self.view else None
        sharp = pain is not None and pain.level == "sharp"
        sparing = sparing_ids(pain.joint, old, gym.exercises.by_id) if pain and sharp else ()
        first = f"sparing the {JOINT_NAMES[pain.joint]}" if pain and sparing else "best stand-ins"
        title = f"Swap {old.name} for ({first} first)"
        dialog = ExercisePickerDialog(
            gym.exercises.by_id, title, allow_new=False, stand_ins_for=old, sparing=sparing
        )
        ask(self, dialog, picked)

    def action_superset(self) -> None:
        superset_today(self.host, self._current())

    def action_undo(self) -> None:
        if not self.gym.plan.can_undo():
            self.notify("Nothing to undo: z works for 10 s after a delete or skip.")
            return
        done = write(self.host, self.gym.plan.undo_last)
        if done.saved:
            self.notify(shown(f"Undone: {done.value}"), markup=False)
