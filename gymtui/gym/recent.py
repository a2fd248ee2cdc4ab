"""Earlier sessions' sets per exercise, as Today and the suggestions read them (no Textual)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from gymtui.core.models import LoggedSet, Program
from gymtui.core.progression import RECENT_SESSIONS
from gymtui.gym.coach import excused_sessions
from gymtui.store import Store


class RecentSets:
    """An exercise's sets in the sessions before one, kept: they cannot change while a session
    runs. Cleared when they may have (a correction, a new session, another window's write)."""

    def __init__(self, store: Store, program: Program, now: Callable[[], datetime]) -> None:
        self._store = store
        self._program = program
        self._now = now
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
        first; a session where it was skipped part-way is left out (a skip is no miss)."""
        key = (before, exercise_id)
        if key not in self._kept:
            if self._skipped is None:
                self._skipped = skipped_in(self._store)
            leave_out = self._skipped.get(exercise_id, [])
            self._kept[key] = self._store.sessions.recent_sets_for(
                exercise_id, before, self.depth, leave_out=leave_out
            )
        return self._kept[key]

    def excused(self) -> frozenset[int]:
        """The sessions the rules do not judge: a deload week's and a poor day's (no miss,
        and no lighter start after them); Today still shows them as last time."""
        if self._excused is None:
            self._excused = frozenset(excused_sessions(self._store, self._program, self._now()))
        return self._excused

    def judged(self, exercise_id: str, before: int | None) -> list[list[LoggedSet]]:
        """`sets`, without the sessions the rules do not judge."""
        excused = self.excused()
        return [s for s in self.sets(exercise_id, before) if not (s and s[0].session_id in excused)]

    _skipped: dict[str, list[int]] | None = None
    _excused: frozenset[int] | None = None

    def clear(self) -> None:
        """Forget what was read: the next view reads the file again."""
        self._kept.clear()
        self._skipped = None
        self._excused = None


SKIPPED = "skipped_sets"  # the setting: [[session id, its start, exercise id], ...]


def skipped_in(store: Store) -> dict[str, list[int]]:
    """Each exercise's sessions where it was skipped after some sets: those sets count for
    no progression (a session's id is checked with its start: SQLite reuses a deleted one's)."""
    try:
        entries = json.loads(store.setting(SKIPPED) or "[]")
    except ValueError:
        return {}
    found: dict[str, list[int]] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not (isinstance(entry, list) and len(entry) == 3):
            continue
        session_id, started, exercise_id = entry
        session = store.sessions.find(session_id) if isinstance(session_id, int) else None
        if session is not None and session.started_at.isoformat() == started:
            found.setdefault(str(exercise_id), []).append(session_id)
    return found
