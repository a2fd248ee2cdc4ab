"""Fatigue, not the calendar, triggers a deload: an exercise whose e1RM keeps falling, or whose
RPE keeps rising at one load, over its last three sessions.

What counts (README, progression): the three newest sessions, each of the plan's kind of work
(`matches`: progression.matches_scheme), none of them a hold.
- e1RM falls: each session's best e1RM strictly lower than the one before it, at a top weight
  no lighter than the one before (a lighter day by choice, a deload, is no fall; a rep fewer
  at the same load is).
- RPE rises: the same top weight all three times, and the RPE of the hardest-rated set at it
  (rpe.hardest) strictly higher each time.
"""

from collections.abc import Callable, Sequence
from typing import NamedTuple

from gymtui.core.models import LoggedSet
from gymtui.core.rpe import hardest
from gymtui.core.strength import e1rm
from gymtui.core.values import Unit, format_e1rm, format_weight

SESSIONS = 3  # the sessions a trend is read over


class Fatigue(NamedTuple):
    """Why an exercise deloads, and the top weight the deload is taken from."""

    why: str  # "e1RM 140 → 137 → 133 kg over 3 sessions", "RPE 7.5 → 8.5 → 9.5 at 120 kg"
    top_kg: float


def fatigued(
    recent: Sequence[Sequence[LoggedSet]],
    matches: Callable[[Sequence[LoggedSet]], bool],
    unit: Unit,
) -> Fatigue | None:
    """The trend in the newest sessions (newest first) that calls for a deload, if any."""
    if len(recent) < SESSIONS:
        return None
    sessions = [[s for s in sets if s.is_working] for sets in recent[:SESSIONS]]
    if any(not w or any(s.is_hold for s in w) or not matches(w) for w in sessions):
        return None
    tops = [max(s.weight_kg for s in w) for w in sessions]
    if min(tops) <= 0:
        return None
    oldest_first = list(reversed(range(SESSIONS)))
    bests = [max(e1rm(s.weight_kg, s.reps) for s in w) for w in sessions]
    no_lighter = all(tops[n] >= tops[n + 1] - 1e-9 for n in range(SESSIONS - 1))
    if no_lighter and all(bests[n] < bests[n + 1] - 1e-9 for n in range(SESSIONS - 1)):
        trail = " → ".join(_number(bests[n], unit) for n in oldest_first)
        return Fatigue(f"e1RM {trail} {unit} over {SESSIONS} sessions", tops[0])
    rated = [hardest(w) for w in sessions]
    rpes = [r.rpe for r in rated if r is not None and r.rpe is not None]
    same = all(abs(top - tops[0]) < 1e-9 for top in tops)
    if same and len(rpes) == SESSIONS and all(rpes[n] > rpes[n + 1] for n in range(SESSIONS - 1)):
        trail = " → ".join(f"{rpes[n]:g}" for n in oldest_first)
        return Fatigue(f"RPE {trail} at {format_weight(tops[0], unit)}", tops[0])
    return None


def _number(kg: float, unit: Unit) -> str:
    """An e1RM without its unit (the trail names it once), as format_e1rm rounds it."""
    return format_e1rm(kg, unit).removesuffix(f" {unit}")
