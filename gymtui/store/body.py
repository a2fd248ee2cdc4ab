"""The day's body weight: one value a day, `store.body_weights`."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from gymtui.store.base import to_text

if TYPE_CHECKING:
    from gymtui.store.store import Store


class BodyWeights:
    """The body_weights table: a weighing a day, the last one of the day kept."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, day: date, weight_kg: float, now: datetime) -> None:
        """Store the day's body weight (a second one the same day replaces the first)."""
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO body_weights (day, weight_kg, logged_at) VALUES (?, ?, ?) "
                "ON CONFLICT(day) DO UPDATE SET weight_kg = excluded.weight_kg, "
                "logged_at = excluded.logged_at",
                [day.isoformat(), weight_kg, to_text(now)],
            )

    def since(self, day: date | None = None) -> list[tuple[date, float]]:
        """Every weighed day since `day` (all when None), oldest first."""
        rows = self.store.query(
            "SELECT day, weight_kg FROM body_weights WHERE day >= ? ORDER BY day",
            [day.isoformat() if day else ""],
        )
        return [(date.fromisoformat(r["day"]), float(r["weight_kg"])) for r in rows]

    def latest(self) -> tuple[date, float] | None:
        """The last weighed day and its weight."""
        rows = self.store.query("SELECT day, weight_kg FROM body_weights ORDER BY day DESC LIMIT 1")
        return (date.fromisoformat(rows[0]["day"]), float(rows[0]["weight_kg"])) if rows else None
