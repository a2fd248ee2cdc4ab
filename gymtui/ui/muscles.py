"""A muscle's working sets against the weekly target range, as History's Muscles tab and
Today's week line colour them: under the range yellow, in it green, over it red."""

from __future__ import annotations

from rich.text import Text

from gymtui.core.metrics import sets_text, target_state
from gymtui.core.models import MUSCLES

MUSCLE_STYLE = {"under": "yellow", "in": "green", "over": "red"}
# Today's line at 80 columns: the short names a lifter says
SHORT = {"quadriceps": "Quads", "hamstrings": "Hams", "glutes": "Glutes", "calves": "Calves"}


def week_line(sets: dict[str, float], target: tuple[int, int]) -> Text:
    """`Sets this week: Quads 6 · Hams 4.5 · Glutes 8 · Calves 3 of 10-20`, each coloured."""
    low, high = target
    line = Text("Sets this week: ")
    for i, muscle in enumerate(MUSCLES):
        if i:
            line.append(" · ")
        count = sets.get(muscle, 0.0)
        line.append(f"{SHORT[muscle]} ")
        line.append(sets_text(count), style=MUSCLE_STYLE[target_state(count, target)])
    line.append(f" of {low}-{high}")
    return line


def muscle_rows(
    last_7_days: dict[str, float], per_week: list[dict[str, float]], target: tuple[int, int]
) -> list[list[Text]]:
    """History's Muscles tab: a row per muscle, its last 7 days and each week, coloured."""

    def cell(count: float) -> Text:
        return Text(sets_text(count), style=MUSCLE_STYLE[target_state(count, target)])

    return [
        [Text(muscle.capitalize()), cell(last_7_days[muscle]), *(cell(w[muscle]) for w in per_week)]
        for muscle in MUSCLES
    ]
