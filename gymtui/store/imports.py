"""Import writes (one transaction) and the export rows."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from gymtui.core.models import SET_COLUMNS
from gymtui.store.base import to_text
from gymtui.store.bulk import BulkLoad
from gymtui.store.counts import LEG_COUNTS, LEG_DAY, LEG_DAY_SETS
from gymtui.store.prs import refresh_all_prs, refresh_prs

if TYPE_CHECKING:
    from gymtui.importers import ImportedSession, ImportedSet, ParsedFile, SessionStream
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

    return tuple(c for c in SET_COLUMNS if c in ImportedSet._fields and c not in PLACED)


def insert_sets(
    conn: sqlite3.Connection,
    columns: tuple[str, ...],
    rows: list[tuple[object, ...]],
    blank: frozenset[str] = frozenset(),
) -> None:
    """Many sets in one statement run (executemany beat sqlite-utils' insert_all by ~1.4 s on
    150,000 sets, so the bulk insert stays on the connection).

    A column of `blank` (NULL when left out) that no row of the batch has a value for is left
    out: a None costs the sqlite3 module an adapter lookup, 0.3 s on 300,000 sets with four."""
    kept = [
        i
        for i, c in enumerate(columns)
        if c not in blank or list(map(itemgetter(i), rows)).count(None) < len(rows)
    ]
    if len(kept) < len(columns):
        columns = tuple(columns[i] for i in kept)
        rows = list(map(itemgetter(*kept), rows))
    conn.executemany(
        f"INSERT INTO sets ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows
    )


def blank_columns(conn: sqlite3.Connection) -> frozenset[str]:
    """The sets columns that may be NULL and default to it: leaving one out is writing NULL."""
    return frozenset(
        r[1] for r in conn.execute("PRAGMA table_info(sets)") if not r[3] and r[4] is None
    )


SESSION_COLUMNS = (
    "id",
    "day_key",
    "day_name",
    "started_at",
    "finished_at",
    "source",
    "source_key",
    "note",
)


def insert_sessions(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    """Many sessions, their ids given, in one statement run."""
    columns = ", ".join(SESSION_COLUMNS)
    conn.executemany(
        f"INSERT INTO sessions ({columns}) VALUES ({', '.join('?' * len(SESSION_COLUMNS))})", rows
    )


class _Stamps:
    """`to_text` for the many moments of an import, which come a second apart: a moment in
    the same minute (and zone) as the last one converted needs only its seconds written
    (Python's isoformat with a zone costs more than the rest of a set's row)."""

    def __init__(self) -> None:
        self.zone: object = None
        self.minute: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
        self.prefix = ""  # "YYYY-MM-DDTHH:MM:" of that minute, in UTC

    def __call__(self, moment: datetime) -> str:
        if (
            moment.tzinfo is self.zone
            and moment.minute == self.minute[4]
            and moment.hour == self.minute[3]
            and moment.day == self.minute[2]
            and moment.month == self.minute[1]
            and moment.year == self.minute[0]
        ):
            return f"{self.prefix}{moment.second:02d}.{moment.microsecond // 1000:03d}+00:00"
        text = to_text(moment)
        offset = moment.utcoffset()
        # only a zone a whole number of minutes from UTC keeps the seconds as they are
        if offset is not None and not offset.seconds % 60 and not offset.microseconds:
            self.zone = moment.tzinfo
            self.minute = (moment.year, moment.month, moment.day, moment.hour, moment.minute)
            self.prefix = text[:17]
        else:
            self.zone = None
        return text


def _continue_session(
    conn: sqlite3.Connection, session: ImportedSession, numbers: dict[str, int]
) -> int:
    """The id of the session a `continued` part belongs to (written earlier in this import),
    its end moved to the later of the two and its note's new lines added; `numbers` is filled
    with its sets so far, by exercise, for the part's sets to be numbered after them."""
    found = conn.execute(
        "SELECT id, finished_at, note FROM sessions WHERE source_key = ?", [session.key]
    ).fetchone()
    session_id, finished, note = int(found[0]), found[1], found[2]
    for exercise_id, sets in conn.execute(
        "SELECT exercise_id, count(*) FROM sets WHERE session_id = ? GROUP BY exercise_id",
        [session_id],
    ):
        numbers[exercise_id] = int(sets)
    if session.finished_at is not None:
        later = to_text(session.finished_at)
        finished = later if finished is None or later > finished else finished
    if session.note:
        lines = note.split("\n") if note else []
        note = "\n".join([*lines, *(n for n in session.note.split("\n") if n not in lines)])
    conn.execute(
        "UPDATE sessions SET finished_at = ?, note = ? WHERE id = ?", [finished, note, session_id]
    )
    return session_id


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

    def write(self, parsed: ParsedFile | SessionStream, dry_run: bool = False) -> ImportSummary:
        """Write an export's sessions in one transaction, as they are read (a stream's bad row
        rolls all of it back); sessions already imported are skipped."""
        summary = ImportSummary(parsed.format, 0, dry_run=dry_run)
        copied = copied_columns()
        columns, copy = PLACED + copied, attrgetter(*copied)
        try:
            with self.store.transaction() as conn, BulkLoad(conn, "sets") as bulk:
                ids: dict[str, str] = {}  # name (or id) in the file: exercise id
                exercise_id = self._exercise_ids(summary, ids)
                kinds = summary.sets_by_kind
                stamp = _Stamps()
                existing = {
                    zone_free(r[0])
                    for r in conn.execute(
                        "SELECT source_key FROM sessions WHERE source_key IS NOT NULL"
                    )
                }
                # sessions from here on are this import's; their ids are given here, so that
                # they are written many at a time
                first_new = int(
                    conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sessions").fetchone()[0]
                )
                next_id = first_new
                earliest: dict[str, str] = {}
                blank = blank_columns(conn)
                sessions: list[tuple[object, ...]] = []
                rows: list[tuple[object, ...]] = []
                keys: set[str] = set()  # of the sessions not written yet

                def flush() -> None:
                    bulk.adding(len(rows))
                    insert_sessions(conn, sessions)
                    insert_sets(conn, columns, rows, blank)
                    sessions.clear()
                    rows.clear()
                    keys.clear()

                def written(key: str) -> bool:
                    """This import has the key already (keys lose control characters, so two
                    of a file's can meet): the later session is taken for imported before."""
                    return key in keys or bool(
                        conn.execute(
                            "SELECT 1 FROM sessions WHERE source_key = ?", [key]
                        ).fetchone()
                    )

                for session in parsed.sessions:
                    if session.key in existing or (not session.continued and written(session.key)):
                        summary.sessions_already += 0 if session.continued else 1
                        continue
                    numbers: dict[str, int] = {}  # sets so far in the session, by exercise
                    if session.continued:  # its first part is written: go on from it
                        flush()
                        session_id = _continue_session(conn, session, numbers)
                    else:
                        session_id = next_id
                        next_id += 1
                        keys.add(session.key)
                        sessions.append(
                            (
                                session_id,
                                session.day_key,
                                session.name,
                                to_text(session.started_at),
                                to_text(session.finished_at) if session.finished_at else None,
                                session.key.split(":", 1)[0],
                                session.key,
                                session.note,
                            )
                        )
                        summary.sessions_added += 1
                    for item in session.sets:
                        name = item.exercise_id or item.exercise_name
                        exercise = ids.get(name) or exercise_id(item)
                        counted = numbers[exercise] = numbers.get(exercise, 0) + 1
                        logged = stamp(item.logged_at)
                        if logged < earliest.get(exercise, "~"):
                            earliest[exercise] = logged
                        number = item.set_number or counted
                        rows.append((session_id, exercise, number, logged, *copy(item)))
                        kinds[item.kind] += 1
                    if len(rows) >= 5000:
                        flush()
                flush()
                if bulk.bulk:  # one pass over the table, before its indexes are made again
                    refresh_all_prs(conn)
                else:
                    for exercise, since in earliest.items():
                        refresh_prs(conn, exercise, since)
                bulk.finish()
                if next_id > first_new:
                    summary.leg_days = count_leg_days(conn, first_new)
                    summary.unit_now = _follow_unit(conn, parsed.unit)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        # a stream's counts are final once its sessions are read
        summary.rows = parsed.rows
        summary.skipped = Counter(parsed.skipped)
        summary.bad_rows = list(parsed.bad_rows)
        summary.empty_workouts = parsed.empty_workouts
        return summary

    def _exercise_ids(
        self, summary: ImportSummary, ids: dict[str, str]
    ) -> Callable[[ImportedSet], str]:
        """The exercise id of an imported set, by its name (or the id gymtui's own file gives),
        found once per name (and kept in `ids`): matched to the catalogue or an alias, or
        created."""
        from gymtui.core.exercises import guessed_exercise
        from gymtui.importers.names import aliases, same_name

        known = self.store.exercises.all()
        by_name = {same_name(ex.name): ex.id for ex in known.values()}
        alias = aliases()
        own_alias = self.store.exercises.aliases()

        def exercise_id(item: ImportedSet) -> str:
            name = item.exercise_id or item.exercise_name
            found = ids.get(name)
            if found is not None:
                return found
            if item.exercise_id and item.exercise_id in known:
                ids[name] = item.exercise_id
                return item.exercise_id
            wanted = same_name(item.exercise_name)
            found = own_alias.get(wanted) or alias.get(wanted) or by_name.get(wanted)
            if found and found in known:
                ids[name] = found
                if same_name(known[found].name) != wanted:
                    summary.matched[item.exercise_name] = known[found].name
                return found
            guess = guessed_exercise(item.exercise_name)
            made = self.store.exercises.insert_own(
                item.exercise_name,
                known.__contains__,
                guess._replace(timed=item.seconds is not None),
            )
            known[made.id] = made
            by_name[same_name(made.name)] = made.id
            ids[name] = made.id
            summary.created.append(made.name)
            return made.id

        return exercise_id

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
