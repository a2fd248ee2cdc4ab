"""Today's Logged cell: a set as done (a hold in seconds), a left and right pair as one set."""

from __future__ import annotations

from rich.text import Text

from gymtui.core.models import LoggedSet
from gymtui.core.pain import PAIN_MARK, pain_facts, read_pain
from gymtui.core.pairs import pair_text
from gymtui.core.training import TodayView
from gymtui.core.values import Unit, format_set
from gymtui.ui.text import clip, plain


def logged_text(
    logged: LoggedSet, unit: Unit, partner: LoggedSet | None, missing: str | None
) -> Text:
    """A logged set's cell: `✓ 100 x 6 @8`, `✓ 45 s` for a hold, a pair as one, half a pair
    with the leg still to do; a pain mark after it (`⚡knee!`: sharp)."""
    mark = {"warmup": "W", "drop": "D", "failure": "F"}.get(logged.kind, "✓")
    # a pair's effort is its first leg's (a digit rates both legs); its pain, either leg's
    pain = read_pain(partner.pain) if partner is not None else None
    pain = pain or read_pain(logged.pain)
    rpe = (f" @{logged.rpe:g}" if logged.rpe else "") + (f" {pain.short}" if pain else "")
    style = "dim" if logged.kind == "warmup" else "green"
    done = format_set(logged.weight_kg, logged.reps, unit, with_unit=False, seconds=logged.seconds)
    if missing is not None:  # half a one-legged pair
        return Text(f"{logged.side} {done}{rpe} · {missing} next", style="yellow")
    if partner is not None:
        return Text(f"{mark} {pair_text(logged, partner, unit)}{rpe}", style=style)
    side = f" {logged.side}" if logged.side else ""
    return Text(f"{mark} {done}{side}{rpe}", style=style)


def name_cell(name: str, width: int, hurt_twice: bool) -> Text:
    """An exercise's name, with `⚡` after it when it hurt two sessions running."""
    if not hurt_twice:
        return plain(clip(name, width), style="bold")
    cell = plain(clip(name, width - 2), style="bold")
    cell.append(f" {PAIN_MARK}", style="bold red")
    return cell


def hurt_twice(view: TodayView, exercise_id: str) -> bool:
    """The exercise had a pain mark in each of its last two sessions."""
    return pain_facts(view.recent.get(exercise_id, [])).twice
