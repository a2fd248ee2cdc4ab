"""What the plan reads besides sets: when blocks were begun, and the readiness answers
given before a session's first set (kept as a setting until that set starts the session)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from gymtui.store.base import from_text, to_text

if TYPE_CHECKING:
    from gymtui.store.store import Store

READINESS = "readiness_today"  # the setting: {"after": session before, "sleep", "soreness", "at"}
ANSWERS_KEEP = timedelta(hours=12)  # answers older than this say nothing of a session now


class Pending(NamedTuple):
    """Readiness answered (or skipped: both None) for the session after `after`."""

    after: str
    sleep: int | None
    soreness: int | None
    at: str = ""  # when answered (ISO time); "" from before it was kept: as if just now


def _score(value: object) -> int | None:
    return value if isinstance(value, int) and 1 <= value <= 5 else None


class PlanFacts:
    """Block starts and readiness answers, on file."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def block_starts(self) -> list[datetime]:
        """Each moment a block was begun, oldest first."""
        rows = self.store.query("SELECT seen_at FROM block_starts ORDER BY seen_at")
        return [from_text(r["seen_at"]) for r in rows]

    def begin_block(self, now: datetime) -> None:
        """A block begins: from the week of the first leg day at or after `now`."""
        with self.store.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO block_starts (seen_at) VALUES (?)", [to_text(now)])

    def sessions_since(self, since: datetime) -> list[tuple[int, datetime]]:
        """Each session started at or after `since`: its id and start."""
        rows = self.store.query(
            "SELECT id, started_at FROM sessions WHERE started_at >= ? ORDER BY started_at",
            [to_text(since)],
        )
        return [(r["id"], from_text(r["started_at"])) for r in rows]

    def poor_days(self, sleep_at_most: int, soreness_at_least: int) -> list[int]:
        """The sessions whose readiness answers made a poor day (core.readiness's rule)."""
        rows = self.store.query(
            "SELECT id FROM sessions WHERE sleep <= ? OR soreness >= ?",
            [sleep_at_most, soreness_at_least],
        )
        return [r["id"] for r in rows]

    def pending_readiness(self) -> Pending | None:
        """The answers given before a session's first set, as on file."""
        try:
            saved = json.loads(self.store.setting(READINESS) or "null")
        except ValueError:
            return None
        if not isinstance(saved, dict) or not isinstance(saved.get("after"), str):
            return None
        at = saved.get("at")
        at = at if isinstance(at, str) else ""
        return Pending(
            saved["after"], _score(saved.get("sleep")), _score(saved.get("soreness")), at
        )

    def save_readiness(self, answers: Pending) -> None:
        """Keep today's answers (both None: skipped) until the first set starts the session."""
        self.store.set_setting(READINESS, json.dumps(answers._asdict()))

    def pending_for(self, after: str, now: datetime) -> Pending | None:
        """The answers given for the session about to start (`after`: the session before
        it) while they are today's: answered within ANSWERS_KEEP before `now` (answered,
        then no set logged: days later they say nothing of that day)."""
        pending = self.pending_readiness()
        if pending is None or pending.after != after:
            return None
        try:
            at = datetime.fromisoformat(pending.at) if pending.at else now
        except ValueError:
            return None
        if at.tzinfo is None or not timedelta(0) <= now - at <= ANSWERS_KEEP:
            return None
        return pending

    def carry_readiness(
        self, conn: sqlite3.Connection, session_id: int, after: str, now: datetime
    ) -> None:
        """Into a session just started by its first set (at `now`): the answers given for it
        (in the set's transaction)."""
        pending = self.pending_for(after, now)
        if pending is not None and pending.sleep is not None:
            conn.execute(
                "UPDATE sessions SET sleep = ?, soreness = ? WHERE id = ?",
                [pending.sleep, pending.soreness, session_id],
            )
