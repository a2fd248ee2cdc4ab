"""The SQLite file: opening it safely, migrating it, and intention-named reads and writes."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gymtui.errors import DatabaseFileError, DataFolderError, GymtuiError
from gymtui.history import E1RM_SQL, ProgressPoint, Record, SessionSummary
from gymtui.importers import GYMTUI_COLUMNS, ParsedFile, aliases, normalise_name
from gymtui.models import Exercise, LoggedSet, ProgramDay, Session, SetInput, SetKind, Side
from gymtui.training import SESSION_IDLE
from gymtui.values import Unit, format_number, format_set, format_weight, from_kg

MIGRATION_SET = "gymtui"
SQLITE_HEADER = b"SQLite format 3\x00"
MOVE_ASIDE = (
    "gymtui has not changed it. Move it aside (or restore it from a backup), or point gymtui "
    "at another folder with --data-dir DIR or the GYMTUI_DATA_DIR environment variable."
)

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    """Exercises, sessions, sets and settings."""
    db.executescript(
        """
        CREATE TABLE exercises (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            muscles TEXT NOT NULL DEFAULT '',
            stabilisers TEXT NOT NULL DEFAULT '',
            equipment TEXT NOT NULL DEFAULT 'other',
            one_legged INTEGER NOT NULL DEFAULT 0 CHECK (one_legged IN (0, 1)),
            increment_kg REAL NOT NULL DEFAULT 2.5,
            default_rest_s INTEGER NOT NULL DEFAULT 90,
            rest_s INTEGER,
            custom INTEGER NOT NULL DEFAULT 0 CHECK (custom IN (0, 1))
        ) STRICT;
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            day_key TEXT,
            day_name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            source TEXT NOT NULL DEFAULT 'gymtui',
            source_key TEXT UNIQUE,
            note TEXT
        ) STRICT;
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            exercise_id TEXT NOT NULL REFERENCES exercises(id),
            set_number INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('warmup', 'working', 'drop', 'failure')),
            weight_kg REAL NOT NULL CHECK (weight_kg >= 0),
            reps INTEGER NOT NULL CHECK (reps >= 1),
            rpe REAL CHECK (rpe IS NULL OR rpe BETWEEN 1 AND 10),
            note TEXT,
            side TEXT CHECK (side IS NULL OR side IN ('L', 'R')),
            logged_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sets_by_exercise ON sets(exercise_id, logged_at);
        CREATE INDEX sets_by_time ON sets(logged_at);
        CREATE INDEX sets_by_session ON sets(session_id, logged_at);
        CREATE INDEX sessions_by_start ON sessions(started_at);
        CREATE INDEX sessions_open ON sessions(finished_at) WHERE finished_at IS NULL;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        """
    )


@migrations()
def m002_rest_taken(db: Database) -> None:
    """The rest actually taken after a set: from its log time to the next set's."""
    db.execute("ALTER TABLE sets ADD COLUMN rest_taken_s INTEGER")


@migrations()
def m003_pr_flags(db: Database) -> None:
    """sets.pr: 1 when a working set beat every earlier one of its exercise (weight or e1RM)."""
    db.execute("ALTER TABLE sets ADD COLUMN pr INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "CREATE INDEX sets_best_weight ON sets(exercise_id, weight_kg) WHERE kind != 'warmup'"
    )
    db.execute(
        f"CREATE INDEX sets_best_e1rm ON sets(exercise_id, ({E1RM_SQL})) WHERE kind != 'warmup'"
    )
    db.execute(
        f"""
        UPDATE sets SET pr = 1 WHERE id IN (
            SELECT id FROM (
                SELECT id, weight_kg, {E1RM_SQL} AS e1rm,
                    max(weight_kg) OVER earlier AS best_weight,
                    max({E1RM_SQL}) OVER earlier AS best_e1rm
                FROM sets WHERE kind != 'warmup'
                WINDOW earlier AS (PARTITION BY exercise_id ORDER BY logged_at, id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            )
            WHERE best_weight IS NULL OR weight_kg > best_weight OR e1rm > best_e1rm + 1e-9
        )
        """
    )


