"""Corrections to what is logged, `gym.corrections`: a set edited or deleted, a session's
note, a session deleted or reopened, and the day's body weight; no Textual. Each write is one
transaction, and PR flags, Today and the suggestions that read past sessions follow it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from gymtui.core.models import LoggedSet, SetInput
from gymtui.core.rest import Clock
from gymtui.core.training import TodayView
from gymtui.gym.history import RANGES
from gymtui.store import Store


class Corrections:
    """Gym's writes that correct what is already logged."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        changed: Callable[[], TodayView],
        deleted: Callable[[LoggedSet], None] = lambda _: None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._after_change = changed  # past sessions read again, and Today with them
        self._deleted = deleted  # offers the undo

    def edit_set(self, set_id: int, entry: SetInput) -> LoggedSet:
        """Change a logged set; PR flags follow."""
        changed = self._store.sessions.update_set(set_id, entry)
        self._after_change()
        return changed

    def delete_set(self, set_id: int) -> TodayView:
        """Delete a logged set; PR flags follow (z puts it back, for a few seconds)."""
        gone = self._store.sessions.get_set(set_id)
        self._store.sessions.delete_set(set_id)
        self._deleted(gone)
        return self._after_change()

    def set_session_note(self, session_id: int, note: str) -> bool:
        """Write a session's note (an empty one clears it); True once it is on disk."""
        self._store.sessions.set_note(session_id, note.strip() or None)
        return True

    def delete_session(self, session_id: int) -> int:
        """Delete a session and its sets (PRs after it are recomputed); how many sets went."""
        deleted = self._store.sessions.delete(session_id)
        self._after_change()
        return deleted

    def reopen_session(self, session_id: int) -> TodayView:
        """Make the latest session, finished within the idle limit, the one Today logs into."""
        self._store.sessions.reopen(session_id, self._clock.now())
        return self._after_change()

    def log_body_weight(self, weight_kg: float) -> date:
        """Today's body weight (weighing again the same day replaces it); the day it is for."""
        now = self._clock.now()
        day = now.astimezone().date()  # the lifter's own calendar day
        self._store.body_weights.record(day, weight_kg, now)
        return day

    def body_weight(self) -> tuple[date, float] | None:
        """The last weighed day and its weight."""
        return self._store.body_weights.latest()

    def body_weights(self, range_key: str) -> list[tuple[date, float]]:
        """The weighed days in one of History's ranges, oldest first."""
        days = RANGES[range_key][1]
        since = self._clock.now().astimezone().date() - timedelta(days=days) if days else None
        return self._store.body_weights.since(since)
