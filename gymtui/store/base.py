"""The connection every part of the store shares: transactions, rows and times."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from gymtui.core.models import Exercise, LoggedSet, Session, SetInput, SetKind, Side
from gymtui.errors import DatabaseUnreadable, GymtuiError, ImportRunning
from gymtui.paths import make_private_folder
from gymtui.store.importing import running_import

if TYPE_CHECKING:
    from gymtui.core.exercises import ExerciseEdit


class StorageError(GymtuiError):
    """A write did not reach the disk; nothing was saved."""


class DatabaseMoved(StorageError):
    """The file at the data path is no longer the one this connection has open (replaced by a
    sync or a restore, or deleted): a write would land in a file nobody will see again."""


class ImportHoldsFile(ImportRunning, StorageError):
    """A write refused while a `gymtui import` holds the file: the window says an import is
    running (ImportRunning), and what suppresses a refused write (the rest timer's flag in the
    tick) suppresses this one too (StorageError)."""


def to_text(moment: datetime) -> str:
    """Store a moment as ISO-8601 in UTC with its offset, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_text(text: str) -> datetime:
    """Read a stored moment back, in the local time zone."""
    return datetime.fromisoformat(text).astimezone()


def connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode: every write transaction is opened explicitly."""
    conn = sqlite3.connect(target, uri=uri, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


class StoreBase:
    """A connection to gymtui's file; every write runs in a `BEGIN IMMEDIATE` transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.read_only = False
        self._depth = 0
        self._identity = file_identity(path)
        self._moved_text: str | None = None

    def close(self) -> None:
        """Close the file, first folding the write-ahead log into it, so that gymtui.db alone
        (copied, synced) holds everything."""
        with contextlib.suppress(sqlite3.Error):
            if not self.read_only and not self.conn.in_transaction:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action, one transaction; nested calls join the outer one.

        `BEGIN IMMEDIATE` takes the write lock up front, so a second window waits (the busy
        timeout) instead of failing when its read would have to become a write.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield self.conn
            # Checked last, so no write of this transaction reaches a file no longer in use.
            if self.moved():
                self._rollback()
                raise DatabaseMoved(f"Not saved: {self.settle_moved()}")
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StorageError(f"Not saved: {self.path} refused the write ({exc}).") from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    def _begin(self) -> None:
        """`BEGIN IMMEDIATE`. While a `gymtui import` holds the file (seconds, one
        transaction), tried once without waiting: a window's event loop never sits in the busy
        wait, and the refusal says an import is running."""
        running = running_import(self.path)
        waited = None
        if running is not None:
            waited = self._value("PRAGMA busy_timeout")
            self.conn.execute("PRAGMA busy_timeout=0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            locked = isinstance(exc, sqlite3.OperationalError) and (
                "locked" in str(exc) or "busy" in str(exc)
            )
            running = running or (running_import(self.path) if locked else None)
            if running is not None:
                raise ImportHoldsFile(running.started) from None
            if locked:
                raise StorageError(
                    f"Not saved: another program is writing to {self.path} ({exc}); "
                    "try again in a moment."
                ) from None
            raise StorageError(f"Not saved: {self.path} refused the write ({exc}).") from None
        finally:
            if waited is not None:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute(f"PRAGMA busy_timeout={int(waited)}")

    def moved(self) -> bool:
        """The file at the data path is no longer the one open here: replaced (a sync tool, a
        restore from another machine: a copy renamed over it) or deleted with its folder.
        Writes would land in the old file, which is gone once gymtui quits."""
        if self._identity is None:
            return False
        try:
            return file_identity(self.path, strict=True) != self._identity
        except (FileNotFoundError, NotADirectoryError):
            return True
        except OSError:
            return False  # unreadable folder: the write fails by itself and says so

    def settle_moved(self) -> str:
        """Once the file was replaced or deleted: fold this connection's write-ahead log into
        the old file and empty it (a -wal left beside the new file would be read as part of it
        by the next gymtui to open it), keep a copy of the old file, and say what happened and
        what to do. Done once; the same text after that."""
        if self._moved_text is None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            kept = self._keep_old_file()
            what = "replaced" if self.path.exists() else "deleted"
            saved = (
                f"This window's file, with every set it saved, is kept as {kept}. "
                if kept
                else "This window's sets could not be kept: note them down. "
            )
            self._moved_text = (
                f"{self.path} was {what} while gymtui ran (a sync tool, a restore, a copy from "
                f"another machine, the folder removed). {saved}gymtui writes nothing more from "
                "this window: quit (q) and start gymtui again."
            )
        return self._moved_text

    def _keep_old_file(self) -> Path | None:
        """A copy of the file this connection has open, in the backups folder (the user's
        alone); None when it cannot be written."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = self.path.parent / "backups"
        try:
            make_private_folder(folder)  # body weights and notes: the user's alone
            for n in range(1, 100):  # two windows on the old file may both keep it
                suffix = f"-{n}" if n > 1 else ""
                target = folder / f"{self.path.stem}-replaced-{stamp}{suffix}.db"
                with contextlib.suppress(FileExistsError):
                    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                    break
            else:
                return None
            copy = sqlite3.connect(str(target))
            try:
                self.conn.backup(copy)
            finally:
                copy.close()
        except (OSError, sqlite3.Error):
            return None
        return target

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, list(params)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def _value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        rows = self._rows(sql, params)
        return rows[0][0] if rows else None

    def _unreadable(self, exc: sqlite3.Error) -> DatabaseUnreadable:
        if self.wal_missing():
            return DatabaseUnreadable(
                f"{self.path.name}-wal, the file that holds the latest sets, was deleted while "
                "gymtui ran. Quit gymtui now (q): a clean quit writes what this window still "
                f"holds into {self.path.name}. Then check it with 'gymtui backup'."
            )
        return DatabaseUnreadable(
            f"gymtui cannot read {self.path} ({exc}). Quit and start gymtui again; if that "
            "fails, restore a backup. Sets shown as saved were on disk."
        )

    def wal_missing(self) -> bool:
        """The write-ahead log was deleted under an open connection (sets may live only there)."""
        return self.path.exists() and not Path(f"{self.path}-wal").exists()

    def integrity_problem(self) -> str | None:
        """SQLite's full integrity check (slow on a large file: run it off the event loop)."""
        found = [r[0] for r in self._rows("PRAGMA integrity_check(5)")]
        return None if found == ["ok"] else "; ".join(found)

    def check_writable(self) -> None:
        """Raise StorageError when the file cannot be written (read-only file or folder)."""
        with self.transaction():
            pass

    def _insert_custom(
        self, name: str, taken: Callable[[str], bool], like: ExerciseEdit | None = None
    ) -> Exercise:
        """Add the user's own exercise: the id is `user_` and its name, numbered when taken;
        `like` gives its muscles, equipment and legs (an import's guess from the name)."""
        clean = " ".join(name.split())
        base = "user_" + "".join(c if c.isalnum() else "_" for c in clean.lower()).strip("_")
        ex_id, n = base, 1
        while taken(ex_id):
            n += 1
            ex_id = f"{base}_{n}"
        made = Exercise(id=ex_id, name=clean, custom=True)
        if like is not None:
            made = made._replace(
                muscles=like.muscles,
                stabilisers=like.stabilisers,
                equipment=like.equipment,
                one_legged=like.one_legged,
            )
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO exercises (id, name, muscles, stabilisers, equipment, one_legged,"
                " custom) VALUES (?, ?, ?, ?, ?, ?, 1)",
                [
                    ex_id,
                    clean,
                    ",".join(made.muscles),
                    ",".join(made.stabilisers),
                    made.equipment,
                    int(made.one_legged),
                ],
            )
        return made

    def data_version(self) -> int:
        """Changes when another connection commits to the file (SQLite's data_version)."""
        return int(self._value("PRAGMA data_version"))


