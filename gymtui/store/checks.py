"""Checks before gymtui writes a byte: the data folder, and whether a file is ours."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from gymtui.errors import DatabaseFileError, DataFolderError
from gymtui.store.schema import STEP_NAMES, applied_steps

SQLITE_HEADER = b"SQLite format 3\x00"
MOVE_ASIDE = (
    "gymtui has not changed it. Move it aside (or restore it from a backup), or point gymtui "
    "at another folder with --data-dir DIR or the GYMTUI_DATA_DIR environment variable."
)


def check_folder(folder: Path) -> None:
    """Create the data folder if needed; refuse one that is not a folder or not writable."""
    if folder.exists() and not folder.is_dir():
        raise DataFolderError(
            f"gymtui's data folder {folder} is not a folder. "
            "Choose another with --data-dir DIR or GYMTUI_DATA_DIR."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
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
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseFileError(f"{path} cannot be opened: {exc}. {MOVE_ASIDE}") from None
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
