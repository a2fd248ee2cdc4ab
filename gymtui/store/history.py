"""History's reads: sessions, weeks, sets per muscle, progress and records (numbers only)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from gymtui.core.metrics import ProgressPoint, Records, SessionSummary, TopSet
from gymtui.core.models import Session
from gymtui.core.training import is_leg_day
from gymtui.store.base import from_text, session_from_row, to_text
from gymtui.store.counts import LEG_COUNTS, LEG_DAY, LEG_DAY_SETS, SETS, VOLUME
from gymtui.store.prs import E1RM_SQL

if TYPE_CHECKING:
    from gymtui.store.store import Store

_IN_RANGE = "SELECT id FROM sessions WHERE started_at >= ? AND started_at < ?"


class LegDay(NamedTuple):
    """A leg day: its session, its last set's time, and the exercises it had."""

    session: Session
    last_set: datetime
    exercise_ids: tuple[str, ...]


class History:
    """The reads behind History (`store.history`); they run on a worker's read-only
    connection too."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def session_summaries(self, limit: int = 200, offset: int = 0) -> list[SessionSummary]:
        """Sessions newest first, with working sets and volume (warm-ups excluded)."""
        rows = self.store.query(
            f"""
            SELECT s.*,
                (SELECT CAST(total(n) AS INTEGER) FROM (SELECT {SETS} AS n FROM sets t
                    WHERE t.session_id = s.id AND t.kind != 'warmup' GROUP BY t.exercise_id))
                    AS working,
                (SELECT total({VOLUME}) FROM sets t
                    WHERE t.session_id = s.id AND t.kind != 'warmup') AS volume,
                (SELECT min(logged_at) FROM sets t WHERE t.session_id = s.id) AS first_at,
                (SELECT max(logged_at) FROM sets t WHERE t.session_id = s.id) AS last_at,
                (SELECT max(pr) FROM sets t WHERE t.session_id = s.id) AS has_pr,
                (SELECT max(pain IS NOT NULL) FROM sets t WHERE t.session_id = s.id) AS has_pain
            FROM sessions s ORDER BY s.started_at DESC LIMIT ? OFFSET ?
            """,
            [limit, offset],
        )
        return [
            SessionSummary(
                session=session_from_row(r),
                working_sets=r["working"],
                volume_kg=r["volume"],
                first_at=from_text(r["first_at"]) if r["first_at"] else None,
                last_at=from_text(r["last_at"]) if r["last_at"] else None,
                has_pr=bool(r["has_pr"]),
                has_pain=bool(r["has_pain"]),
            )
            for r in rows
        ]

    def session_count(self) -> int:
        """How many sessions there are."""
        return int(self.store.value("SELECT count(*) FROM sessions"))

    def leg_day_starts(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[datetime]:
        """When the leg days started (core.training.is_leg_day: enough working sets on leg
        muscles), in [since, until), oldest first: one pass over the sets, grouped."""
        rows = self.store.query(
            f"SELECT s.started_at FROM sessions s JOIN ({LEG_COUNTS.format(sessions=_IN_RANGE)}) c"
            f" ON c.session_id = s.id WHERE {LEG_DAY} ORDER BY s.started_at",
            [to_text(since) if since else "", to_text(until) if until else "9999", LEG_DAY_SETS],
        )
        return [from_text(r["started_at"]) for r in rows]

    def last_leg_day(self, before: datetime | None = None) -> LegDay | None:
        """The latest leg day started before `before`: newest sessions first, each counted
        through the by-session index, so a long run of upper-body days costs a seek each."""
        for session_row in self.store.conn.execute(
            "SELECT * FROM sessions WHERE started_at < ? ORDER BY started_at DESC",
            [to_text(before) if before else "9999"],
        ):
            sets = self.store.query(
                "SELECT t.exercise_id, t.kind, t.logged_at, e.muscles != '' AS leg FROM sets t"
                " JOIN exercises e ON e.id = t.exercise_id WHERE t.session_id = ?",
                [session_row["id"]],
            )
            working = [r for r in sets if r["kind"] != "warmup"]
            if is_leg_day(sum(r["leg"] for r in working), len(working)):
                session = session_from_row(session_row)
                last = max(r["logged_at"] for r in sets)
                ids = tuple(dict.fromkeys(r["exercise_id"] for r in sets))
                return LegDay(session, from_text(last), ids)
        return None

    def working_sets_by_exercise(self, start: datetime, end: datetime) -> list[tuple[str, int]]:
        """(exercise id, working sets) logged in [start, end)."""
        rows = self.store.query(
            f"SELECT exercise_id, {SETS} AS n FROM sets WHERE logged_at >= ? AND logged_at < ? "
            "AND kind != 'warmup' GROUP BY exercise_id",
            [to_text(start), to_text(end)],
        )
        return [(r["exercise_id"], r["n"]) for r in rows]

    def exercises_with_sets(self) -> list[str]:
        """Exercise ids that have sets: one index seek per exercise, not a scan of every set
        (History's Progress list asks again whenever the data changes)."""
        rows = self.store.query(
            "SELECT id AS exercise_id FROM exercises e WHERE EXISTS "
            "(SELECT 1 FROM sets t WHERE t.exercise_id = e.id) ORDER BY id"
        )
        return [r["exercise_id"] for r in rows]

    def progress(
        self, exercise_id: str, since: datetime | None = None, *, body_weight: bool = False
    ) -> list[ProgressPoint]:
        """Per session: best e1RM, top set weight and volume of an exercise, oldest first.
        With `body_weight`, each set's load is its weight plus the body weight of its day."""
        rows = self.store.query(
            f"""
            WITH {_working(body_weight)}
            SELECT min(logged_at) AS day, max({E1RM_SQL}) AS e1rm, max(weight_kg) AS top,
                total({VOLUME}) AS volume, max(coalesce(seconds, reps)) AS reps
            FROM working WHERE logged_at >= ?
            GROUP BY session_id ORDER BY day
            """,
            [exercise_id, to_text(since) if since else ""],
        )
        return [
            ProgressPoint(from_text(r["day"]), r["e1rm"], r["top"], r["volume"], r["reps"])
            for r in rows
        ]

    def records(self, exercise_id: str, *, body_weight: bool = False) -> Records | None:
        """Personal records of an exercise, from working sets only, each with its date (the
        loads with the day's body weight, when `body_weight`)."""
        base = f"WITH {_working(body_weight)}"
        heaviest = self.store.query(
            f"{base} SELECT weight_kg, reps, logged_at FROM working "
            "ORDER BY weight_kg DESC, reps DESC, logged_at LIMIT 1",
            [exercise_id],
        )
        if not heaviest:
            return None
        best = self.store.query(
            f"{base} SELECT weight_kg, reps, logged_at, {E1RM_SQL} AS e1rm FROM working "
            "ORDER BY e1rm DESC, logged_at LIMIT 1",
            [exercise_id],
        )[0]
        reps_at = self.store.query(
            f"""
            {base}
            SELECT weight_kg, reps, min(logged_at) AS logged_at FROM (
                SELECT weight_kg, reps, logged_at,
                    rank() OVER (PARTITION BY weight_kg ORDER BY reps DESC) AS place
                FROM working) WHERE place = 1
            GROUP BY weight_kg ORDER BY weight_kg DESC LIMIT 3
            """,
            [exercise_id],
        )
        hold = self.store.query(
            f"{base} SELECT seconds, logged_at FROM working WHERE seconds IS NOT NULL "
            "ORDER BY seconds DESC, logged_at LIMIT 1",
            [exercise_id],
        )
        volume = self.store.query(
            f"{base} SELECT total({VOLUME}) AS v, min(logged_at) AS logged_at "
            "FROM working GROUP BY session_id ORDER BY v DESC, logged_at LIMIT 1",
            [exercise_id],
        )[0]

        def top(r: sqlite3.Row) -> TopSet:
            return TopSet(r["weight_kg"], r["reps"], from_text(r["logged_at"]))

        return Records(
            heaviest=top(heaviest[0]),
            best_e1rm=top(best),
            reps_at=tuple(top(r) for r in reps_at),
            best_volume_kg=volume["v"],
            best_volume_when=from_text(volume["logged_at"]),
            longest_hold=TopSet(0.0, hold[0]["seconds"], from_text(hold[0]["logged_at"]))
            if hold
            else None,
        )


# The body weight of a set's day: the last weighing on or before it, else the first one ever
# (a lifter who starts weighing in later still gets a load), else none.
_DAY_BODY_WEIGHT = """coalesce(
    (SELECT b.weight_kg FROM body_weights b WHERE b.day <= date(sets.logged_at, 'localtime')
        ORDER BY b.day DESC LIMIT 1),
    (SELECT b.weight_kg FROM body_weights b ORDER BY b.day LIMIT 1),
    0)"""


def _working(body_weight: bool) -> str:
    """A `working` CTE: an exercise's (first parameter) working sets, with their load as
    `weight_kg`: the weight lifted, plus the day's body weight when it counts."""
    load = f"weight_kg + {_DAY_BODY_WEIGHT}" if body_weight else "weight_kg"
    return (
        f"working AS (SELECT session_id, logged_at, {load} AS weight_kg, reps, side, seconds "
        "FROM sets "
        "WHERE exercise_id = ? AND kind != 'warmup')"
    )
