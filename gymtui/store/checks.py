"""Checks before gymtui writes a byte: the data folder, and whether a file is ours."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from gymtui.errors import DatabaseFileError, DataFolderError
from gymtui.paths import make_private_folder
from gymtui.store.schema import STEP_NAMES, applied_steps

SQLITE_HEADER = b"SQLite format 3\x00"
NEEDED_TABLES = {"sessions", "sets", "exercises"}
MOVE_ASIDE = (
    "gymtui has not changed it. Move it aside (or restore it from a backup), or point gymtui "
    "at another folder with --data-dir DIR or the GYMTUI_DATA_DIR environment variable."
)


def check_folder(folder: Path) -> None:
    """Create the data folder if needed (for the user alone); refuse one that is not a folder
    or not writable."""
    if folder.exists() and not folder.is_dir():
        raise DataFolderError(
            f"gymtui's data folder {folder} is not a folder. "
            "Choose another with --data-dir DIR or GYMTUI_DATA_DIR."
        )
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise DataFolderError(
            f"gymtui cannot create its data folder {folder}: {exc.strerror or exc}. "
            "Create it yourself or choose another with --data-dir DIR or GYMTUI_DATA_DIR."
        ) from None
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise DataFolderError(
            f"gymtui cannot write in its data folder {folder}: {exc.strerror or exc}. "
            "Make it writable (chmod u+w) or choose another with --data-dir DIR or "
            "GYMTUI_DATA_DIR. Nothing was changed."
        ) from None


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, that works in a read-only folder too.

    A WAL reader needs a -shm file; in a folder it cannot write, SQLite cannot make one. With
    no -wal file nothing is mid-write, so the file can then be read as it stands (immutable).
    """
    path = path.resolve()
    uri = path.as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if Path(f"{path}-wal").exists() or os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def check_existing_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not gymtui's or is newer than us."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseFileError(
            f"gymtui cannot read its database {path}: {exc.strerror or exc}. {MOVE_ASIDE}"
        ) from None
    if not header:
        return  # an empty file is a new database
    if header != SQLITE_HEADER:
        raise DatabaseFileError(
            f"{path} is not a gymtui database: it is not an SQLite file at all. {MOVE_ASIDE}"
        )
    try:
        conn = read_only_connection(path)
    except sqlite3.OperationalError as exc:
        raise DatabaseFileError(f"{path} cannot be opened: {exc}. {MOVE_ASIDE}") from None
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path} is damaged (SQLite says: {exc}). {MOVE_ASIDE}") from None
    try:
        problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if problem != "ok":
            raise DatabaseFileError(
                f"{path} is damaged (SQLite's check says: {problem}). {MOVE_ASIDE}"
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied = applied_steps(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path} is damaged (SQLite says: {exc}). {MOVE_ASIDE}") from None
    finally:
        conn.close()
    if tables and not applied:
        shown = ", ".join(sorted(tables)[:5])
        raise DatabaseFileError(
            f"{path} is an SQLite database, but not gymtui's (it holds tables such as {shown}). "
            f"{MOVE_ASIDE}"
        )
    unknown = applied - set(STEP_NAMES)
    if unknown:
        raise DatabaseFileError(
            f"{path} was written by a newer gymtui (schema steps {', '.join(sorted(unknown))} "
            "are unknown to this version). Update gymtui to open it; this version has not "
            "changed the file."
        )


def real_path(path: Path) -> Path:
    """The file a symlinked database points to (SQLite keeps its -wal and -shm beside that
    file, and a restore must replace it, not the link); `path` itself when it is no link."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if not target.exists():
        raise DatabaseFileError(
            f"{path} is a link to {target}, which does not exist (a drive not mounted, a "
            f"folder moved?). gymtui has not changed anything. Bring {target} back, or remove "
            "the link to start a new database."
        )
    return target


def check_holds_data(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse, for a command that reads (export, backup), a file with nothing of gymtui's in
    it yet: 0 bytes, or an SQLite file without gymtui's tables."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(f"{path} is damaged (SQLite says: {exc}). {MOVE_ASIDE}") from None
    if not NEEDED_TABLES.issubset(tables):
        raise DatabaseFileError(
            f"{path} holds no gymtui data yet (it is empty): there is nothing to read. gymtui "
            "fills it when it starts; it has not changed the file."
        )


def check_files_writable(path: Path) -> None:
    """Refuse, before SQLite opens it, a database (or its -wal, -shm) that cannot be written.

    SQLite would open it read-only and create its -wal and -shm with the same read-only
    permissions, so making the database writable afterwards would not be enough.
    """
    stuck = [
        p
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
        if p.exists() and not os.access(p, os.W_OK)
    ]
    if stuck:
        names = " ".join(str(p) for p in stuck)
        raise DatabaseFileError(
            f"gymtui cannot write to {', '.join(p.name for p in stuck)} in {path.parent}. "
            f"Make {'them' if len(stuck) > 1 else 'it'} writable (chmod u+w {names}), or "
            "choose another folder with --data-dir DIR or GYMTUI_DATA_DIR. 'gymtui export' "
            "and 'gymtui backup' still work: they only read."
        )