def refresh_prs(db: Database, exercise_id: str, since: str) -> None:
    """Recompute the PR flags of an exercise's sets logged at or after `since` (ISO text).

    The best weight and e1RM before `since` come from the two partial indexes, read from the
    top down: logging a new set costs two index seeks, however long the history is.
    """
    best_weight = db.execute(
        "SELECT weight_kg FROM sets INDEXED BY sets_best_weight WHERE exercise_id = ? "
        "AND kind != 'warmup' AND logged_at < ? ORDER BY weight_kg DESC LIMIT 1",
        [exercise_id, since],
    ).fetchone()
    best_e1rm = db.execute(
        f"SELECT {E1RM_SQL} FROM sets INDEXED BY sets_best_e1rm WHERE exercise_id = ? "
        f"AND kind != 'warmup' AND logged_at < ? ORDER BY {E1RM_SQL} DESC LIMIT 1",
        [exercise_id, since],
    ).fetchone()
    weight = best_weight[0] if best_weight else -1.0
    estimate = best_e1rm[0] if best_e1rm else -1.0
    changes: list[tuple[int, int]] = []
    for set_id, kind, w, e, flag in db.execute(
        f"SELECT id, kind, weight_kg, {E1RM_SQL}, pr FROM sets "
        "WHERE exercise_id = ? AND logged_at >= ? ORDER BY logged_at, id",
        [exercise_id, since],
    ).fetchall():
        is_pr = kind != "warmup" and (w > weight or e > estimate + 1e-9)
        if is_pr:
            weight, estimate = max(weight, w), max(estimate, e)
        if int(is_pr) != flag:
            changes.append((int(is_pr), set_id))
    if changes:
        db.conn.executemany("UPDATE sets SET pr = ? WHERE id = ?", changes)


