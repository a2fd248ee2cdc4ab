"""The exercises, `gym.exercises`: every one by id, the exercise list, and the user's own
(create, edit, rename, merge, delete); no Textual. After each write the catalogue, Today and
the suggestions follow."""

from __future__ import annotations

from collections.abc import Callable

from gymtui.core.exercises import ExerciseEdit, ExerciseInfo
from gymtui.core.models import Exercise, Program
from gymtui.store import Store


def catalogue(stored: dict[str, Exercise], program: dict[str, Exercise]) -> dict[str, Exercise]:
    """Every exercise: the program's as the program says (cues and all) with the user's own
    switch and kit kept (their trap bar may weigh 27 kg), then the user's own exercises as
    stored."""
    merged = dict(stored)
    for ex_id, ex in program.items():
        own = stored.get(ex_id)
        if own is None:
            merged[ex_id] = ex
            continue
        merged[ex_id] = ex._replace(
            body_weight_load=own.body_weight_load,
            bar_kg=ex.bar_kg if own.bar_kg is None else own.bar_kg,
            stack_step_kg=ex.stack_step_kg if own.stack_step_kg is None else own.stack_step_kg,
            small_plate_kg=ex.small_plate_kg if own.small_plate_kg is None else own.small_plate_kg,
        )
    return merged


class ExerciseCatalogue:
    """Gym's reads and writes of the exercises."""

    def __init__(self, store: Store, program: Program, changed: Callable[[], object]) -> None:
        self._store = store
        self._program = program
        self._changed = changed  # what was read from past sessions is read again
        self.by_id: dict[str, Exercise] = {}
        self.reload()

    def use_program(self, program: Program) -> None:
        """A new program runs: its exercises, as it says them, from now on."""
        self._program = program
        self.reload()

    def reload(self) -> None:
        """The catalogue as on file; the program's fields (cues) win for its exercises."""
        self.by_id = catalogue(self._store.exercises.all(), self._program.exercises)

    def get(self, exercise_id: str) -> Exercise:
        """An exercise by id (one the catalogue no longer has keeps its id as its name)."""
        return self.by_id.get(exercise_id) or Exercise(exercise_id, exercise_id, custom=True)

    def listing(self) -> list[ExerciseInfo]:
        """Every exercise with its use (sets, last done) and the user's own rest, by name."""
        usage = self._store.exercises.usage()
        planned = {p.exercise_id for day in self._program.days for p in day.exercises}
        infos = [
            ExerciseInfo(ex, *usage.get(ex_id, (0, None, None)), in_program=ex_id in planned)
            for ex_id, ex in self.by_id.items()
        ]
        return sorted(infos, key=lambda info: info.exercise.name.casefold())

    def save(self, exercise_id: str | None, edit: ExerciseEdit) -> Exercise:
        """Create (no id) or change the user's own exercise; of the catalogue's, only the
        user's rest changes. What Today shows follows at once."""
        exercises = self._store.exercises
        if exercise_id is None:
            saved = exercises.create(edit)
        elif self.by_id.get(exercise_id, Exercise(exercise_id, "", custom=True)).custom:
            saved = exercises.update(exercise_id, edit)
        else:
            kit = (edit.bar_kg, edit.stack_step_kg, edit.small_plate_kg)
            exercises.set_own(exercise_id, edit.rest_s, edit.body_weight_load, kit)
            saved = self.by_id[exercise_id]
        self._after_write()
        return self.by_id.get(saved.id, saved)

    def merge(self, source_id: str, target_id: str) -> int:
        """Fold one exercise into another (sets, PRs, future imports); the sets moved."""
        moved = self._store.exercises.merge(source_id, target_id)
        self._after_write()
        return moved

    def delete(self, exercise_id: str) -> bool:
        """Remove the user's own exercise that has no sets; True once it is gone from disk."""
        self._store.exercises.delete(exercise_id)
        self._after_write()
        return True

    def _after_write(self) -> None:
        self.reload()
        self._changed()
