"""gym.feedback: the lifter's word on a set just done, in one key: its effort (a digit, on the
user's scale, kept as RPE) and a pain mark (where, how bad). Each is one write, on disk before
the screen says so; `z` on Today puts the set's marks back as they were, for a few seconds."""

from __future__ import annotations

from typing import Protocol

from gymtui.core.effort_scale import EFFORT_HINT, effort_text, rpe_for_key
from gymtui.core.models import LoggedSet
from gymtui.core.pain import Pain, read_pain
from gymtui.core.settings import Settings
from gymtui.core.training import TodayView, set_numbers
from gymtui.errors import Refused
from gymtui.gym.exercises import ExerciseCatalogue
from gymtui.gym.plan_edits import TodayPlan
from gymtui.store import Store

NO_SET = "No set logged yet: log a set, then rate it or note pain."
WARMUP = "No effort or pain on a warm-up: a mark goes on a working set."


class Host(Protocol):
    """What the part reads of Gym: settings, the catalogue, Today and its undo."""

    settings: Settings
    exercises: ExerciseCatalogue
    plan: TodayPlan

    def refresh(self) -> TodayView: ...


class Feedback:
    """Effort and pain on a logged set (`gym.feedback`)."""

    def __init__(self, store: Store, gym: Host) -> None:
        self._store = store
        self._gym = gym

    def target(self, set_id: int | None = None) -> LoggedSet:
        """The set a key marks: `set_id` (Today's highlighted logged set), else the session's
        latest working set. Refused for a warm-up, or with no set logged this session."""
        view = self._gym.refresh()
        sets = view.session_sets
        if set_id is None:
            working = [s for s in sets if s.is_working]
            if not working:
                raise Refused(WARMUP if sets else NO_SET)
            return working[-1]
        chosen = next((s for s in sets if s.id == set_id), None)
        if chosen is None:
            chosen = self._store.sessions.get_set(set_id)
        if not chosen.is_working:
            raise Refused(WARMUP)
        return chosen

    def describe(self, logged: LoggedSet, *, leg: bool = True) -> str:
        """`Back squat set 2` (`set 2 L` for one leg of a pair, unless `leg` is False)."""
        sets = self._store.sessions.sets(logged.session_id)
        numbers = dict(zip((s.id for s in sets), set_numbers(sets), strict=True))
        number = numbers.get(logged.id) or logged.set_number
        side = f" {logged.side}" if logged.side and leg else ""
        return f"{self._gym.exercises.get(logged.exercise_id).name} set {number}{side}"

    def rate(self, key: str, set_id: int | None = None) -> str:
        """Rate a set with a digit on the user's scale; what was saved, to say."""
        scale = self._gym.settings.effort_scale
        rpe = rpe_for_key(key, scale)
        if rpe is None:
            raise Refused(f"{key} is no effort on your scale: {EFFORT_HINT[scale]}.")
        logged = self.target(set_id)
        if logged.is_hold:
            raise Refused("A hold has no effort rating: its seconds say how it went.")
        legs = self._legs(logged)
        with self._store.transaction():
            for leg in legs:
                self._store.sessions.mark_set(leg.id, "rpe", rpe)
        self._offer_undo(legs, "effort")
        self._gym.refresh()
        return f"{effort_text(rpe, scale)} on {self.describe(logged, leg=len(legs) == 1)}"

    def mark_pain(self, set_id: int, pain: Pain | None) -> str:
        """Note pain on a set (None clears its mark); what was saved, to say."""
        logged = self.target(set_id)
        self._store.sessions.mark_set(logged.id, "pain", pain.stored if pain else None)
        self._offer_undo([logged], "pain mark")
        self._gym.refresh()
        if pain is None:
            return f"Pain mark cleared on {self.describe(logged)}"
        text = pain.text
        return f"{text[:1].upper()}{text[1:]} noted on {self.describe(logged)}"

    def pain_of(self, logged: LoggedSet) -> Pain | None:
        """The set's pain mark."""
        return read_pain(logged.pain)

    def _legs(self, logged: LoggedSet) -> list[LoggedSet]:
        """The set, or for one leg of a pair both legs: a pair is one planned set, rated once."""
        if logged.side is None:
            return [logged]
        sets = self._store.sessions.sets(logged.session_id)
        numbers = dict(zip((s.id for s in sets), set_numbers(sets), strict=True))
        mine = numbers[logged.id]
        return [
            s
            for s in sets
            if s.exercise_id == logged.exercise_id and s.side and numbers[s.id] == mine
        ]

    def _offer_undo(self, before: list[LoggedSet], what: str) -> None:
        text = f"The {what} on {self.describe(before[-1], leg=len(before) == 1)}"
        self._gym.plan.offer_marks_undo(text, tuple(before))
