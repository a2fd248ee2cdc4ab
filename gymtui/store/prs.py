"""Personal-record flags, kept true on every write through two partial indexes."""

from __future__ import annotations

import sqlite3

from gymtui.core.metrics import Bests
from gymtui.core.strength import E1RM_REP_CAP

# The live e1RM expression (Epley, reps capped); the same rule as core.metrics.e1rm.
E1RM_SQL = (
    f"CASE WHEN reps = 1 THEN weight_kg ELSE weight_kg * (1 + min(reps, {E1RM_REP_CAP}) / 30.0) END"
)


def refresh_prs(conn: sqlite3.Connection, exercise_id: str, since: str) -> list[int]:
    """Recompute the PR flags of an exercise's sets logged at or after `since` (ISO text): a
    working set is a PR when it beats the heaviest or the best e1RM of every working set
    before it (the first one ever has nothing to beat). A hold is one when it is longer
    than every hold before it, and is no set of reps to be heavier than.

    The best weight and e1RM before `since` come from the two partial indexes, read from the
    top down: logging a new set costs two index seeks, however long the history is. Returns
    the ids of the sets that became PRs.
    """
    best_weight = conn.execute(
        "SELECT weight_kg FROM sets INDEXED BY sets_best_weight WHERE exercise_id = ? "
        "AND kind != 'warmup' AND logged_at < ? AND seconds IS NULL "
        "ORDER BY weight_kg DESC LIMIT 1",
        [exercise_id, since],
    ).fetchone()
    best_e1rm = conn.execute(
        f"SELECT {E1RM_SQL} FROM sets INDEXED BY sets_best_e1rm WHERE exercise_id = ? "
        f"AND kind != 'warmup' AND logged_at < ? AND seconds IS NULL "
        f"ORDER BY {E1RM_SQL} DESC LIMIT 1",
        [exercise_id, since],
    ).fetchone()
    weight = best_weight[0] if best_weight else -1.0
    estimate = best_e1rm[0] if best_e1rm else -1.0
    held: int | None = None  # the longest hold before, read at the first hold met
    changes: list[tuple[int, int]] = []
    became: list[int] = []
    for set_id, kind, w, e, flag, seconds in conn.execute(
        f"SELECT id, kind, weight_kg, {E1RM_SQL}, pr, seconds FROM sets "
        "WHERE exercise_id = ? AND logged_at >= ? ORDER BY logged_at, id",
        [exercise_id, since],
    ):  # row by row: an import's whole history of an exercise is never held
        if seconds is not None:
            if held is None:
                held = _longest_hold(conn, exercise_id, since)
            is_pr = kind != "warmup" and held >= 0 and seconds > held
            if kind != "warmup":
                held = max(held, seconds)
        else:
            # the first working set ever has nothing to beat: it is no record (nor on Today)
            is_pr = kind != "warmup" and weight >= 0 and (w > weight or e > estimate + 1e-9)
            if kind != "warmup":
                weight, estimate = max(weight, w), max(estimate, e)
        if int(is_pr) != flag:
            changes.append((int(is_pr), set_id))
            if is_pr:
                became.append(set_id)
    if changes:
        conn.executemany("UPDATE sets SET pr = ? WHERE id = ?", changes)
    return became


def _longest_hold(conn: sqlite3.Connection, exercise_id: str, since: str) -> int:
    """The longest working hold of an exercise before `since` (-1: none), in one seek."""
    found = conn.execute(
        "SELECT max(seconds) FROM sets INDEXED BY sets_best_hold WHERE exercise_id = ? "
        "AND seconds IS NOT NULL AND kind != 'warmup' AND logged_at < ?",
        [exercise_id, since],
    ).fetchone()[0]
    return int(found) if found is not None else -1


def refresh_all_prs(conn: sqlite3.Connection) -> None:
    """Recompute every set's PR flag, the same rule as `refresh_prs`, in one pass over the
    table (working sets sorted by exercise and time, then a window; a warm-up is never one):
    a bulk import's way, before its indexes are made again, instead of walking an index per
    exercise."""
    changes = conn.execute(
        f"""
        SELECT flag, id FROM (
            SELECT id, pr, CASE WHEN seconds IS NULL THEN best_weight IS NOT NULL
                AND (weight_kg > best_weight OR e1rm > best_e1rm + 1e-9)
                ELSE best_seconds IS NOT NULL AND seconds > best_seconds END AS flag
            FROM (
                SELECT id, pr, weight_kg, seconds, {E1RM_SQL} AS e1rm,
                    max(weight_kg) OVER earlier AS best_weight,
                    max({E1RM_SQL}) OVER earlier AS best_e1rm,
                    max(seconds) OVER earlier AS best_seconds
                FROM sets WHERE kind != 'warmup'
                WINDOW earlier AS (PARTITION BY exercise_id, seconds IS NULL
                    ORDER BY logged_at, id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            )
        ) WHERE flag != pr
        UNION ALL SELECT 0, id FROM sets WHERE kind = 'warmup' AND pr != 0
        """
    ).fetchall()
    conn.executemany("UPDATE sets SET pr = ? WHERE id = ?", changes)


def bests(
    conn: sqlite3.Connection, exercise_id: str, weight_kg: float, *, hold: bool = False
) -> Bests:
    """An exercise's heaviest working set, best e1RM and most reps at `weight_kg` so far:
    three index seeks, read before a set is written to tell which records it breaks (for a
    `hold`, the longest hold instead: one seek)."""
    if hold:
        longest = _longest_hold(conn, exercise_id, "9999")
        return Bests(None, None, None, longest if longest >= 0 else None)
    weight = conn.execute(
        "SELECT max(weight_kg) FROM sets INDEXED BY sets_best_weight WHERE exercise_id = ? "
        "AND kind != 'warmup' AND seconds IS NULL",
        [exercise_id],
    ).fetchone()[0]
    estimate = conn.execute(
        f"SELECT max({E1RM_SQL}) FROM sets INDEXED BY sets_best_e1rm WHERE exercise_id = ? "
        "AND kind != 'warmup' AND seconds IS NULL",
        [exercise_id],
    ).fetchone()[0]
    reps = conn.execute(
        "SELECT max(reps) FROM sets INDEXED BY sets_best_weight WHERE exercise_id = ? "
        "AND kind != 'warmup' AND seconds IS NULL AND weight_kg BETWEEN ? AND ?",
        [exercise_id, weight_kg - 1e-6, weight_kg + 1e-6],
    ).fetchone()[0]
    return Bests(weight, estimate, reps)
