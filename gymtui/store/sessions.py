"""Sessions and their sets: logging a set (a session starts with its first), reading them
back, and correcting them after the fact (a forgotten set, a note, a set or a session
deleted, a session reopened).

Each write is one transaction; PR flags are recomputed from the first set a change touches,
so a deleted record hands its star back to the set it had beaten.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal, cast

from gymtui.core.metrics import Bests
from gymtui.core.models import SET_COLUMNS, LoggedSet, ProgramDay, Session, SetInput
from gymtui.core.training import SESSION_IDLE
from gymtui.errors import StaleSession
from gymtui.store.base import (
    StorageError,
    from_text,
    insert_set,
    session_from_row,
    set_from_row,
    to_text,
    update_entered,
)
from gymtui.store.prs import bests, refresh_prs

if TYPE_CHECKING:
    from gymtui.store.store import Store

# The longest gap between two sets of a session stored as the rest taken after the first.
REST_TAKEN_MAX_S = 3600
GONE = "Not saved: that session is gone (deleted in another window?)."
AFTER_LAST_SET = timedelta(seconds=1)  # a forgotten set goes right after the session's last


class Sessions:
    """The sessions and sets tables: `store.sessions`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def close_idle(self, now: datetime) -> list[int]:
        """Finish sessions idle for 3 hours (and any open one but the newest), at their last set.

        A read when nothing needs closing; a write only when something does.
        """
        stale: list[tuple[int, datetime]] = []
        for n, row in enumerate(
            self.store.query(
                "SELECT s.*, (SELECT max(logged_at) FROM sets t WHERE t.session_id = s.id) AS last"
                " FROM sessions s WHERE finished_at IS NULL ORDER BY started_at DESC"
            )
        ):
            session = session_from_row(row)
            last = from_text(row["last"]) if row["last"] else session.started_at
            if n > 0 or now - last >= SESSION_IDLE:
                stale.append((session.id, last))
        if stale:
            with self.store.transaction() as conn:
                for session_id, when in stale:
                    conn.execute(
                        "UPDATE sessions SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                        [to_text(when), session_id],
                    )
        return [session_id for session_id, _ in stale]

    def current(self) -> Session | None:
        """The session in progress, if any (a read: idle ones are closed by close_idle)."""
        rows = self.store.query(
            "SELECT * FROM sessions WHERE finished_at IS NULL ORDER BY started_at DESC LIMIT 1"
        )
        return session_from_row(rows[0]) if rows else None

    def finish(self, session_id: int, when: datetime) -> None:
        """Mark a session finished; it stays finished."""
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                [to_text(when), session_id],
            )

    def find(self, session_id: int) -> Session | None:
        """One session by id, or None when it was deleted."""
        rows = self.store.query("SELECT * FROM sessions WHERE id = ?", [session_id])
        return session_from_row(rows[0]) if rows else None

    def previous_of_day(self, day_key: str, before: datetime) -> Session | None:
        """The last session of a program day started before `before`."""
        rows = self.store.query(
            "SELECT * FROM sessions WHERE day_key = ? AND started_at < ? "
            "ORDER BY started_at DESC LIMIT 1",
            [day_key, to_text(before)],
        )
        return session_from_row(rows[0]) if rows else None

    def last(self, before: datetime | None = None) -> Session | None:
        """The most recently started session (of those started before `before`)."""
        if before is None:
            rows = self.store.query("SELECT * FROM sessions ORDER BY started_at DESC LIMIT 1")
        else:
            rows = self.store.query(
                "SELECT * FROM sessions WHERE started_at < ? ORDER BY started_at DESC LIMIT 1",
                [to_text(before)],
            )
        return session_from_row(rows[0]) if rows else None

    # -- sets -----------------------------------------------------------------------

    def log_set(
        self,
        entry: SetInput,
        day: ProgramDay | None,
        now: datetime,
        session: int | Literal["any"] | None = "any",
        superset: str | None = None,
    ) -> LoggedSet:
        """Store a set (done in the superset labelled `superset`, when it was); on disk when
        it returns (inside a caller's transaction: at its end).

        `session` is the session the caller believes is open: its id, or None for "start a new
        one". A session idle for SESSION_IDLE is finished at its last set first, whatever the
        caller believes (a laptop shut overnight still shows yesterday's): the set starts a new
        one. When another window finished the expected session, the set is refused with
        StaleSession rather than filed in the wrong place; when another window has just
        started one (and the caller expected none), that is today's session and the set joins
        it. "any" logs into the open session, or starts one.
        """
        with self.store.transaction() as conn:
            idled = self.close_idle(now)
            if session in idled:
                session = None  # ended by the idle limit, not elsewhere: a new session starts
            current = self.current()
            if session not in ("any", None) and (current is None or current.id != session):
                raise StaleSession(
                    "Not saved: this session was finished or changed in another window. "
                    "The screen is refreshed; log the set again."
                )
            if current is None:
                before = self.last()
                after = "" if before is None else f"{before.id} {before.started_at.isoformat()}"
                cursor = conn.execute(
                    "INSERT INTO sessions (day_key, day_name, started_at, source_key)"
                    " VALUES (?, ?, ?, ?)",
                    [
                        day.key if day else None,
                        day.name if day else "Session",
                        to_text(now),
                        f"gymtui:{to_text(now)}",
                    ],
                )
                session_id = int(cast(int, cursor.lastrowid))
                self.store.plan_facts.carry_readiness(conn, session_id, after, now)
            else:
                session_id = current.id
                # A wall clock set back mid-session (by hand, NTP, a time zone fix) must not
                # file this set before the last one, or before the session began: the order,
                # the PR flags and "since legs" all read these times.
                now = max(now, self._session_latest(current))
            set_id = insert_set(conn, session_id, entry, now, superset)
            refresh_prs(conn, entry.exercise_id, to_text(now))
            if current is not None:  # a hold's rest ended when it began, not when it ended
                held = timedelta(seconds=entry.seconds or 0)
                self._record_rest_taken(conn, session_id, set_id, now - held)
            return self.get_set(set_id)

    def _session_latest(self, session: Session) -> datetime:
        """The session's last set time, or its start when it has no set yet."""
        last = self.store.value(
            "SELECT max(logged_at) FROM sets WHERE session_id = ?", [session.id]
        )
        return max(session.started_at, from_text(last)) if last else session.started_at

    @staticmethod
    def _record_rest_taken(
        conn: sqlite3.Connection, session_id: int, set_id: int, now: datetime
    ) -> None:
        previous = conn.execute(
            "SELECT id, logged_at FROM sets WHERE session_id = ? AND id != ? "
            "ORDER BY logged_at DESC, id DESC LIMIT 1",
            [session_id, set_id],
        ).fetchone()
        if previous is not None:
            taken = max(0, round((now - from_text(previous[1])).total_seconds()))
            # NULL rather than capped: a gap this long was a break (a phone call, the laptop
            # shut), not a rest, and a made-up cap would still count as a rest in averages.
            # NULL already means "no rest measured" (the last set of every session).
            rest = taken if taken <= REST_TAKEN_MAX_S else None
            conn.execute("UPDATE sets SET rest_taken_s = ? WHERE id = ?", [rest, previous[0]])

    def get_set(self, set_id: int) -> LoggedSet:
        """One set by id, as stored."""
        found = self.find_set(set_id)
        if found is None:
            raise StorageError("Not saved: that set is gone (deleted in another window?).")
        return found

    def find_set(self, set_id: int) -> LoggedSet | None:
        """One set by id, or None when it was deleted."""
        rows = self.store.query("SELECT * FROM sets WHERE id = ?", [set_id])
        return set_from_row(rows[0]) if rows else None

    def update_set(self, set_id: int, entry: SetInput) -> LoggedSet:
        """Change a logged set's values (its time and place in the session stay)."""
        with self.store.transaction() as conn:
            before = self.get_set(set_id)
            update_entered(conn, set_id, entry)
            refresh_prs(conn, before.exercise_id, to_text(before.logged_at))
            return self.get_set(set_id)

    def mark_set(self, set_id: int, column: str, value: float | str | None) -> LoggedSet:
        """Write a set's effort (`rpe`) or pain mark (`pain`) after the fact; the set as stored."""
        if column not in ("rpe", "pain"):
            raise ValueError(column)
        with self.store.transaction() as conn:
            self.get_set(set_id)
            conn.execute(f"UPDATE sets SET {column} = ? WHERE id = ?", [value, set_id])
            return self.get_set(set_id)

    def delete_set(self, set_id: int) -> None:
        """Remove a set for good; the exercise's later sets in that session move up a number,
        so set 3 of 3 follows set 2 rather than a gap."""
        with self.store.transaction() as conn:
            before = self.get_set(set_id)
            conn.execute("DELETE FROM sets WHERE id = ?", [set_id])
            conn.execute(
                "UPDATE sets SET set_number = set_number - 1 "
                "WHERE session_id = ? AND exercise_id = ? AND set_number > ?",
                [before.session_id, before.exercise_id, before.set_number],
            )
            refresh_prs(conn, before.exercise_id, to_text(before.logged_at))

    def restore_set(self, gone: LoggedSet) -> LoggedSet:
        """Put a deleted set back as it was (undo): its id when still free, its time, number
        and values; the exercise's later sets in the session move back down a number, and the
        PR flags from it on are worked out again."""
        with self.store.transaction() as conn:
            self._session_row(conn, gone.session_id)
            taken = conn.execute("SELECT 1 FROM sets WHERE id = ?", [gone.id]).fetchone()
            conn.execute(
                "UPDATE sets SET set_number = set_number + 1 "
                "WHERE session_id = ? AND exercise_id = ? AND set_number >= ?",
                [gone.session_id, gone.exercise_id, gone.set_number],
            )
            columns = ", ".join(SET_COLUMNS)
            values = [getattr(gone, c) for c in SET_COLUMNS]
            values[SET_COLUMNS.index("logged_at")] = to_text(gone.logged_at)
            if taken is None:
                conn.execute(
                    f"INSERT INTO sets (id, {columns}) VALUES (?{', ?' * len(SET_COLUMNS)})",
                    [gone.id, *values],
                )
                set_id = gone.id
            else:
                cursor = conn.execute(
                    f"INSERT INTO sets ({columns}) VALUES ({', '.join('?' * len(SET_COLUMNS))})",
                    values,
                )
                set_id = int(cast(int, cursor.lastrowid))
            refresh_prs(conn, gone.exercise_id, to_text(gone.logged_at))
            return self.get_set(set_id)

    def sets(self, session_id: int) -> list[LoggedSet]:
        """Every set of a session in the order it was logged."""
        rows = self.store.query(
            "SELECT * FROM sets WHERE session_id = ? ORDER BY logged_at, id", [session_id]
        )
        return [set_from_row(r) for r in rows]

    def recent_sets_for(
        self,
        exercise_id: str,
        before_session: int | None = None,
        sessions: int = 1,
        until: datetime | None = None,
        leave_out: Sequence[int] = (),
    ) -> list[list[LoggedSet]]:
        """The exercise's sets in the latest sessions that had working sets of it (other than
        `before_session` and those in `leave_out`, and logged before `until` when given),
        newest first: an index seek per session, however long the history. A session of
        only its warm-ups is passed over: it says nothing of the weight to work at."""
        exclude = [before_session if before_session is not None else -1, *leave_out]
        found: list[list[LoggedSet]] = []
        before = to_text(until) if until is not None else "9999"
        marks = ", ".join("?" * len(exclude))
        for _ in range(sessions):
            latest = self.store.value(
                "SELECT session_id FROM sets WHERE exercise_id = ? AND kind != 'warmup' "
                f"AND session_id NOT IN ({marks}) "
                "AND logged_at < ? ORDER BY logged_at DESC LIMIT 1",
                [exercise_id, *exclude, before],
            )
            if latest is None:
                break
            rows = self.store.query(
                "SELECT * FROM sets WHERE session_id = ? AND exercise_id = ? "
                "ORDER BY logged_at, id",
                [latest, exercise_id],
            )
            found.append([set_from_row(r) for r in rows])
            before = rows[0]["logged_at"]
        return found

    def bests(self, entry: SetInput) -> Bests:
        """The records so far of the exercise of a set about to be logged (heaviest, best
        e1RM, most reps at its weight; the longest hold, for a hold)."""
        hold = entry.seconds is not None
        return bests(self.store.conn, entry.exercise_id, entry.weight_kg, hold=hold)

    # -- corrections after the fact ---------------------------------------------------

    def _session_row(self, conn: sqlite3.Connection, session_id: int) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM sessions WHERE id = ?", [session_id]).fetchone()
        if row is None:
            raise StorageError(GONE)
        return cast(sqlite3.Row, row)

    def add_set(self, session_id: int, entry: SetInput) -> LoggedSet:
        """File a forgotten set in a past session, right after its last set (so the session's
        date, its volume and the PRs that follow it are where the lifter did the work)."""
        with self.store.transaction() as conn:
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

    def set_note(self, session_id: int, note: str | None) -> None:
        """Write (or with None, clear) a session's note."""
        with self.store.transaction() as conn:
            self._session_row(conn, session_id)
            conn.execute("UPDATE sessions SET note = ? WHERE id = ?", [note, session_id])

    def delete(self, session_id: int) -> int:
        """Delete a session and its sets; the PRs after it are recomputed. Returns the number
        of sets deleted."""
        with self.store.transaction() as conn:
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

    def reopen(self, session_id: int, now: datetime) -> None:
        """Make a finished session the one in progress again, so that Today logs into it.

        Only the newest session, within SESSION_IDLE of its last set: a set logged now into an
        older one would be dated hours or days after the rest of it (History's add-a-set files
        a forgotten set in an older session at its own time instead).
        """
        with self.store.transaction() as conn:
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
