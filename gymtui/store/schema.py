"""The schema: one `m00N_...` step per change, applied with sqlite-utils' Migrations.

A landed step is never edited. Each holds its own SQL, frozen as it was written, so a change to
a live formula (e1RM, say) can never rewrite history. sqlite-utils is imported only when a step
is pending, so opening an up-to-date file does not pay for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "gymtui"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' name for it


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


def m002_rest_taken(db: Database) -> None:
    """The rest actually taken after a set: from its log time to the next set's."""
    db.execute("ALTER TABLE sets ADD COLUMN rest_taken_s INTEGER")


# Frozen copy of the e1RM expression as m003 landed (Epley, reps capped at 10).
_M003_E1RM = "CASE WHEN reps = 1 THEN weight_kg ELSE weight_kg * (1 + min(reps, 10) / 30.0) END"


def m003_pr_flags(db: Database) -> None:
    """sets.pr: 1 when a working set beat every earlier one of its exercise (weight or e1RM)."""
    db.execute("ALTER TABLE sets ADD COLUMN pr INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "CREATE INDEX sets_best_weight ON sets(exercise_id, weight_kg) WHERE kind != 'warmup'"
    )
    db.execute(
        f"CREATE INDEX sets_best_e1rm ON sets(exercise_id, ({_M003_E1RM})) WHERE kind != 'warmup'"
    )
    db.execute(
        f"""
        UPDATE sets SET pr = 1 WHERE id IN (
            SELECT id FROM (
                SELECT id, weight_kg, {_M003_E1RM} AS e1rm,
                    max(weight_kg) OVER earlier AS best_weight,
                    max({_M003_E1RM}) OVER earlier AS best_e1rm
                FROM sets WHERE kind != 'warmup'
                WINDOW earlier AS (PARTITION BY exercise_id ORDER BY logged_at, id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            )
            WHERE best_weight IS NULL OR weight_kg > best_weight OR e1rm > best_e1rm + 1e-9
        )
        """
    )


def m004_body_weight(db: Database) -> None:
    """Body weight: one value a day (the local date it was weighed), in kg."""
    db.execute(
        """
        CREATE TABLE body_weights (
            day TEXT PRIMARY KEY,
            weight_kg REAL NOT NULL CHECK (weight_kg > 0),
            logged_at TEXT NOT NULL
        ) STRICT
        """
    )


def m005_own_exercises(db: Database) -> None:
    """Names that lead to an exercise (a merged or renamed exercise's old name, so that the
    next import of a file that uses it finds the exercise instead of making it again), and
    the user's switch that counts body weight in an exercise's load."""
    db.execute(
        """
        CREATE TABLE exercise_aliases (
            name_key TEXT PRIMARY KEY,
            exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE
        ) STRICT
        """
    )
    db.execute(
        "ALTER TABLE exercises ADD COLUMN body_weight_load INTEGER NOT NULL DEFAULT 0 "
        "CHECK (body_weight_load IN (0, 1))"
    )


def m006_first_set_is_no_pr(db: Database) -> None:
    """An exercise's first working set ever beat nothing: it is no PR (Today and the summary
    never called it one; History's star now agrees)."""
    db.execute(
        """
        UPDATE sets SET pr = 0 WHERE pr = 1 AND id IN (
            SELECT id FROM (
                SELECT id, row_number() OVER (
                    PARTITION BY exercise_id ORDER BY logged_at, id) AS n
                FROM sets WHERE kind != 'warmup'
            ) WHERE n = 1
        )
        """
    )


def m007_exercise_kit(db: Database) -> None:
    """An exercise's own kit, the user's: a bar of its own (a trap bar's 25 kg), a machine's
    stack step and small plate (NULL: the catalogue's, else the user's bar or stack step)."""
    for column in ("bar_kg", "stack_step_kg", "small_plate_kg"):
        db.execute(
            f"ALTER TABLE exercises ADD COLUMN {column} REAL "
            f"CHECK ({column} IS NULL OR {column} > 0)"
        )


def m008_supersets(db: Database) -> None:
    """sets.superset: the label of the superset a set was done in (sets of a session sharing
    one were done in turn); NULL for a set done on its own."""
    db.execute("ALTER TABLE sets ADD COLUMN superset TEXT")


def m009_holds(db: Database) -> None:
    """Holds (wall sit, plank): sets.seconds, a hold's length (its reps are 1; NULL for a set
    of reps, which every set before this step was), and exercises.timed, an exercise whose
    sets are holds."""
    db.execute(
        "ALTER TABLE sets ADD COLUMN seconds INTEGER CHECK (seconds IS NULL OR seconds >= 1)"
    )
    db.execute(
        "ALTER TABLE exercises ADD COLUMN timed INTEGER NOT NULL DEFAULT 0 CHECK (timed IN (0, 1))"
    )
    # the longest hold before a set, in one seek, as sets_best_weight gives the heaviest
    db.execute(
        "CREATE INDEX sets_best_hold ON sets(exercise_id, seconds) "
        "WHERE seconds IS NOT NULL AND kind != 'warmup'"
    )


def m010_pain(db: Database) -> None:
    """sets.pain: a pain mark noted after the set, where and how bad ("knee sharp"); NULL for
    none."""
    values = ", ".join(
        f"'{joint} {level}'"
        for joint in ("knee", "hip", "back", "other")
        for level in ("mild", "sharp")
    )
    db.execute(f"ALTER TABLE sets ADD COLUMN pain TEXT CHECK (pain IS NULL OR pain IN ({values}))")


def m011_synergists(db: Database) -> None:
    """exercises.synergists: the leg muscles an exercise works second (comma-separated), each
    counted as half a set in the weekly sets per muscle; '' for every exercise before it."""
    db.execute("ALTER TABLE exercises ADD COLUMN synergists TEXT NOT NULL DEFAULT ''")


def m012_blocks_and_readiness(db: Database) -> None:
    """Planned blocks: block_starts.seen_at, each moment a block was begun (the program's
    [block] first seen, or "Start a new block"); the block starts the week of the first leg
    day at or after it. Readiness: sessions.sleep and sessions.soreness (1-5), asked at a
    session's first set; NULL when not asked or skipped."""
    db.execute("CREATE TABLE block_starts (seen_at TEXT PRIMARY KEY) STRICT")
    for column in ("sleep", "soreness"):
        db.execute(
            f"ALTER TABLE sessions ADD COLUMN {column} INTEGER "
            f"CHECK ({column} IS NULL OR {column} BETWEEN 1 AND 5)"
        )


STEPS: tuple[Callable[[Database], None], ...] = (
    m001_initial,
    m002_rest_taken,
    m003_pr_flags,
    m004_body_weight,
    m005_own_exercises,
    m006_first_set_is_no_pr,
    m007_exercise_kit,
    m008_supersets,
    m009_holds,
    m010_pain,
    m011_synergists,
    m012_blocks_and_readiness,
)
STEP_NAMES = tuple(step.__name__ for step in STEPS)


def applied_steps(conn: sqlite3.Connection) -> set[str]:
    """The names of the steps a file has (read only)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if MIGRATIONS_TABLE not in tables:
        return set()
    return {
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
        )
    }


def migrate(conn: sqlite3.Connection) -> bool:
    """Apply the pending steps; True when there were any."""
    if set(STEP_NAMES) <= applied_steps(conn):
        return False
    from sqlite_utils import Database

    migration_set().apply(Database(conn))
    return True


def migration_set() -> Migrations:
    """The steps as a sqlite-utils Migrations set."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in STEPS:
        migrations()(step)
    return migrations
