"""gymtui's database: the file opened safely, its transactions, and the parts that read and
write it (as sqlite-utils' `Database` hands out `Table`s).

`Store` owns the connection: the checks before a byte is written, `BEGIN IMMEDIATE`
transactions (one user action, one transaction; nested ones join it), the file replaced or
deleted under it, the settings, and backups. Its parts each hold the store:
`store.sessions` (logging and correcting sets and sessions), `store.history` (History's
reads), `store.exercises` (the catalogue and the user's own), `store.body_weights` and
`store.imports` (import writes and export rows).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from gymtui.errors import DatabaseFileError, DatabaseUnreadable
from gymtui.paths import make_private_folder, private_files
from gymtui.store.base import (
    DatabaseMoved,
    ImportHoldsFile,
    StorageError,
    connect,
    file_identity,
)
from gymtui.store.body import BodyWeights
from gymtui.store.checks import (
    MOVE_ASIDE,
    check_existing_file,
    check_files_writable,
    check_folder,
    check_holds_data,
    read_only_connection,
    real_path,
)
from gymtui.store.exercises import Exercises
from gymtui.store.history import History
from gymtui.store.importing import running_import
from gymtui.store.imports import Imports
from gymtui.store.plan_facts import PlanFacts
from gymtui.store.schema import migrate
from gymtui.store.sessions import Sessions


class Store:
    """gymtui's database: every write commits before it returns."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.read_only = False
        self._depth = 0
        self._identity = file_identity(path)
        self._moved_text: str | None = None

    # Its parts, made on each use as sqlite-utils makes a Table: they hold the store and no
    # state, and the store holds none of them, so a store let go is freed (and its file
    # closed) at once rather than by the garbage collector.

    @property
    def sessions(self) -> Sessions:
        """Sessions and their sets: logging, reading back, correcting."""
        return Sessions(self)

    @property
    def history(self) -> History:
        """History's reads."""
        return History(self)

    @property
    def exercises(self) -> Exercises:
        """The catalogue and the user's own exercises."""
        return Exercises(self)

    @property
    def body_weights(self) -> BodyWeights:
        """The day's body weight."""
        return BodyWeights(self)

    @property
    def plan_facts(self) -> PlanFacts:
        """When blocks were begun, and readiness answers before a session's first set."""
        return PlanFacts(self)

    @property
    def imports(self) -> Imports:
        """Import writes and export rows."""
        return Imports(self)

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
            waited = self.value("PRAGMA busy_timeout")
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

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """The rows a read gives; a file that cannot be read says what to do."""
        try:
            return self.conn.execute(sql, list(params)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from None

    def value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        """The first column of the first row a read gives, or None."""
        rows = self.query(sql, params)
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
        found = [r[0] for r in self.query("PRAGMA integrity_check(5)")]
        return None if found == ["ok"] else "; ".join(found)

    def check_writable(self) -> None:
        """Raise StorageError when the file cannot be written (read-only file or folder)."""
        with self.transaction():
            pass

    def data_version(self) -> int:
        """Changes when another connection commits to the file (SQLite's data_version)."""
        return int(self.value("PRAGMA data_version"))

    # -- settings -------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        """Every stored setting, as text."""
        return {row["key"]: row["value"] for row in self.query("SELECT key, value FROM settings")}

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A stored setting, or `default`."""
        value = self.value("SELECT value FROM settings WHERE key = ?", [key])
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
