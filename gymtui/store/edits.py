"""Corrections to past sessions (a forgotten set, a note, a session deleted or reopened), and
the day's body weight.

Each is one transaction; PR flags are recomputed from the first set the change touches, so a
deleted record hands its star back to the set it had beaten.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import cast

from gymtui.core.models import LoggedSet, SetInput
from gymtui.core.training import SESSION_IDLE
from gymtui.store.base import (
    StorageError,
    StoreBase,
    from_text,
    insert_set,
    set_from_row,
    to_text,
)
from gymtui.store.prs import refresh_prs

GONE = "Not saved: that session is gone (deleted in another window?)."
AFTER_LAST_SET = timedelta(seconds=1)  # a forgotten set goes right after the session's last


class SessionEdits(StoreBase):
    """Writes that correct a session after the fact."""

    def _session_row(self, conn: sqlite3.Connection, session_id: int) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM sessions WHERE id = ?", [session_id]).fetchone()
        if row is None:
            raise StorageError(GONE)
        return cast(sqlite3.Row, row)

    def add_set_to_session(self, session_id: int, entry: SetInput) -> LoggedSet:
        """File a forgotten set in a past session, right after its last set (so the session's
        date, its volume and the PRs that follow it are where the lifter did the work)."""
        with self.transaction() as conn:
            session = self._session_row(conn, session_id)
            last = conn.execute(
                "SELECT max(logged_at) FROM sets WHERE session_id = ?", [session_id]
            ).fetchone()[0]
            when = from_text(last) + AFTER_LAST_SET if last else from_text(session["started_at"])
            set_id = insert_set(conn, session_id, entry, when)
            finished = session["finished_at"]
            if finished is not None and from_text(finished) < when:
                conn.execute(
                    "UPDATE sessions SET finished_at = ? WHERE id = ?", [to_text(when), session_id]
                )
            refresh_prs(conn, entry.exercise_id, to_text(when))
            row = conn.execute("SELECT * FROM sets WHERE id = ?", [set_id]).fetchone()
            return set_from_row(row)

    def set_session_note(self, session_id: int, note: str | None) -> None:
        """Write (or with None, clear) a session's note."""
        with self.transaction() as conn:
            self._session_row(conn, session_id)
            conn.execute("UPDATE sessions SET note = ? WHERE id = ?", [note, session_id])

    def delete_session(self, session_id: int) -> int:
        """Delete a session and its sets; the PRs after it are recomputed. Returns the number
        of sets deleted."""
        with self.transaction() as conn:
            self._session_row(conn, session_id)
            touched = conn.execute(
                "SELECT exercise_id, min(logged_at), count(*) FROM sets WHERE session_id = ? "
                "GROUP BY exercise_id",
                [session_id],
            ).fetchall()
            conn.execute("DELETE FROM sets WHERE session_id = ?", [session_id])
            conn.execute("DELETE FROM sessions WHERE id = ?", [session_id])
            for exercise_id, since, _ in touched:
                refresh_prs(conn, exercise_id, since)
            return sum(n for _, _, n in touched)

    def reopen_session(self, session_id: int, now: datetime) -> None:
        """Make a finished session the one in progress again, so that Today logs into it.

        Only the newest session, within SESSION_IDLE of its last set: a set logged now into an
        older one would be dated hours or days after the rest of it (History's add-a-set files
        a forgotten set in an older session at its own time instead).
        """
        with self.transaction() as conn:
            session = self._session_row(conn, session_id)
            if session["finished_at"] is None:
                raise StorageError("That session is already in progress.")
            newer = conn.execute(
                "SELECT 1 FROM sessions WHERE started_at > ? AND id != ? LIMIT 1",
                [session["started_at"], session_id],
            ).fetchone()
            last = conn.execute(
                "SELECT max(logged_at) FROM sets WHERE session_id = ?", [session_id]
            ).fetchone()[0]
            ended = from_text(last) if last else from_text(session["started_at"])
            if newer is not None or now - ended >= SESSION_IDLE:
                hours = int(SESSION_IDLE.total_seconds() // 3600)
                raise StorageError(
                    f"Only the latest session can be reopened, within {hours} hours of its last "
                    "set. To add a forgotten set to this one, press a."
                )
            conn.execute("UPDATE sessions SET finished_at = NULL WHERE id = ?", [session_id])

    # -- body weight: one value a day -------------------------------------------------

    def set_body_weight(self, day: date, weight_kg: float, now: datetime) -> None:
        """Store the day's body weight (a second one the same day replaces the first)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO body_weights (day, weight_kg, logged_at) VALUES (?, ?, ?) "
                "ON CONFLICT(day) DO UPDATE SET weight_kg = excluded.weight_kg, "
                "logged_at = excluded.logged_at",
                [day.isoformat(), weight_kg, to_text(now)],
            )

    def body_weights(self, since: date | None = None) -> list[tuple[date, float]]:
        """Every weighed day since `since` (all when None), oldest first."""
        rows = self._rows(
            "SELECT day, weight_kg FROM body_weights WHERE day >= ? ORDER BY day",
            [since.isoformat() if since else ""],
        )
        return [(date.fromisoformat(r["day"]), float(r["weight_kg"])) for r in rows]

    def latest_body_weight(self) -> tuple[date, float] | None:
        """The last weighed day and its weight."""
        rows = self._rows("SELECT day, weight_kg FROM body_weights ORDER BY day DESC LIMIT 1")
        return (date.fromisoformat(rows[0]["day"]), float(rows[0]["weight_kg"])) if rows else None
