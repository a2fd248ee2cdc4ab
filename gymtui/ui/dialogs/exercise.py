"""Choose an exercise to add, or name a new one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from gymtui.core.exercises import normalise_name, search_rank
from gymtui.core.models import Exercise
from gymtui.core.swap import stand_ins
from gymtui.ui.dialogs.base import GymDialog, ask
from gymtui.ui.host import host_of
from gymtui.ui.text import plain
from gymtui.ui.widgets.gym_input import GymInput
from gymtui.ui.writes import write

if TYPE_CHECKING:
    from textual.screen import Screen

    from gymtui.core.exercises import ExerciseEdit


PICK_HELP = "[b]enter[/] choose   [b]down[/] move   [b]esc[/] cancel"


@dataclass(frozen=True)
class ExerciseChoice:
    """An exercise picked from the list, or the name of a new one to create."""

    exercise_id: str | None = None
    new_name: str | None = None


def pick_exercise(
    asker: Screen[Any], then: Callable[[Exercise], None], title: str = "Add an exercise"
) -> None:
    """The exercise picker over `asker`; `then` gets the exercise picked, or a new one, made in
    the exercise editor with the typed name, so that its muscles, barbell, step and rest are
    set from the start (enter takes it as it is). Cancelled, or the write refused: nothing."""
    from gymtui.ui.dialogs.exercise_edit import ExerciseEditDialog

    host = host_of(asker)
    gym = host.gym

    def made(edit: ExerciseEdit | None) -> None:
        if (
            edit is not None
            and (written := write(host, lambda: gym.exercises.save(None, edit))).saved
        ):
            then(written.value)

    def picked(choice: ExerciseChoice | None) -> None:
        if choice is None:
            return
        if choice.new_name is None:
            then(gym.exercises.get(choice.exercise_id or ""))
        else:
            ask(asker, ExerciseEditDialog.of(gym, None, choice.new_name), made)

    ask(asker, ExercisePickerDialog(gym.exercises.by_id, title), picked)


class ExercisePickerDialog(GymDialog[ExerciseChoice | None]):
    """Choose an exercise: type to filter, `enter` picks; a new name creates one (when the
    caller allows it)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    NEW = "__new__"

    def __init__(
        self,
        exercises: dict[str, Exercise],
        title: str = "Add an exercise",
        *,
        allow_new: bool = True,
        stand_ins_for: Exercise | None = None,
        sparing: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.exercises = exercises
        # Swapping: the best stand-ins first (the same movement, muscles, rack-free), not A-Z;
        # after sharp pain, those that spare the joint (`sparing`) before them.
        self.order: dict[str, int] | None = None
        if stand_ins_for is not None:
            ids = [ex.id for ex in stand_ins(stand_ins_for, exercises.values())]
            front = [i for i in sparing if i in ids]
            self.order = {i: n for n, i in enumerate(front + [i for i in ids if i not in front])}
        self.title_text = title
        self.allow_new = allow_new

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker-dialog"):
            yield Label(plain(self.title_text), id="dialog-title")
            hint = "Type to filter, or a new name" if self.allow_new else "Type to filter"
            yield GymInput(placeholder=hint, id="filter")
            yield OptionList(id="choices")
            yield Static(
                "[b]enter[/] choose   [b]down[/] move   [b]esc[/] cancel", id="dialog-help"
            )

    def on_mount(self) -> None:
        if self.closing:  # closed by a key in the read that opened it: its fields are gone
            return
        self._fill("")
        self.query_one("#filter", Input).focus()

    def _fill(self, text: str) -> None:
        needle = normalise_name(text)  # "belt  squat" finds Belt squat
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        order = self.order
        ranked = [
            (rank, order.get(ex.id, len(order)) if order is not None else 0, ex.name, ex)
            for ex in self.exercises.values()
            if (rank := search_rank(ex.name, needle)) is not None
            and (order is None or ex.id in order)
        ]
        matches = [ex for *_, ex in sorted(ranked, key=lambda r: r[:3])]
        choices.add_options([Option(self._label(ex), id=ex.id) for ex in matches])
        exact = any(normalise_name(ex.name) == needle for ex in matches)
        if needle and not exact and self.allow_new:
            choices.add_option(Option(plain(f"New exercise: {text.strip()}"), id=self.NEW))
        if choices.option_count:
            choices.highlighted = 0

    def _label(self, exercise: Exercise) -> Text:
        """Its name; for a swap, with its equipment (why it is up there)."""
        label = plain(exercise.name)
        if self.order is not None:
            label.append(f"  {exercise.equipment}", style="dim")
        return label

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _submit_filter(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is not None:
            self._choose(choices.get_option_at_index(choices.highlighted).id)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == self.NEW:
            self.dismiss(ExerciseChoice(new_name=self.query_one("#filter", Input).value.strip()))
        elif option_id is not None:
            self.dismiss(ExerciseChoice(exercise_id=option_id))

    def action_cancel(self) -> None:
        self.dismiss(None)
