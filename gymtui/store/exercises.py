"""The exercises table: the catalogue kept in step with the program, and the user's own
exercises (create, edit, rename, merge, delete), each change one transaction.

A merged or renamed exercise leaves its old name behind in `exercise_aliases`, so the next
import of a file that uses that name finds the exercise instead of creating it again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, cast

from gymtui.core.exercises import ExerciseEdit, muscles_from_name, same_name
from gymtui.core.models import Exercise
from gymtui.store.base import StorageError, exercise_from_row, from_text
from gymtui.store.counts import SETS
from gymtui.store.prs import refresh_prs

if TYPE_CHECKING:
    from gymtui.store.store import Store

GONE = "Not saved: that exercise is gone (deleted or merged in another window?)."
# Set once a file's bare imported exercises got the muscles their names make clear: imports
# before gymtui read names left "Leg Press Machine" with none, so no leg day counted it.
NAMES_READ = "muscles_from_names"


class Exercises:
    """The exercises table (`store.exercises`): the catalogue and the user's own."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def sync(self, catalogue: Iterable[Exercise]) -> bool:
        """Make the exercises table hold the catalogue (user rest settings are kept).

        Writes only what differs, so an unchanged catalogue costs a read and no commit.
        """
        on_file = self.all()
        changed = [
            ex for ex in catalogue if _catalogue_fields(on_file.get(ex.id)) != _catalogue_fields(ex)
        ]
        if not changed:
            return False
        with self.store.transaction() as conn:
            _read_bare_names(conn)
            for ex in changed:
                conn.execute(
                    """
                    INSERT INTO exercises (id, name, muscles, stabilisers, equipment,
                        one_legged, increment_kg, default_rest_s, timed, synergists, custom)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    ON CONFLICT(id) DO UPDATE SET name=excluded.name, muscles=excluded.muscles,
                        stabilisers=excluded.stabilisers, equipment=excluded.equipment,
                        synergists=excluded.synergists,
                        one_legged=excluded.one_legged, increment_kg=excluded.increment_kg,
                        default_rest_s=excluded.default_rest_s, timed=excluded.timed, custom=0
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
                        int(ex.timed),
                        ",".join(ex.synergists),
                    ],
                )
        return True

    def all(self) -> dict[str, Exercise]:
        """Every exercise on file, the user's own included."""
        return {
            row["id"]: exercise_from_row(row) for row in self.store.query("SELECT * FROM exercises")
        }

    def rest(self, exercise_id: str) -> int | None:
        """The user's own rest length for an exercise, when they set one."""
        return cast(
            "int | None",
            self.store.value("SELECT rest_s FROM exercises WHERE id = ?", [exercise_id]),
        )

    def set_rest(self, exercise_id: str, seconds: int | None) -> None:
        """Set (or clear, with None) the user's own rest length for an exercise."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE exercises SET rest_s = ? WHERE id = ?", [seconds, exercise_id])

    def set_own(
        self,
        exercise_id: str,
        rest_s: int | None,
        body_weight: bool,
        kit: tuple[float | None, float | None, float | None] = (None, None, None),
    ) -> None:
        """What the user sets on any exercise, gymtui's own too: the rest after it, whether
        body weight counts in its load, and its kit (bar, stack step, small plate; None: the
        catalogue's)."""
        with self.store.transaction() as conn:
            self._exercise_row(conn, exercise_id)
            conn.execute(
                "UPDATE exercises SET rest_s = ?, body_weight_load = ?, bar_kg = ?,"
                " stack_step_kg = ?, small_plate_kg = ? WHERE id = ?",
                [rest_s, int(body_weight), *kit, exercise_id],
            )

    # -- the exercise list ------------------------------------------------------------

    def usage(self) -> dict[str, tuple[int, datetime | None, int | None]]:
        """Per exercise: its sets, when it was last done, and the user's own rest."""
        usage: dict[str, tuple[int, datetime | None, int | None]] = {
            row[0]: (int(row[1]), from_text(row[2]), None)
            for row in self.store.query(
                # a left and a right set are one set, as everywhere else (store/counts.py)
                f"SELECT exercise_id, {SETS}, max(logged_at) FROM sets GROUP BY exercise_id"
            )
        }
        for ex_id, rest in self.store.query("SELECT id, rest_s FROM exercises"):
            sets, last, _ = usage.get(ex_id, (0, None, None))
            usage[ex_id] = (sets, last, rest)
        return usage

    def aliases(self) -> dict[str, str]:
        """Old names (as `same_name` keys) of merged or renamed exercises, to their exercise."""
        return {
            r[0]: r[1]
            for r in self.store.query("SELECT name_key, exercise_id FROM exercise_aliases")
        }

    # -- the user's own exercises -----------------------------------------------------

    def create(self, edit: ExerciseEdit) -> Exercise:
        """A new exercise of the user's own, with everything set at once."""
        with self.store.transaction() as conn:
            self._check_name(conn, edit.name, None)
            made = self.insert_own(edit.name, lambda ex_id: _taken(conn, ex_id))
            return self._write_edit(conn, made.id, edit)

    def insert_own(
        self, name: str, taken: Callable[[str], bool], like: ExerciseEdit | None = None
    ) -> Exercise:
        """Add an exercise of the user's own, by name alone (an import's new names, and the
        first step of `create`): the id is `user_` and its name, numbered when `taken`;
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
                bar_kg=like.bar_kg,
                timed=like.timed,
                synergists=like.synergists,
            )
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO exercises (id, name, muscles, stabilisers, equipment, one_legged,"
                " bar_kg, timed, synergists, custom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                [
                    ex_id,
                    clean,
                    ",".join(made.muscles),
                    ",".join(made.stabilisers),
                    made.equipment,
                    int(made.one_legged),
                    made.bar_kg,
                    int(made.timed),
                    ",".join(made.synergists),
                ],
            )
        return made

    def update(self, exercise_id: str, edit: ExerciseEdit) -> Exercise:
        """Change the user's own exercise; a new name keeps the old one as an alias."""
        with self.store.transaction() as conn:
            row = self._exercise_row(conn, exercise_id)
            if not row["custom"]:
                raise StorageError(
                    f"Not saved: {row['name']} comes with gymtui or your program file; only "
                    "its rest can change here."
                )
            self._check_name(conn, edit.name, exercise_id)
            if same_name(row["name"]) != same_name(edit.name):
                self._add_alias(conn, row["name"], exercise_id)
            return self._write_edit(conn, exercise_id, edit)

    def merge(self, source_id: str, target_id: str) -> int:
        """Move every set of `source` to `target` and remove `source`; its name becomes an
        alias of `target`. Set numbers follow the time order within each session, and the
        PR flags are recomputed from the first moved set. Returns the number of sets moved."""
        with self.store.transaction() as conn:
            source = self._exercise_row(conn, source_id)
            self._exercise_row(conn, target_id)
            if not source["custom"]:
                raise StorageError(
                    f"Not saved: {source['name']} comes with gymtui or your program file; it stays."
                )
            if source_id == target_id:
                raise StorageError("Not saved: an exercise cannot be merged into itself.")
            moved, since = conn.execute(
                "SELECT count(*), min(logged_at) FROM sets WHERE exercise_id = ?", [source_id]
            ).fetchone()
            conn.execute(
                """
                WITH touched AS (SELECT DISTINCT session_id FROM sets WHERE exercise_id = :source)
                UPDATE sets SET exercise_id = :target, set_number = numbered.n
                FROM (
                    SELECT id, row_number() OVER (
                        PARTITION BY session_id ORDER BY logged_at, id) AS n
                    FROM sets WHERE exercise_id IN (:source, :target)
                        AND session_id IN (SELECT session_id FROM touched)
                ) AS numbered
                WHERE sets.id = numbered.id
                """,
                {"source": source_id, "target": target_id},
            )
            conn.execute(
                "UPDATE exercise_aliases SET exercise_id = ? WHERE exercise_id = ?",
                [target_id, source_id],
            )
            conn.execute("DELETE FROM exercises WHERE id = ?", [source_id])
            self._add_alias(conn, source["name"], target_id)
            if since is not None:
                refresh_prs(conn, target_id, since)
            return int(moved)

    def delete(self, exercise_id: str) -> None:
        """Remove the user's own exercise that has no sets (and its aliases)."""
        with self.store.transaction() as conn:
            row = self._exercise_row(conn, exercise_id)
            if not row["custom"]:
                raise StorageError(
                    f"Not deleted: {row['name']} comes with gymtui or your program file."
                )
            used = conn.execute(
                "SELECT count(*) FROM sets WHERE exercise_id = ?", [exercise_id]
            ).fetchone()[0]
            if used:
                raise StorageError(
                    f"Not deleted: {row['name']} has {used} sets (logged in another window?). "
                    "Merge it into another exercise instead."
                )
            conn.execute("DELETE FROM exercise_aliases WHERE exercise_id = ?", [exercise_id])
            conn.execute("DELETE FROM exercises WHERE id = ?", [exercise_id])

    def _exercise_row(self, conn: sqlite3.Connection, exercise_id: str) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM exercises WHERE id = ?", [exercise_id]).fetchone()
        if row is None:
            raise StorageError(GONE)
        return cast(sqlite3.Row, row)

    def _check_name(self, conn: sqlite3.Connection, name: str, own_id: str | None) -> None:
        key = same_name(name)
        for ex_id, other in conn.execute("SELECT id, name FROM exercises").fetchall():
            if ex_id != own_id and same_name(other) == key:
                raise StorageError(f"Not saved: another exercise is already called {other!r}.")

    def _add_alias(self, conn: sqlite3.Connection, old_name: str, exercise_id: str) -> None:
        conn.execute(
            "INSERT INTO exercise_aliases (name_key, exercise_id) VALUES (?, ?) "
            "ON CONFLICT(name_key) DO UPDATE SET exercise_id = excluded.exercise_id",
            [same_name(old_name), exercise_id],
        )

    def _write_edit(
        self, conn: sqlite3.Connection, exercise_id: str, edit: ExerciseEdit
    ) -> Exercise:
        conn.execute(
            """
            UPDATE exercises SET name = ?, muscles = ?, stabilisers = ?, equipment = ?,
                one_legged = ?, increment_kg = ?, rest_s = ?, body_weight_load = ?,
                bar_kg = ?, stack_step_kg = ?, small_plate_kg = ?, timed = ?, synergists = ?
            WHERE id = ?
            """,
            [
                edit.name,
                ",".join(edit.muscles),
                ",".join(edit.stabilisers),
                edit.equipment,
                int(edit.one_legged),
                edit.increment_kg,
                edit.rest_s,
                int(edit.body_weight_load),
                edit.bar_kg,
                edit.stack_step_kg,
                edit.small_plate_kg,
                int(edit.timed),
                ",".join(edit.synergists),
                exercise_id,
            ],
        )
        # the new name is an exercise's own again, no longer another's alias
        conn.execute("DELETE FROM exercise_aliases WHERE name_key = ?", [same_name(edit.name)])
        return exercise_from_row(self._exercise_row(conn, exercise_id))


def _taken(conn: sqlite3.Connection, exercise_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM exercises WHERE id = ?", [exercise_id]).fetchone() is not None
    )


def _catalogue_fields(ex: Exercise | None) -> tuple[object, ...] | None:
    if ex is None:
        return None
    return (
        ex.name,
        ex.muscles,
        ex.stabilisers,
        ex.equipment,
        ex.one_legged,
        ex.increment_kg,
        ex.rest_s,
        ex.timed,
        ex.custom,
        ex.synergists,
    )


def _read_bare_names(conn: sqlite3.Connection) -> None:
    """Once a file (on the first catalogue change, an upgrade): the user's exercises with no
    muscles get those their names make clear (core.exercises.muscles_from_name)."""
    if conn.execute("SELECT 1 FROM settings WHERE key = ?", [NAMES_READ]).fetchone():
        return
    bare = conn.execute(
        "SELECT id, name FROM exercises WHERE custom = 1 AND muscles = ''"
    ).fetchall()
    for ex_id, name in bare:
        muscles, stabilisers = muscles_from_name(name)
        if muscles:
            conn.execute(
                "UPDATE exercises SET muscles = ?, stabilisers = ? WHERE id = ?",
                [",".join(muscles), ",".join(stabilisers), ex_id],
            )
    conn.execute("INSERT INTO settings (key, value) VALUES (?, '1')", [NAMES_READ])
