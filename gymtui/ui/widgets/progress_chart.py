"""The Progress tab's chart: an exercise's e1RM and top set (or most reps), or body weight,
over time, on dated ticks (the chart library loads with History, not at start-up)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from gymtui.core.values import Unit, from_kg

if TYPE_CHECKING:
    from textual_plotext import PlotextPlot

    from gymtui.core.metrics import ProgressPoint


def plot_progress(
    chart: PlotextPlot,
    points: Sequence[ProgressPoint],
    unit: Unit,
    body_weight: bool,
    *,
    hold: bool = False,
) -> None:
    """An exercise's sessions: e1RM and top set, or most reps for one done at body weight
    (the longest hold, in seconds, for a hold)."""
    plt = chart.plt
    if not points:
        plt.title("No working sets in this range")
        return
    first = points[0].when.date()
    days = [(p.when.date() - first).days for p in points]
    if body_weight:
        label = "longest hold" if hold else "most reps"
        plt.plot(days, [p.most_reps for p in points], label=label, marker="braille")
    else:
        for label, values in (
            ("e1RM", [from_kg(p.best_e1rm, unit) for p in points]),
            ("top set", [from_kg(p.top_weight, unit) for p in points]),
        ):
            plt.plot(days, values, label=label, marker="braille")
    date_axis(chart, first, days)


def plot_body_weight(chart: PlotextPlot, weights: list[tuple[date, float]], unit: Unit) -> None:
    """Body weight over the range, as a line."""
    plt = chart.plt
    if not weights:
        plt.title("No weighings in this range")
        return
    first = weights[0][0]
    days = [(day - first).days for day, _ in weights]
    plt.plot(days, [from_kg(kg, unit) for _, kg in weights], marker="braille")
    date_axis(chart, first, days)


def date_axis(chart: PlotextPlot, first: date, days: list[int]) -> None:
    """Dated ticks even in time, as many as fit (crowded labels overlap)."""
    plt = chart.plt
    n = max(2, min(5, (chart.size.width - 8) // 12)) if chart.size.width else 4
    ticks = sorted({float(round(i * days[-1] / (n - 1))) for i in range(n)})
    # month names, not 18/11 or 11/18: no reader takes a day for a month
    form = "%d %b" if days[-1] < 300 else "%b %Y"
    plt.xticks(ticks, [(first + timedelta(days=d)).strftime(form) for d in ticks])
    if days[-1] - days[0] < 2:  # one or two days: a sane axis around them
        plt.xlim(days[0] - 3, days[-1] + 3)
