"""Supersets on screen: Today's bracket beside the names, and "Superset" for today."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from gymtui.core.supersets import superset_marks
from gymtui.core.training import PlanRow
from gymtui.ui.host import GymHost
from gymtui.ui.text import clip, plain, shown
from gymtui.ui.writes import write

BRACKET_STYLE = "bold cyan"
SUPERSET_TIP = "Superset: pair the highlighted exercise with the next, for today (again: end it)"


def with_brackets(cells: list[list[Text]], rows: Sequence[PlanRow], width: int) -> None:
    """Put a superset's bracket and markers in the name column of Today's cells."""
    for index, mark in enumerate(superset_marks(rows)):
        if mark[0]:
            cells[index][0] = superset_name(mark, rows[index].exercise.name, width)


def superset_name(mark: tuple[str, str], name: str, width: int) -> Text:
    """A Today row's name cell in a superset: `┌A1 Leg curl` on a member's first row, the
    bracket alone (`│`, `└`) under it; `width` is the column's, bracket included."""
    piece, marker = mark
    cell = Text()
    cell.append(piece, style=BRACKET_STYLE)
    if marker:
        cell.append(marker, style=BRACKET_STYLE)
        cell.append(" ")
        cell.append_text(plain(clip(name, width - len(piece) - len(marker) - 1), style="bold"))
    return cell


def superset_today(host: GymHost, row: PlanRow | None) -> None:
    """Pair the highlighted row's exercise with the next one for today, or end its superset,
    and say which."""
    if row is None:
        host.notify("Highlight an exercise of today's plan first.", severity="warning")
        return
    exercise_id = row.exercise.id
    try:
        done = write(host, lambda: host.gym.supersets.toggle(exercise_id))
    except ValueError as why:  # nothing to pair it with: nothing was written
        host.notify(str(why), severity="warning")
        return
    if done.saved:
        host.notify(shown(done.value), markup=False)