def to_text(moment: datetime) -> str:
    """Store a moment as ISO-8601 in UTC with its offset, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_text(text: str) -> datetime:
    """Read a stored moment back, in the local time zone."""
    return datetime.fromisoformat(text).astimezone()


class StorageError(GymtuiError):
    """A write did not reach the disk; nothing was saved."""


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
    dry_run: bool = False


def _check_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(
            f"gymtui cannot create its data folder {folder}: {exc.strerror or exc}. "
            "Create it yourself or choose another with --data-dir DIR or GYMTUI_DATA_DIR."
        ) from None
    if not folder.is_dir():
        raise DataFolderError(
            f"gymtui's data folder {folder} is not a folder. "
            "Choose another with --data-dir DIR or GYMTUI_DATA_DIR."
        )
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise DataFolderError(
            f"gymtui cannot write in its data folder {folder}: {exc.strerror or exc}. "
            "Make it writable (chmod u+w) or choose another with --data-dir DIR or "
            "GYMTUI_DATA_DIR. Nothing was changed."
        ) from None


def _check_existing_file(path: Path) -> None:
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
        applied: set[str] = set()
        if Migrations.migrations_table in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    f"SELECT name FROM {Migrations.migrations_table} WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
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
    unknown = applied - {m.name for m in migrations._migrations}
    if unknown:
        raise DatabaseFileError(
            f"{path} was written by a newer gymtui (schema steps {', '.join(sorted(unknown))} "
            "are unknown to this version). Update gymtui to open it; this version has not "
            "changed the file."
        )


class Store:
    """gymtui's database: every method commits before it returns."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the database at `path`, refusing files that are not ours."""
        _check_folder(path.parent)
        if path.exists():
            _check_existing_file(path)
        try:
            conn = sqlite3.connect(str(path), check_same_thread=False)
            db = Database(conn)
            # WAL + FULL: a commit is on disk (fsync of the log) before log_set returns.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=5000")
            migrations.apply(db)
        except sqlite3.Error as exc:
            raise DatabaseFileError(f"gymtui cannot open {path}: {exc}. {MOVE_ASIDE}") from None
        return cls(db, path)

    @classmethod
    def open_reader(cls, path: Path) -> Store:
        """A read-only connection for a worker thread (WAL lets it read while the app writes)."""
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        return cls(Database(conn), path)

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Database]:
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as exc:
            raise StorageError(f"Not saved: {self.path} refused the write ({exc}).") from None

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, list(params)))

    # -- exercises ------------------------------------------------------------------

    def sync_exercises(self, catalogue: Iterable[Exercise]) -> None:
        """Make the exercises table hold the catalogue (user rest settings are kept)."""
        with self._writing() as db:
            for ex in catalogue:
                db.execute(
                    """
                    INSERT INTO exercises (id, name, muscles, stabilisers, equipment,
                        one_legged, increment_kg, default_rest_s, custom)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                    ON CONFLICT(id) DO UPDATE SET name=excluded.name, muscles=excluded.muscles,
                        stabilisers=excluded.stabilisers, equipment=excluded.equipment,
                        one_legged=excluded.one_legged, increment_kg=excluded.increment_kg,
                        default_rest_s=excluded.default_rest_s, custom=0
                    """,
                    [
                        ex.id,
                        ex.name,
                        ",".join(ex.muscles),
                        ",".join(ex.stabilisers),
                        ex.equipment,
                        int(ex.one_legged),
                        ex.increment_kg,
                        ex.rest_s,
                    ],
                )

    def exercises(self) -> dict[str, Exercise]:
        """Every exercise on file, the user's own included."""
        return {row["id"]: _exercise(row) for row in self._rows("SELECT * FROM exercises")}

    def add_custom_exercise(self, name: str) -> Exercise:
        """Create the user's own exercise (or return the one with that name)."""
        clean = " ".join(name.split())
        for row in self._rows("SELECT * FROM exercises WHERE lower(name) = lower(?)", [clean]):
            return _exercise(row)
        base = "user_" + "".join(c if c.isalnum() else "_" for c in clean.lower()).strip("_")
        ex_id, n = base, 1
        while self._rows("SELECT 1 FROM exercises WHERE id = ?", [ex_id]):
            n += 1
            ex_id = f"{base}_{n}"
        with self._writing() as db:
            db.execute("INSERT INTO exercises (id, name, custom) VALUES (?, ?, 1)", [ex_id, clean])
        return Exercise(id=ex_id, name=clean, custom=True)

    def exercise_rest(self, exercise_id: str) -> int | None:
        """The user's own rest length for an exercise, when they set one."""
        rows = self._rows("SELECT rest_s FROM exercises WHERE id = ?", [exercise_id])
        return cast("int | None", rows[0]["rest_s"]) if rows else None

    def set_exercise_rest(self, exercise_id: str, seconds: int | None) -> None:
        """Set (or clear, with None) the user's own rest length for an exercise."""
        with self._writing() as db:
            db.execute("UPDATE exercises SET rest_s = ? WHERE id = ?", [seconds, exercise_id])

    # -- settings -------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A stored setting, or `default`."""
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [key])
        return cast(str, rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: str | None) -> None:
        """Store a setting; `None` removes it."""
        with self._writing() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )

    # -- sessions -------------------------------------------------------------------

    def open_session(self, now: datetime) -> Session | None:
        """The session in progress, after finishing any left idle for 3 hours."""
        rows = self._rows(
            "SELECT * FROM sessions WHERE finished_at IS NULL ORDER BY started_at DESC"
        )
        current: Session | None = None
        for row in rows:
            session = _session(row)
            last = self._last_activity(session)
            if current is None and now - last < SESSION_IDLE:
                current = session
            else:
                self.finish_session(session.id, last)
        return current

    def _last_activity(self, session: Session) -> datetime:
        rows = self._rows("SELECT max(logged_at) AS t FROM sets WHERE session_id = ?", [session.id])
        return from_text(rows[0]["t"]) if rows[0]["t"] else session.started_at

    def finish_session(self, session_id: int, when: datetime) -> None:
        """Mark a session finished; it stays finished."""
        with self._writing() as db:
            db.execute(
                "UPDATE sessions SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                [to_text(when), session_id],
            )

    def session(self, session_id: int) -> Session | None:
        """One session by id."""
        rows = self._rows("SELECT * FROM sessions WHERE id = ?", [session_id])
        return _session(rows[0]) if rows else None

    def last_session(self) -> Session | None:
        """The most recently started session."""
        rows = self._rows("SELECT * FROM sessions ORDER BY started_at DESC LIMIT 1")
        return _session(rows[0]) if rows else None

    def last_trained_at(self, before: datetime | None = None) -> datetime | None:
        """When the last set was logged (before `before`, when given)."""
        bound = to_text(before) if before else "9999"
        rows = self._rows("SELECT max(logged_at) AS t FROM sets WHERE logged_at < ?", [bound])
        return from_text(rows[0]["t"]) if rows[0]["t"] else None

    def sessions_between(self, start: datetime, end: datetime) -> list[Session]:
        """Sessions started in [start, end), oldest first."""
        rows = self._rows(
            "SELECT * FROM sessions WHERE started_at >= ? AND started_at < ? ORDER BY started_at",
            [to_text(start), to_text(end)],
        )
        return [_session(r) for r in rows]

    # -- sets -----------------------------------------------------------------------

    def log_set(self, entry: SetInput, day: ProgramDay | None, now: datetime) -> LoggedSet:
        """Store a set, starting a session for `day` if none is open; on disk when it returns."""
        session = self.open_session(now)
        with self._writing() as db:
            if session is None:
                cursor = db.execute(
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
                session_id = session.id
            number = db.execute(
                "SELECT coalesce(max(set_number), 0) + 1 FROM sets "
                "WHERE session_id = ? AND exercise_id = ?",
                [session_id, entry.exercise_id],
            ).fetchone()[0]
            cursor = db.execute(
                """
                INSERT INTO sets (session_id, exercise_id, set_number, kind, weight_kg, reps,
                    rpe, note, side, logged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    session_id,
                    entry.exercise_id,
                    number,
                    entry.kind,
                    entry.weight_kg,
                    entry.reps,
                    entry.rpe,
                    entry.note,
                    entry.side,
                    to_text(now),
                ],
            )
            set_id = int(cast(int, cursor.lastrowid))
            refresh_prs(db, entry.exercise_id, to_text(now))
            if session is not None:
                self._record_rest_taken(db, session_id, set_id, now)
        return self.get_set(set_id)

    @staticmethod
    def _record_rest_taken(db: Database, session_id: int, set_id: int, now: datetime) -> None:
        previous = db.execute(
            "SELECT id, logged_at FROM sets WHERE session_id = ? AND id != ? "
            "ORDER BY logged_at DESC, id DESC LIMIT 1",
            [session_id, set_id],
        ).fetchone()
        if previous is not None:
            taken = round((now - from_text(previous[1])).total_seconds())
            db.execute(
                "UPDATE sets SET rest_taken_s = ? WHERE id = ?", [max(0, taken), previous[0]]
            )

    def get_set(self, set_id: int) -> LoggedSet:
        """One set by id, as stored."""
        found = self.find_set(set_id)
        if found is None:
            raise LookupError(f"no set {set_id}")
        return found

    def find_set(self, set_id: int) -> LoggedSet | None:
        """One set by id, or None when it was deleted."""
        rows = self._rows("SELECT * FROM sets WHERE id = ?", [set_id])
        return _set(rows[0]) if rows else None

    def update_set(self, set_id: int, entry: SetInput) -> LoggedSet:
        """Change a logged set's values (its time and place in the session stay)."""
        before = self.get_set(set_id)
        with self._writing() as db:
            db.execute(
                "UPDATE sets SET kind=?, weight_kg=?, reps=?, rpe=?, note=?, side=? WHERE id=?",
                [
                    entry.kind,
                    entry.weight_kg,
                    entry.reps,
                    entry.rpe,
                    entry.note,
                    entry.side,
                    set_id,
                ],
            )
            refresh_prs(db, before.exercise_id, to_text(before.logged_at))
        return self.get_set(set_id)

    def delete_set(self, set_id: int) -> None:
        """Remove a set for good."""
        before = self.get_set(set_id)
        with self._writing() as db:
            db.execute("DELETE FROM sets WHERE id = ?", [set_id])
            refresh_prs(db, before.exercise_id, to_text(before.logged_at))

    def sets_in_session(self, session_id: int) -> list[LoggedSet]:
        """Every set of a session in the order it was logged."""
        rows = self._rows(
            "SELECT * FROM sets WHERE session_id = ? ORDER BY logged_at, id", [session_id]
        )
        return [_set(r) for r in rows]

    def last_sets_for(self, exercise_id: str, before_session: int | None = None) -> list[LoggedSet]:
        """The sets of the exercise from the latest earlier session that had it."""
        exclude = before_session if before_session is not None else -1
        latest = self._rows(
            "SELECT session_id FROM sets WHERE exercise_id = ? AND session_id != ? "
            "ORDER BY logged_at DESC LIMIT 1",
            [exercise_id, exclude],
        )
        if not latest:
            return []
        rows = self._rows(
            "SELECT * FROM sets WHERE session_id = ? AND exercise_id = ? ORDER BY logged_at, id",
            [latest[0]["session_id"], exercise_id],
        )
        return [_set(r) for r in rows]

    # -- history --------------------------------------------------------------------

    def session_summaries(self, limit: int = 200, offset: int = 0) -> list[SessionSummary]:
        """Sessions newest first, with working sets and volume (warm-ups excluded)."""
        rows = self._rows(
            """
            SELECT s.*,
                (SELECT count(*) FROM sets t WHERE t.session_id = s.id AND t.kind != 'warmup')
                    AS working,
                (SELECT total(t.weight_kg * t.reps) FROM sets t
                    WHERE t.session_id = s.id AND t.kind != 'warmup') AS volume,
                (SELECT min(logged_at) FROM sets t WHERE t.session_id = s.id) AS first_at,
                (SELECT max(logged_at) FROM sets t WHERE t.session_id = s.id) AS last_at,
                (SELECT max(pr) FROM sets t WHERE t.session_id = s.id) AS has_pr
            FROM sessions s ORDER BY s.started_at DESC LIMIT ? OFFSET ?
            """,
            [limit, offset],
        )
        return [
            SessionSummary(
                session=_session(r),
                working_sets=r["working"],
                volume_kg=r["volume"],
                first_at=from_text(r["first_at"]) if r["first_at"] else None,
                last_at=from_text(r["last_at"]) if r["last_at"] else None,
                has_pr=bool(r["has_pr"]),
            )
            for r in rows
        ]

    def session_count(self) -> int:
        """How many sessions there are."""
        return int(self._rows("SELECT count(*) AS n FROM sessions")[0]["n"])

    def session_starts(self, since: datetime | None = None) -> list[datetime]:
        """When sessions started (all, or since `since`), oldest first."""
        rows = self._rows(
            "SELECT started_at FROM sessions WHERE started_at >= ? ORDER BY started_at",
            [to_text(since) if since else ""],
        )
        return [from_text(r["started_at"]) for r in rows]

    def first_session_start(self) -> datetime | None:
        """When the first session started."""
        rows = self._rows("SELECT min(started_at) AS t FROM sessions")
        return from_text(rows[0]["t"]) if rows[0]["t"] else None

    def session_starts_before(self, moment: datetime) -> datetime | None:
        """When the last session before `moment` started."""
        rows = self._rows(
            "SELECT max(started_at) AS t FROM sessions WHERE started_at < ?", [to_text(moment)]
        )
        return from_text(rows[0]["t"]) if rows[0]["t"] else None

    def working_sets_by_exercise(self, start: datetime, end: datetime) -> list[tuple[str, int]]:
        """(exercise id, working sets) logged in [start, end)."""
        rows = self._rows(
            "SELECT exercise_id, count(*) AS n FROM sets WHERE logged_at >= ? AND logged_at < ? "
            "AND kind != 'warmup' GROUP BY exercise_id",
            [to_text(start), to_text(end)],
        )
        return [(r["exercise_id"], r["n"]) for r in rows]

    def exercises_with_sets(self) -> list[str]:
        """Exercise ids that have sets."""
        rows = self._rows("SELECT DISTINCT exercise_id FROM sets ORDER BY exercise_id")
        return [r["exercise_id"] for r in rows]

    def progress(self, exercise_id: str, since: datetime | None = None) -> list[ProgressPoint]:
        """Per session: best e1RM, top set weight and volume of an exercise, oldest first."""
        rows = self._rows(
            f"""
            SELECT min(logged_at) AS day, max({E1RM_SQL}) AS e1rm, max(weight_kg) AS top,
                total(weight_kg * reps) AS volume
            FROM sets WHERE exercise_id = ? AND kind != 'warmup' AND logged_at >= ?
            GROUP BY session_id ORDER BY day
            """,
            [exercise_id, to_text(since) if since else ""],
        )
        return [ProgressPoint(from_text(r["day"]), r["e1rm"], r["top"], r["volume"]) for r in rows]

    def records(self, exercise_id: str, unit: Unit) -> list[Record]:
        """Personal records of an exercise, from working sets only, each with its date."""
        found: list[Record] = []
        base = "FROM sets WHERE exercise_id = ? AND kind != 'warmup'"
        heaviest = self._rows(
            f"SELECT weight_kg, reps, logged_at {base} ORDER BY weight_kg DESC, reps DESC, "
            "logged_at LIMIT 1",
            [exercise_id],
        )
        if not heaviest:
            return found
        h = heaviest[0]
        found.append(
            Record(
                "Heaviest", format_set(h["weight_kg"], h["reps"], unit), from_text(h["logged_at"])
            )
        )
        best = self._rows(
            f"SELECT weight_kg, reps, logged_at, {E1RM_SQL} AS e1rm {base} "
            "ORDER BY e1rm DESC, logged_at LIMIT 1",
            [exercise_id],
        )[0]
        top_set = f"{format_weight(best['weight_kg'], unit, with_unit=False)} × {best['reps']}"
        found.append(
            Record(
                "Best e1RM",
                f"{format_weight(best['e1rm'], unit)} ({top_set})",
                from_text(best["logged_at"]),
            )
        )
        for r in self._rows(
            f"""
            SELECT weight_kg, reps, min(logged_at) AS logged_at FROM (
                SELECT weight_kg, reps, logged_at,
                    rank() OVER (PARTITION BY weight_kg ORDER BY reps DESC) AS place
                {base}) WHERE place = 1
            GROUP BY weight_kg ORDER BY weight_kg DESC LIMIT 3
            """.replace("{base}", base),
            [exercise_id],
        ):
            found.append(
                Record(
                    f"Reps at {format_weight(r['weight_kg'], unit)}",
                    f"{r['reps']} reps",
                    from_text(r["logged_at"]),
                )
            )
        volume = self._rows(
            f"SELECT total(weight_kg * reps) AS v, min(logged_at) AS logged_at {base} "
            "GROUP BY session_id ORDER BY v DESC, logged_at LIMIT 1",
            [exercise_id],
        )[0]
        found.append(
            Record(
                "Best volume",
                f"{format_number(from_kg(volume['v'], unit))} {unit}",
                from_text(volume["logged_at"]),
            )
        )
        return found

    # -- import, export, backup -------------------------------------------------------

    def import_parsed(
        self,
        parsed: ParsedFile,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Write a parsed export in one transaction; sessions already imported are skipped."""
        summary = ImportSummary(parsed.format, parsed.rows, skipped=Counter(parsed.skipped))
        summary.dry_run = dry_run
        try:
            with self._writing() as db:
                ids = self._import_exercises(parsed, summary)
                existing = {
                    r[0]
                    for r in db.execute(
                        "SELECT source_key FROM sessions WHERE source_key IS NOT NULL"
                    )
                }
                earliest: dict[str, str] = {}
                for n, session in enumerate(parsed.sessions):
                    if session.key in existing:
                        summary.sessions_already += 1
                        continue
                    existing.add(session.key)
                    cursor = db.execute(
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
                    numbers: Counter[str] = Counter()
                    rows = []
                    for item in session.sets:
                        exercise_id = ids[item.exercise_id or item.exercise_name]
                        numbers[exercise_id] += 1
                        logged = to_text(item.logged_at)
                        if logged < earliest.get(exercise_id, "~"):
                            earliest[exercise_id] = logged
                        rows.append(
                            (
                                cursor.lastrowid,
                                exercise_id,
                                numbers[exercise_id],
                                item.kind,
                                item.weight_kg,
                                item.reps,
                                item.rpe,
                                item.note,
                                item.side,
                                logged,
                                item.rest_taken_s,
                            )
                        )
                        summary.sets_by_kind[item.kind] += 1
                    db.conn.executemany(
                        "INSERT INTO sets (session_id, exercise_id, set_number, kind, weight_kg,"
                        " reps, rpe, note, side, logged_at, rest_taken_s)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rows,
                    )
                    summary.sessions_added += 1
                    if progress is not None and n % 200 == 0:
                        progress(n, len(parsed.sessions))
                for exercise_id, since in earliest.items():
                    refresh_prs(db, exercise_id, since)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return summary

    def _import_exercises(self, parsed: ParsedFile, summary: ImportSummary) -> dict[str, str]:
        """Map every exercise name in the file to an exercise id, creating the unknown ones."""
        known = self.exercises()
        by_name = {normalise_name(ex.name): ex.id for ex in known.values()}
        alias = aliases()
        ids: dict[str, str] = {}
        for session in parsed.sessions:
            for item in session.sets:
                name = item.exercise_id or item.exercise_name
                if name in ids:
                    continue
                if item.exercise_id and item.exercise_id in known:
                    ids[name] = item.exercise_id
                    continue
                wanted = normalise_name(item.exercise_name)
                found = alias.get(wanted) or by_name.get(wanted)
                if found and found in known:
                    ids[name] = found
                    if normalise_name(known[found].name) != wanted:
                        summary.matched[item.exercise_name] = known[found].name
                else:
                    made = self.add_custom_exercise(item.exercise_name)
                    known[made.id] = made
                    by_name[normalise_name(made.name)] = made.id
                    ids[name] = made.id
                    summary.created.append(made.name)
        return ids

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every set with its session and exercise, oldest first, in gymtui's export columns."""
        for row in self.db.query(
            """
            SELECT coalesce(s.source_key, 'gymtui:' || s.started_at) AS session_key,
                s.started_at AS session_started_at, s.finished_at AS session_finished_at,
                s.day_key AS session_day_key, s.day_name AS session_day_name,
                s.source AS session_source, s.note AS session_note,
                t.exercise_id, e.name AS exercise_name, t.set_number, t.kind, t.weight_kg,
                t.reps, t.rpe, t.note, t.side, t.logged_at, t.rest_taken_s
            FROM sets t JOIN sessions s ON s.id = t.session_id
                JOIN exercises e ON e.id = t.exercise_id
            ORDER BY t.logged_at, t.id
            """
        ):
            yield {column: row[column] for column in GYMTUI_COLUMNS}

    def backup(self, target: Path) -> None:
        """A consistent copy made with SQLite's online backup (safe while the app runs)."""
        destination = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(destination)
        finally:
            destination.close()


def _exercise(row: dict[str, Any]) -> Exercise:
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
    )


def _session(row: dict[str, Any]) -> Session:
    return Session(
        id=row["id"],
        day_key=row["day_key"],
        day_name=row["day_name"],
        started_at=from_text(row["started_at"]),
        finished_at=from_text(row["finished_at"]) if row["finished_at"] else None,
        source=row["source"],
    )


def _set(row: dict[str, Any]) -> LoggedSet:
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
        rest_taken_s=row.get("rest_taken_s"),
        pr=bool(row.get("pr", 0)),
    )


def db_size(path: Path) -> int:
    """Bytes on disk, the write-ahead log included."""
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if os.path.exists(p))
