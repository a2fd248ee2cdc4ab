"""gymtui's database: opening it safely, and intention-named reads and writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Literal, cast

from gymtui.core.metrics import Bests
from gymtui.core.models import LoggedSet, ProgramDay, Session, SetInput
from gymtui.core.training import SESSION_IDLE
from gymtui.errors import DatabaseFileError, StaleSession
from gymtui.paths import private_files
from gymtui.store.base import (
    StorageError,
    StoreBase,
    connect,
    entered,
    from_text,
    insert_set,
    session_from_row,
    set_from_row,
    to_text,
)
from gymtui.store.checks import (
    MOVE_ASIDE,
    check_existing_file,
    check_files_writable,
    check_folder,
    check_holds_data,
    read_only_connection,
    real_path,
)
from gymtui.store.edits import SessionEdits
from gymtui.store.history import HistoryReads
from gymtui.store.imports import ImportWrites
from gymtui.store.prs import bests, refresh_prs
from gymtui.store.schema import migrate

# The longest gap between two sets of a session stored as the rest taken after the first.
REST_TAKEN_MAX_S = 3600


class Store(SessionEdits, HistoryReads, ImportWrites, StoreBase):
    """gymtui's database: every write commits before it returns."""

    @classmethod
    def open(cls, path: Path, busy_ms: int = 5000) -> Store:
        """Open (or create) the database at `path`, refusing files that are not ours.

        A symlink is followed once, here: the store then works on the real file, whose -wal
        and -shm SQLite keeps beside it. New files are for the user alone (0600). `busy_ms`
        is how long a write waits for another's to end (a window's is short: it waits on the
        event loop).
        """
        check_folder(path.parent)
        link, path = path, real_path(path)
        if path != link:
            check_folder(path.parent)  # the -wal and -shm are made beside the real file
        if path.exists():
            check_files_writable(path)  # first: SQLite would make read-only -wal and -shm files
            check_existing_file(path)
        try:
            with private_files():  # the file, its -wal and -shm, when SQLite creates them
                conn = connect(str(path))
                # WAL + FULL: a commit is on disk (fsync of the log) before log_set returns.
                conn.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                migrate(conn)
        except sqlite3.Error as exc:
            raise DatabaseFileError(f"gymtui cannot open {path}: {exc}. {MOVE_ASIDE}") from None
        return cls(conn, path)

    @classmethod
    def open_existing_read_only(cls, path: Path) -> Store:
        """An existing file, checked and opened read-only: export and backup write nothing to
        it, so they work from a read-only folder too. A file with nothing of gymtui's in it
        yet (0 bytes, no tables) is refused like a foreign one."""
        if not path.exists():
            raise DatabaseFileError(f"there is no gymtui database at {path} yet: nothing to read.")
        path = real_path(path)
        check_existing_file(path)
        try:
            conn = read_only_connection(path)
        except sqlite3.Error as exc:
            raise DatabaseFileError(f"gymtui cannot read {path}: {exc}.") from None
        try:
            check_holds_data(path, conn)
        except DatabaseFileError:
            conn.close()
            raise
        conn.isolation_level = None
        conn.row_factory = sqlite3.Row
        reader = cls(conn, path)
        reader.read_only = True
        return reader

    @classmethod
    def open_reader(cls, path: Path) -> Store:
        """A read-only connection for a worker thread (WAL lets it read while the app writes)."""
        reader = cls(connect(f"{path.resolve().as_uri()}?mode=ro", uri=True), path)
        reader.read_only = True
        return reader

    # -- settings -------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        """Every stored setting, as text."""
        return {row["key"]: row["value"] for row in self._rows("SELECT key, value FROM settings")}

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A stored setting, or `default`."""
        value = self._value("SELECT value FROM settings WHERE key = ?", [key])
        return cast(str, value) if value is not None else default

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a setting; `None` removes it."""
        self.write_settings({key: value})

    def write_settings(self, changes: Mapping[str, str | None]) -> None:
        """Store several settings in one transaction; `None` removes one."""
        with self.transaction() as conn:
            for key, value in changes.items():
                if value is None:
                    conn.execute("DELETE FROM settings WHERE key = ?", [key])
                else:
                    conn.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        [key, value],
                    )

    # -- sessions -------------------------------------------------------------------

    def close_idle_sessions(self, now: datetime) -> list[int]:
        """Finish sessions idle for 3 hours (and any open one but the newest), at their last set.

        A read when nothing needs closing; a write only when something does.
        """
        stale: list[tuple[int, datetime]] = []
        for n, row in enumerate(
            self._rows(
                "SELECT s.*, (SELECT max(logged_at) FROM sets t WHERE t.session_id = s.id) AS last"
                " FROM sessions s WHERE finished_at IS NULL ORDER BY started_at DESC"
            )
        ):
            session = session_from_row(row)
            last = from_text(row["last"]) if row["last"] else session.started_at
            if n > 0 or now - last >= SESSION_IDLE:
                stale.append((session.id, last))
        if stale:
            with self.transaction() as conn:
                for session_id, when in stale:
                    conn.execute(
                        "UPDATE sessions SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                        [to_text(when), session_id],
                    )
        return [session_id for session_id, _ in stale]

    def open_session(self) -> Session | None:
        """The session in progress, if any (a read: idle ones are closed by close_idle_sessions)."""
        rows = self._rows(
            "SELECT * FROM sessions WHERE finished_at IS NULL ORDER BY started_at DESC LIMIT 1"
        )
        return session_from_row(rows[0]) if rows else None

    def finish_session(self, session_id: int, when: datetime) -> None:
        """Mark a session finished; it stays finished."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                [to_text(when), session_id],
            )

    def session(self, session_id: int) -> Session | None:
        """One session by id."""
        rows = self._rows("SELECT * FROM sessions WHERE id = ?", [session_id])
        return session_from_row(rows[0]) if rows else None

    def previous_session_of_day(self, day_key: str, before: datetime) -> Session | None:
        """The last session of a program day started before `before`."""
        rows = self._rows(
            "SELECT * FROM sessions WHERE day_key = ? AND started_at < ? "
            "ORDER BY started_at DESC LIMIT 1",
            [day_key, to_text(before)],
        )
        return session_from_row(rows[0]) if rows else None

    def last_session(self) -> Session | None:
        """The most recently started session."""
        rows = self._rows("SELECT * FROM sessions ORDER BY started_at DESC LIMIT 1")
        return session_from_row(rows[0]) if rows else None

    # -- sets -----------------------------------------------------------------------

    def log_set(
        self,
        entry: SetInput,
        day: ProgramDay | None,
        now: datetime,
        session: int | Literal["any"] | None = "any",
    ) -> LoggedSet:
        """Store a set; on disk when it returns (inside a caller's transaction: at its end).

        `session` is the session the caller believes is open: its id, or None for "start a new
        one". A session idle for SESSION_IDLE is finished at its last set first, whatever the
        caller believes (a laptop shut overnight still shows yesterday's): the set starts a new
        one. When another window finished the expected session, the set is refused with
        StaleSession rather than filed in the wrong place; when another window has just
        started one (and the caller expected none), that is today's session and the set joins
        it. "any" logs into the open session, or starts one.
        """
        with self.transaction() as conn:
            idled = self.close_idle_sessions(now)
            if session in idled:
                session = None  # ended by the idle limit, not elsewhere: a new session starts
            current = self.open_session()
            if session not in ("any", None) and (current is None or current.id != session):
                raise StaleSession(
                    "Not saved: this session was finished or changed in another window. "
                    "The screen is refreshed; log the set again."
                )
            if current is None:
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
            else:
                session_id = current.id
                # A wall clock set back mid-session (by hand, NTP, a time zone fix) must not
                # file this set before the last one, or before the session began: the order,
                # the PR flags and "since legs" all read these times.
                now = max(now, self._session_latest(current))
            set_id = insert_set(conn, session_id, entry, now)
            refresh_prs(conn, entry.exercise_id, to_text(now))
            if current is not None:
                self._record_rest_taken(conn, session_id, set_id, now)
            return self.get_set(set_id)

    def _session_latest(self, session: Session) -> datetime:
        """The session's last set time, or its start when it has no set yet."""
        last = self._value("SELECT max(logged_at) FROM sets WHERE session_id = ?", [session.id])
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
        rows = self._rows("SELECT * FROM sets WHERE id = ?", [set_id])
        return set_from_row(rows[0]) if rows else None

    def update_set(self, set_id: int, entry: SetInput) -> LoggedSet:
        """Change a logged set's values (its time and place in the session stay)."""
        with self.transaction() as conn:
            before = self.get_set(set_id)
            conn.execute(
                "UPDATE sets SET kind=?, weight_kg=?, reps=?, rpe=?, note=?, side=? WHERE id=?",
                [*entered(entry), set_id],
            )
            refresh_prs(conn, before.exercise_id, to_text(before.logged_at))
            return self.get_set(set_id)

    def delete_set(self, set_id: int) -> None:
        """Remove a set for good; the exercise's later sets in that session move up a number,
        so set 3 of 3 follows set 2 rather than a gap."""
        with self.transaction() as conn:
            before = self.get_set(set_id)
            conn.execute("DELETE FROM sets WHERE id = ?", [set_id])
            conn.execute(
                "UPDATE sets SET set_number = set_number - 1 "
                "WHERE session_id = ? AND exercise_id = ? AND set_number > ?",
                [before.session_id, before.exercise_id, before.set_number],
            )
            refresh_prs(conn, before.exercise_id, to_text(before.logged_at))

    def sets_in_session(self, session_id: int) -> list[LoggedSet]:
        """Every set of a session in the order it was logged."""
        rows = self._rows(
            "SELECT * FROM sets WHERE session_id = ? ORDER BY logged_at, id", [session_id]
        )
        return [set_from_row(r) for r in rows]

    def recent_sets_for(
        self,
        exercise_id: str,
        before_session: int | None = None,
        sessions: int = 1,
        until: datetime | None = None,
    ) -> list[list[LoggedSet]]:
        """The exercise's sets in the latest sessions that had it (other than `before_session`,
        and logged before `until` when given), newest first: an index seek per session,
        however long the history."""
        exclude = before_session if before_session is not None else -1
        found: list[list[LoggedSet]] = []
        before = to_text(until) if until is not None else "9999"
        for _ in range(sessions):
            latest = self._value(
                "SELECT session_id FROM sets WHERE exercise_id = ? AND session_id != ? "
                "AND logged_at < ? ORDER BY logged_at DESC LIMIT 1",
                [exercise_id, exclude, before],
            )
            if latest is None:
                break
            rows = self._rows(
                "SELECT * FROM sets WHERE session_id = ? AND exercise_id = ? "
                "ORDER BY logged_at, id",
                [latest, exercise_id],
            )
            found.append([set_from_row(r) for r in rows])
            before = rows[0]["logged_at"]
        return found

    def bests(self, exercise_id: str, weight_kg: float) -> Bests:
        """The exercise's records so far (heaviest, best e1RM, most reps at this weight)."""
        return bests(self.conn, exercise_id, weight_kg)

    def backup(self, target: Path) -> None:
        """A consistent copy made with SQLite's online backup (safe while the app runs); the
        copy is for the user alone (0600)."""
        with private_files():
            destination = sqlite3.connect(str(target))
        try:
            with private_files():
                self.conn.backup(destination)
        finally:
            destination.close()
