"""Import writes (one transaction) and the export rows."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from gymtui.core.models import SET_COLUMNS
from gymtui.store.base import to_text
from gymtui.store.counts import LEG_COUNTS, LEG_DAY, LEG_DAY_SETS
from gymtui.store.prs import refresh_prs

if TYPE_CHECKING:
    from gymtui.importers import ParsedFile
    from gymtui.store.store import Store

# The importers load only when a file is imported or exported, not when the app starts.


class _DryRun(Exception):
    """Raised inside the import transaction to roll a dry run back."""


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    format: str
    rows: int
    sessions_added: int = 0
    sessions_already: int = 0
    sets_by_kind: Counter[str] = field(default_factory=Counter)
    matched: dict[str, str] = field(default_factory=dict)  # name in the file -> catalogue name
    created: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    bad_rows: list[str] = field(default_factory=list)
    empty_workouts: int = 0
    dry_run: bool = False
    leg_days: int = 0  # of the sessions added, those that were leg days
    unit_now: str | None = None  # the unit weights are shown in from now on, when it changed


# What the store decides for an imported set: its session, its exercise (matched by name), its
# number (the file's, else the next in the session) and its time as text. Every other column
# of SET_COLUMNS that ImportedSet has a field for is copied as read.
PLACED = ("session_id", "exercise_id", "set_number", "logged_at")


def copied_columns() -> tuple[str, ...]:
    """The sets columns an imported set gives as read, in the table's order."""
    from gymtui.importers.parsed import ImportedSet

    read = {f.name for f in fields(ImportedSet)}
    return tuple(c for c in SET_COLUMNS if c in read and c not in PLACED)


def insert_sets(
    conn: sqlite3.Connection, columns: tuple[str, ...], rows: list[tuple[object, ...]]
) -> None:
    """Many sets in one statement run (executemany beat sqlite-utils' insert_all by ~1.4 s on
    150,000 sets, so the bulk insert stays on the connection)."""
    conn.executemany(
        f"INSERT INTO sets ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows
    )


_OFFSET = re.compile(r"^((?:strong|hevy):\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)[+-]\d\d:\d\d:")


def count_leg_days(conn: sqlite3.Connection, first_session: int) -> int:
    """How many sessions from `first_session` on are leg days (core.training.is_leg_day)."""
    added = LEG_COUNTS.format(sessions="SELECT id FROM sessions WHERE id >= ?")
    found = conn.execute(
        f"SELECT count(*) FROM ({added}) WHERE {LEG_DAY}",
        [first_session, LEG_DAY_SETS],
    ).fetchone()
    return int(found[0])


def _follow_unit(conn: sqlite3.Connection, unit: str) -> str | None:
    """Show weights in the file's unit when nothing was logged in gymtui yet (a pound
    lifter's first import should not greet them in kg); the unit, when it changed."""
    own = conn.execute("SELECT 1 FROM sessions WHERE source = 'gymtui' LIMIT 1").fetchone()
    shown = conn.execute("SELECT value FROM settings WHERE key = 'unit'").fetchone()
    if own is not None or (shown[0] if shown else "kg") == unit:
        return None
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('unit', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [unit],
    )
    return unit


def zone_free(key: str) -> str:
    """A session key as imports make it now. Keys made by earlier versions carried the machine's UTC
    offset ("strong:2016-10-03T19:30:55+02:00:W1D1"), so a file imported under two zones
    doubled; now the offset is left out, and old keys are read without it."""
    return _OFFSET.sub(r"\1:", key, count=1)


