"""The exercise list and the user's own exercises (create, edit, rename, merge, delete); no
Textual. A mixin of Gym: after each write the catalogue, Today and the suggestions follow."""

from __future__ import annotations

from gymtui.core.exercises import ExerciseEdit, ExerciseInfo
from gymtui.core.models import Exercise, Program
from gymtui.core.training import TodayView
from gymtui.store import Store


def catalogue(stored: dict[str, Exercise], program: dict[str, Exercise]) -> dict[str, Exercise]:
    """Every exercise: the program's as the program says (cues and all) with the user's own
    switch kept, then the user's own exercises as stored."""
    merged = dict(stored)
    for ex_id, ex in program.items():
        own = stored.get(ex_id)
        merged[ex_id] = ex._replace(body_weight_load=own.body_weight_load) if own else ex
    return merged


class ExerciseCatalogue:
    """Gym's reads and writes of the exercises."""

    _store: Store
    program: Program
    exercises: dict[str, Exercise]

    def _after_change(self) -> TodayView:
        """Forget what was read from past sessions and re-read Today (Gym does this)."""
        raise NotImplementedError

    def _reload_exercises(self) -> None:
        """The catalogue as on file; the program's fields (cues) win for its exercises."""
        self.exercises = catalogue(self._store.exercises.all(), self.program.exercises)

    def exercise_list(self) -> list[ExerciseInfo]:
        """Every exercise with its use (sets, last done) and the user's own rest, by name."""
        usage = self._store.exercises.usage()
        planned = {p.exercise_id for day in self.program.days for p in day.exercises}
        infos = [
            ExerciseInfo(ex, *usage.get(ex_id, (0, None, None)), in_program=ex_id in planned)
            for ex_id, ex in self.exercises.items()
        ]
        return sorted(infos, key=lambda info: info.exercise.name.casefold())

    def save_exercise(self, exercise_id: str | None, edit: ExerciseEdit) -> Exercise:
        """Create (no id) or change the user's own exercise; of the catalogue's, only the
        user's rest changes. What Today shows follows at once."""
        store = self._store
        if exercise_id is None:
            saved = store.exercises.create(edit)
        elif self.exercises.get(exercise_id, Exercise(exercise_id, "", custom=True)).custom:
            saved = store.exercises.update(exercise_id, edit)
        else:
            store.exercises.set_own(exercise_id, edit.rest_s, edit.body_weight_load)
            saved = self.exercises[exercise_id]
        self._reload_exercises()
        self._after_change()
        return self.exercises.get(saved.id, saved)

    def merge_exercises(self, source_id: str, target_id: str) -> int:
        """Fold one exercise into another (sets, PRs, future imports); the sets moved."""
        moved = self._store.exercises.merge(source_id, target_id)
        self._reload_exercises()
        self._after_change()
        return moved

    def delete_exercise(self, exercise_id: str) -> bool:
        """Remove the user's own exercise that has no sets; True once it is gone from disk."""
        self._store.exercises.delete(exercise_id)
        self._reload_exercises()
        self._after_change()
        return True
