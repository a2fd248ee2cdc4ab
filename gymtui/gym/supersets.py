"""gym.supersets: "Superset" for today (kept as a setting, gym/today.py), and the rest a
superset member's set calls for. The rules are core.supersets'; this part applies them to
the file and to the user's rest lengths."""

from __future__ import annotations

from typing import Protocol

from gymtui.core.models import LoggedSet, Program, ProgramDay, SetKind
from gymtui.core.settings import Settings
from gymtui.core.supersets import DEFAULT_SUPERSET_REST_S, rest_in_superset, toggle_superset
from gymtui.core.training import TodayView
from gymtui.gym.exercises import ExerciseCatalogue
from gymtui.gym.plan_edits import edited_day
from gymtui.gym.today import planned_day, save_labels, todays_labels
from gymtui.store import Store


class Host(Protocol):
    """What the part reads of Gym: the program and settings running now, the catalogue,
    Today, and the rest after a set of an exercise."""

    program: Program
    settings: Settings
    exercises: ExerciseCatalogue

    def today(self, max_age_s: float | None = None) -> TodayView: ...
    def refresh(self) -> TodayView: ...
    def rest_for(self, exercise_id: str, kind: SetKind, day: ProgramDay) -> int: ...


class Supersets:
    """Today's pairing and a member's rest (`gym.supersets`)."""

    def __init__(self, store: Store, gym: Host) -> None:
        self._store = store
        self._gym = gym

    def toggle(self, exercise_id: str) -> str:
        """ "Superset" for today: group the exercise with the next one, or end its superset;
        what happened, to say. ValueError (with what to do) when it cannot be."""
        gym = self._gym
        view = gym.today()
        planned = planned_day(self._store, gym.program, view.session)
        day = edited_day(self._store, view.session, planned).day  # today's skips and swaps too
        labels = todays_labels(self._store, day, view.session)
        names = {ex_id: ex.name for ex_id, ex in gym.exercises.by_id.items()}
        done = toggle_superset(day, labels, exercise_id, names)
        save_labels(self._store, day, view.session, done.labels)
        gym.refresh()
        return done.message

    def between_s(self) -> int:
        """The rest between a superset's members: the user's, the program's, else 20 s."""
        gym = self._gym
        return (
            gym.settings.superset_rest_s or gym.program.superset_rest_s or DEFAULT_SUPERSET_REST_S
        )

    def rest_after(self, last: LoggedSet, view: TodayView, *, logged: bool) -> int:
        """The rest after a set: in a superset, the short one while its round goes on and the
        longest of its members' after the round; else the exercise's own (`view`: Today
        before the set, or with it when `logged`)."""
        found = rest_in_superset(view.rows, last.exercise_id, logged=logged)
        if found is None or not last.is_working:
            return self._gym.rest_for(last.exercise_id, last.kind, view.day)
        after, group = found
        if after == "between":
            return self.between_s()
        return max(self._gym.rest_for(m, "working", view.day) for m in group.members)