def file_identity(path: Path, *, strict: bool = False) -> tuple[int, int] | None:
    """The (device, inode) of the file at `path`, symlinks followed: the file SQLite opens.
    None when there is no file (unless `strict`, when the OSError is raised)."""
    try:
        found = os.stat(path)
    except OSError:
        if strict:
            raise
        return None
    return (found.st_dev, found.st_ino)


def exercise_from_row(row: sqlite3.Row) -> Exercise:
    """An exercises row as an Exercise."""
    return Exercise(
        id=row["id"],
        name=row["name"],
        muscles=tuple(m for m in row["muscles"].split(",") if m),
        stabilisers=tuple(m for m in row["stabilisers"].split(",") if m),
        equipment=row["equipment"],
        one_legged=bool(row["one_legged"]),
        increment_kg=row["increment_kg"],
        rest_s=row["default_rest_s"],
        custom=bool(row["custom"]),
        body_weight_load=_flag(row, "body_weight_load"),
    )


def _flag(row: sqlite3.Row, column: str) -> bool:
    """A 0/1 column that a file opened read-only (export, backup) may predate."""
    return bool(row[column]) if column in row.keys() else False  # noqa: SIM118 (Row: values)


def session_from_row(row: sqlite3.Row) -> Session:
    """A sessions row as a Session."""
    return Session(
        id=row["id"],
        day_key=row["day_key"],
        day_name=row["day_name"],
        started_at=from_text(row["started_at"]),
        finished_at=from_text(row["finished_at"]) if row["finished_at"] else None,
        source=row["source"],
        note=row["note"],
    )


def set_from_row(row: sqlite3.Row) -> LoggedSet:
    """A sets row as a LoggedSet."""
    return LoggedSet(
        id=row["id"],
        session_id=row["session_id"],
        exercise_id=row["exercise_id"],
        set_number=row["set_number"],
        kind=cast(SetKind, row["kind"]),
        weight_kg=row["weight_kg"],
        reps=row["reps"],
        logged_at=from_text(row["logged_at"]),
        rpe=row["rpe"],
        note=row["note"],
        side=cast("Side | None", row["side"]),
        rest_taken_s=row["rest_taken_s"],
        pr=bool(row["pr"]),
    )


def insert_set(conn: sqlite3.Connection, session_id: int, entry: SetInput, when: datetime) -> int:
    """Add a set as the exercise's next in the session; its id."""
    number = conn.execute(
        "SELECT coalesce(max(set_number), 0) + 1 FROM sets "
        "WHERE session_id = ? AND exercise_id = ?",
        [session_id, entry.exercise_id],
    ).fetchone()[0]
    cursor = conn.execute(
        """
        INSERT INTO sets (session_id, exercise_id, set_number, kind, weight_kg, reps,
            rpe, note, side, logged_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [session_id, entry.exercise_id, number, *entered(entry), to_text(when)],
    )
    return int(cast(int, cursor.lastrowid))


def entered(entry: SetInput) -> list[object]:
    """What the user typed, in the order of the columns kind .. side."""
    return [entry.kind, entry.weight_kg, entry.reps, entry.rpe, entry.note, entry.side]
