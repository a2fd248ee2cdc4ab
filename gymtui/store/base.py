"""What every part of the store shares: its errors, moments as text, rows as records."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, cast

from gymtui.core.models import ENTERED_COLUMNS, Exercise, LoggedSet, Session, SetInput
from gymtui.errors import GymtuiError, ImportRunning


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
        bar_kg=_number(row, "bar_kg"),
        stack_step_kg=_number(row, "stack_step_kg"),
        small_plate_kg=_number(row, "small_plate_kg"),
        timed=_flag(row, "timed"),
        synergists=tuple(m for m in _text(row, "synergists").split(",") if m),
    )


def _flag(row: sqlite3.Row, column: str) -> bool:
    """A 0/1 column that a file opened read-only (export, backup) may predate."""
    return bool(row[column]) if column in row.keys() else False  # noqa: SIM118 (Row: values)


def _text(row: sqlite3.Row, column: str) -> str:
    """A text column that a file opened read-only may predate ('' then)."""
    return str(row[column]) if column in row.keys() else ""  # noqa: SIM118 (Row: values)


def _number(row: sqlite3.Row, column: str) -> float | None:
    """A nullable number column that a file opened read-only may predate."""
    return row[column] if column in row.keys() else None  # noqa: SIM118 (Row: values)


def session_from_row(row: sqlite3.Row) -> Session:
    """A sessions row as a Session."""
    columns = row.keys()  # (`in row` would look among the values)
    return Session(
        id=row["id"],
        day_key=row["day_key"],
        day_name=row["day_name"],
        started_at=from_text(row["started_at"]),
        finished_at=from_text(row["finished_at"]) if row["finished_at"] else None,
        source=row["source"],
        note=row["note"],
        sleep=row["sleep"] if "sleep" in columns else None,
        soreness=row["soreness"] if "soreness" in columns else None,
    )


# A sets row read back: every LoggedSet field is the column of its name, these two converted.
_SET_READ: dict[str, Callable[[Any], Any]] = {"logged_at": from_text, "pr": bool}


def set_from_row(row: sqlite3.Row) -> LoggedSet:
    """A sets row as a LoggedSet."""
    values = {name: row[name] for name in LoggedSet._fields}
    for name, read in _SET_READ.items():
        values[name] = read(values[name])
    return LoggedSet(**values)


# What a person typed goes in with the set's place (session, exercise, number) and time.
_INSERT_SET = (
    f"INSERT INTO sets (session_id, exercise_id, set_number, {', '.join(ENTERED_COLUMNS)},"
    f" logged_at, superset) VALUES ({', '.join('?' * (len(ENTERED_COLUMNS) + 5))})"
)
_UPDATE_ENTERED = f"UPDATE sets SET {', '.join(f'{c} = ?' for c in ENTERED_COLUMNS)} WHERE id = ?"
_entered = attrgetter(*ENTERED_COLUMNS)  # a SetInput's typed values, in the columns' order


def insert_set(
    conn: sqlite3.Connection,
    session_id: int,
    entry: SetInput,
    when: datetime,
    superset: str | None = None,
) -> int:
    """Add a set as the exercise's next in the session (in a superset: its label); its id."""
    number = conn.execute(
        "SELECT coalesce(max(set_number), 0) + 1 FROM sets "
        "WHERE session_id = ? AND exercise_id = ?",
        [session_id, entry.exercise_id],
    ).fetchone()[0]
    cursor = conn.execute(
        _INSERT_SET,
        [session_id, entry.exercise_id, number, *_entered(entry), to_text(when), superset],
    )
    return int(cast(int, cursor.lastrowid))


def update_entered(conn: sqlite3.Connection, set_id: int, entry: SetInput) -> None:
    """Change what a person typed for a set (its time and place in the session stay)."""
    conn.execute(_UPDATE_ENTERED, [*_entered(entry), set_id])
