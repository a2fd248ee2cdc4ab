"""Bringing a backup back: check it, keep the current file, swap them atomically."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from gymtui.errors import GymtuiError
from gymtui.paths import PRIVATE_FILE, make_private_folder, private_files
from gymtui.store.checks import NEEDED_TABLES, SQLITE_HEADER, read_only_connection, real_path
from gymtui.store.schema import STEP_NAMES, applied_steps


class RestoreError(GymtuiError):
    """The backup was not restored; neither file was changed."""


def check_backup(path: Path) -> None:
    """Refuse a file that is not a complete, undamaged gymtui database."""
    if not path.is_file():
        raise RestoreError(f"{path} is not a file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise RestoreError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if header != SQLITE_HEADER:
        raise RestoreError(f"{path} is not a gymtui backup: it is not an SQLite file.")
    try:
        conn = read_only_connection(path)
    except sqlite3.OperationalError as exc:
        raise RestoreError(f"{path} cannot be opened: {exc}.") from None
    except sqlite3.DatabaseError as exc:  # its schema unreadable (as the app's own check says)
        raise RestoreError(f"{path} is damaged (SQLite says: {exc}).") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied = applied_steps(conn)
        if not NEEDED_TABLES.issubset(tables) or not applied:
            raise RestoreError(
                f"{path} is an SQLite database, but not a gymtui backup (it has no "
                "sessions, sets and exercises tables of gymtui's)."
            )
        unknown = applied - set(STEP_NAMES)
        if unknown:
            raise RestoreError(
                f"{path} was written by a newer gymtui (schema steps "
                f"{', '.join(sorted(unknown))}); update gymtui to restore it."
            )
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise RestoreError(f"{path} is damaged (SQLite's check says: {problems[0]}).")
    except sqlite3.Error as exc:
        raise RestoreError(f"{path} is damaged (SQLite says: {exc}).") from None
    finally:
        conn.close()


def restore(source: Path, database: Path, keep_as: Path) -> bool:
    """Replace `database` with the backup `source`, keeping the current file as `keep_as`.

    The backup is checked and copied next to the database first; the current file is kept
    (with SQLite's backup, or byte for byte when it is too damaged to open) while an
    exclusive lock keeps every other gymtui out; then one rename swaps them. Any refusal
    leaves both files as they were. False when there was no current database to keep.
    A symlinked database is restored into the file it points to (the link stays); the new
    file and the kept one are for the user alone.
    """
    check_backup(source)
    database = real_path(database)
    staged = database.with_name(f".{database.name}.restoring")
    staged.unlink(missing_ok=True)
    try:
        _copy_database(source, staged)
    except (OSError, sqlite3.Error) as exc:
        staged.unlink(missing_ok=True)
        raise RestoreError(f"cannot copy {source} into {database.parent}: {exc}.") from None
    if not database.exists():
        staged.replace(database)
        return False
    lock = None
    try:
        lock = _lock(database)
        make_private_folder(keep_as.parent)
        if lock is not None:
            with private_files():
                destination = sqlite3.connect(keep_as)
                try:
                    lock.backup(destination)
                finally:
                    destination.close()
        else:  # too damaged for SQLite: keep its bytes as they are
            _copy_private(database, keep_as)
            if Path(f"{database}-wal").exists():
                _copy_private(Path(f"{database}-wal"), Path(f"{keep_as}-wal"))
        staged.replace(database)
        for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)  # the old file's, never to be read with the new
    except (OSError, sqlite3.Error) as exc:
        staged.unlink(missing_ok=True)
        raise RestoreError(
            f"could not restore into {database}: {exc}. Nothing was changed."
        ) from None
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    finally:
        if lock is not None:
            lock.close()
    return True


def _copy_private(source: Path, target: Path) -> None:
    """A byte-for-byte copy for the user alone (copy2 would copy the source's mode too)."""
    with private_files():
        shutil.copyfile(source, target)
    os.chmod(target, PRIVATE_FILE)  # copyfile into an existing file keeps that file's mode


def _copy_database(source: Path, target: Path) -> None:
    """A single-file copy (no -wal) of a database, for the user alone, flushed to disk."""
    reader = read_only_connection(source)
    with private_files():
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
        finally:
            writer.close()
            reader.close()
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def _lock(database: Path) -> sqlite3.Connection | None:
    """An exclusive hold on the current database, in rollback-journal mode so closing it
    deletes nothing by name; None when the file is too damaged to open."""
    conn = sqlite3.connect(database, isolation_level=None, timeout=2)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock outlives the transaction
        conn.execute("PRAGMA journal_mode=DELETE")  # folds the -wal into the file
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise RestoreError(
                f"gymtui is open on {database} (in another window?). Quit it, then restore "
                "again. Nothing was changed."
            ) from None
        raise
    except sqlite3.DatabaseError:
        conn.close()
        return None
