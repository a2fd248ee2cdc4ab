"""Earlier sessions' sets per exercise, as Today and the suggestions read them (no Textual)."""

from __future__ import annotations

from gymtui.core.models import LoggedSet, Program
from gymtui.core.progression import RECENT_SESSIONS
from gymtui.store import Store


class RecentSets:
    """An exercise's sets in the sessions before one, kept: they cannot change while a session
    runs. Cleared when they may have (a correction, a new session, another window's write)."""

    def __init__(self, store: Store, program: Program) -> None:
        self._store = store
        self._kept: dict[tuple[int | None, str], list[list[LoggedSet]]] = {}
        # Sessions read back per exercise: enough to count the misses a deload waits for, and
        # for the recent best e1RM that caps every suggestion.
        self.depth = max(
            [
                RECENT_SESSIONS,
                *(
                    p.progression.deload_after
                    for d in program.days
                    for p in d.exercises
                    if p.progression.kind == "linear"
                ),
            ]
        )

    def sets(self, exercise_id: str, before: int | None) -> list[list[LoggedSet]]:
        """The exercise's sets in the latest sessions other than session `before`, newest
        first."""
        key = (before, exercise_id)
        if key not in self._kept:
            self._kept[key] = self._store.sessions.recent_sets_for(exercise_id, before, self.depth)
        return self._kept[key]

    def clear(self) -> None:
        """Forget what was read: the next view reads the file again."""
        self._kept.clear()
