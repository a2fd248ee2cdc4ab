"""Today's Logged cell: a set as done (a hold in seconds), a left and right pair as one set."""

from __future__ import annotations

from rich.text import Text

from gymtui.core.models import LoggedSet
from gymtui.core.pairs import pair_text
from gymtui.core.values import Unit, format_set


def logged_text(
    logged: LoggedSet, unit: Unit, partner: LoggedSet | None, missing: str | None
) -> Text:
    """A logged set's cell: `✓ 100 x 6`, `✓ 45 s` for a hold, a pair as one, half a pair
    with the leg still to do."""
    mark = {"warmup": "W", "drop": "D", "failure": "F"}.get(logged.kind, "✓")
    rpe = f" @{logged.rpe:g}" if logged.rpe else ""
    style = "dim" if logged.kind == "warmup" else "green"
    done = format_set(logged.weight_kg, logged.reps, unit, with_unit=False, seconds=logged.seconds)
    if missing is not None:  # half a one-legged pair
        return Text(f"{logged.side} {done}{rpe} · {missing} next", style="yellow")
    if partner is not None:
        return Text(f"{mark} {pair_text(logged, partner, unit)}{rpe}", style=style)
    side = f" {logged.side}" if logged.side else ""
    return Text(f"{mark} {done}{side}{rpe}", style=style)
