"""The RPE chart: what share of a one-rep max a set of N reps at an RPE is, and which of a
session's sets speaks for its effort.

Pure: no history, no rules. The progression rules (core/effort.py, core/fatigue.py) read it.
"""

from collections.abc import Sequence

from gymtui.core.models import LoggedSet

# Mike Tuchscherer's RPE chart (Reactive Training Systems, "The Reactive Training Manual",
# 2008; the table RTS publishes and most RPE calculators reproduce): % of 1RM for 1-12 reps
# at RPE 10 down to 6.5. The chart is one sequence read diagonally: a rep more costs as much
# as one RPE (two half steps), so a cell is _SEQUENCE[2 x (reps - 1) + 2 x (10 - RPE)].
# Row RPE 8, say: 92.2 89.2 86.3 83.7 81.1 78.6 76.2 73.9 70.7 68.0 65.3 62.6.
_SEQUENCE = (
    100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0,
    83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3,
    70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6,
)  # fmt: skip
CHART_REPS = 12  # the chart's most reps: past them a set says little about a one-rep max
CHART_RPE = (6.5, 10.0)  # its lowest and highest RPE
EASY_RPE = 7.0  # at or under it, a set had three reps or more left: the weight can climb more
HARD_RPE = 9.5  # at or over it, no rep (or half of one) was left: no step on top of it
STEER_RPE = 8.0  # what an easy session's extra is aimed at: a set with two reps left


def percent(reps: int, rpe: float) -> float:
    """The chart's share of 1RM (0.811 for 5 reps at RPE 8); an RPE under the chart's 6.5
    reads as 6.5 (the heaviest share: the one-rep max it implies is the lowest)."""
    if not 1 <= reps <= CHART_REPS:
        raise ValueError(f"the RPE chart covers 1 to {CHART_REPS} reps, not {reps}")
    low, high = CHART_RPE
    at = min(high, max(low, rpe))
    return _SEQUENCE[2 * (reps - 1) + round(2 * (high - at))] / 100


def on_chart(reps: int) -> bool:
    """Whether the chart has a column for this many reps."""
    return 1 <= reps <= CHART_REPS


def one_rm_at(weight_kg: float, reps: int, rpe: float) -> float:
    """The one-rep max a set implies by the chart: 120 kg x 5 at RPE 8 is 148 kg."""
    return weight_kg / percent(reps, rpe)


def weight_at(one_rm_kg: float, reps: int, rpe: float) -> float:
    """The weight for `reps` at `rpe` by the chart: 5 reps at RPE 8 of 148 kg is 120 kg."""
    return one_rm_kg * percent(reps, rpe)


def hardest(sets: Sequence[LoggedSet]) -> LoggedSet | None:
    """The working set that speaks for a session's effort: of those at its top weight that
    carry an RPE, the one rated hardest (the latest of equals). None when none carries one."""
    working = [s for s in sets if s.is_working and s.seconds is None]
    if not working:
        return None
    top = max(s.weight_kg for s in working)
    rated = [s for s in working if s.rpe is not None and s.weight_kg >= top - 1e-9]
    if not rated:
        return None
    return max(rated, key=lambda s: (s.rpe or 0.0, s.logged_at, s.id))