class Imports:
    """Files in and out (`store.imports`): a parsed export written in, every set given back
    out for an export."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def write(
        self,
        parsed: ParsedFile,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Write a parsed export in one transaction; sessions already imported are skipped."""
        summary = ImportSummary(
            parsed.format,
            parsed.rows,
            skipped=Counter(parsed.skipped),
            bad_rows=list(parsed.bad_rows),
            empty_workouts=parsed.empty_workouts,
            dry_run=dry_run,
        )
        copied = copied_columns()
        columns, copy = PLACED + copied, attrgetter(*copied)
        try:
            with self.store.transaction() as conn:
                ids = self._import_exercises(parsed, summary)
                existing = {
                    zone_free(r[0])
                    for r in conn.execute(
                        "SELECT source_key FROM sessions WHERE source_key IS NOT NULL"
                    )
                }
                earliest: dict[str, str] = {}
                first_new: int | None = None  # sessions from here on are this import's
                rows: list[tuple[object, ...]] = []
                for n, session in enumerate(parsed.sessions):
                    if session.key in existing:
                        summary.sessions_already += 1
                        continue
                    existing.add(session.key)
                    cursor = conn.execute(
                        "INSERT INTO sessions (day_key, day_name, started_at, finished_at, source,"
                        " source_key, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [
                            session.day_key,
                            session.name,
                            to_text(session.started_at),
                            to_text(session.finished_at) if session.finished_at else None,
                            session.key.split(":", 1)[0],
                            session.key,
                            session.note,
                        ],
                    )
                    if first_new is None:
                        first_new = cursor.lastrowid
                    numbers: Counter[str] = Counter()
                    for item in session.sets:
                        exercise_id = ids[item.exercise_id or item.exercise_name]
                        numbers[exercise_id] += 1
                        logged = to_text(item.logged_at)
                        if logged < earliest.get(exercise_id, "~"):
                            earliest[exercise_id] = logged
                        number = item.set_number or numbers[exercise_id]
                        rows.append((cursor.lastrowid, exercise_id, number, logged, *copy(item)))
                        summary.sets_by_kind[item.kind] += 1
                    summary.sessions_added += 1
                    if len(rows) >= 5000:
                        insert_sets(conn, columns, rows)
                        rows = []
                    if progress is not None and n % 200 == 0:
                        progress(n, len(parsed.sessions))
                if rows:
                    insert_sets(conn, columns, rows)
                for exercise_id, since in earliest.items():
                    refresh_prs(conn, exercise_id, since)
                if first_new is not None:
                    summary.leg_days = count_leg_days(conn, first_new)
                    summary.unit_now = _follow_unit(conn, parsed.unit)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return summary

    def _import_exercises(self, parsed: ParsedFile, summary: ImportSummary) -> dict[str, str]:
        """Map every exercise name in the file to an exercise id, creating the unknown ones."""
        from gymtui.core.exercises import guessed_exercise
        from gymtui.importers.names import aliases, same_name

        known = self.store.exercises.all()
        by_name = {same_name(ex.name): ex.id for ex in known.values()}
        alias = aliases()
        own_alias = self.store.exercises.aliases()
        ids: dict[str, str] = {}
        for session in parsed.sessions:
            for item in session.sets:
                name = item.exercise_id or item.exercise_name
                if name in ids:
                    continue
                if item.exercise_id and item.exercise_id in known:
                    ids[name] = item.exercise_id
                    continue
                wanted = same_name(item.exercise_name)
                found = own_alias.get(wanted) or alias.get(wanted) or by_name.get(wanted)
                if found and found in known:
                    ids[name] = found
                    if same_name(known[found].name) != wanted:
                        summary.matched[item.exercise_name] = known[found].name
                else:
                    made = self.store.exercises.insert_own(
                        item.exercise_name,
                        known.__contains__,
                        guessed_exercise(item.exercise_name),
                    )
                    known[made.id] = made
                    by_name[same_name(made.name)] = made.id
                    ids[name] = made.id
                    summary.created.append(made.name)
        return ids

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every set with its session and exercise, oldest first, in gymtui's export columns
        (the set's own are its columns on file, whatever they are)."""
        from gymtui.importers import GYMTUI_COLUMNS

        for row in self.store.conn.execute(
            """
            SELECT coalesce(s.source_key, 'gymtui:' || s.started_at) AS session_key,
                s.started_at AS session_started_at, s.finished_at AS session_finished_at,
                s.day_key AS session_day_key, s.day_name AS session_day_name,
                s.source AS session_source, s.note AS session_note,
                e.name AS exercise_name, t.*
            FROM sets t JOIN sessions s ON s.id = t.session_id
                JOIN exercises e ON e.id = t.exercise_id
            ORDER BY t.logged_at, t.id
            """
        ):
            yield {column: row[column] for column in GYMTUI_COLUMNS}
