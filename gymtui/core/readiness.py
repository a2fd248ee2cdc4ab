"""Readiness: the lifter's sleep and soreness (1-5 each) asked at a session's first set, and
what a poor day takes off the day's loads. Pure."""

from typing import NamedTuple

from gymtui.core.blocks import lighter_by
from gymtui.core.models import Exercise
from gymtui.core.plates import Inventory
from gymtui.core.progression import Suggestion
from gymtui.core.values import Unit, format_weight

POOR_SLEEP = 2  # slept this well or worse (1-5): a poor day
POOR_SORENESS = 4  # this sore or more (1-5): a poor day
LOAD_CUT_PCT = 5  # what a poor day takes off each suggested load


class Readiness(NamedTuple):
    """A session's answers: sleep (1 very poor - 5 great) and soreness (1 none - 5 very
    sore); both None when the check was skipped."""

    sleep: int | None
    soreness: int | None

    @property
    def answered(self) -> bool:
        """Both asked and answered (escape skips the check)."""
        return self.sleep is not None and self.soreness is not None

    @property
    def poor(self) -> bool:
        """A poor day: slept 2/5 or worse, or sore 4/5 or more."""
        return (self.sleep is not None and self.sleep <= POOR_SLEEP) or (
            self.soreness is not None and self.soreness >= POOR_SORENESS
        )

    def text(self) -> str:
        """Today's line: `Readiness: slept 2/5 · loads -5 % today`, or a good day's."""
        if not self.answered:
            return "Readiness: not asked today"
        if not self.poor:
            return f"Readiness: slept {self.sleep}/5, sore {self.soreness}/5 · as planned"
        why = []
        if self.sleep is not None and self.sleep <= POOR_SLEEP:
            why.append(f"slept {self.sleep}/5")
        if self.soreness is not None and self.soreness >= POOR_SORENESS:
            why.append(f"sore {self.soreness}/5")
        return f"Readiness: {', '.join(why)} · loads -{LOAD_CUT_PCT} % today"

    def record(self) -> str:
        """History's line: `Readiness: slept 2/5, sore 3/5 (a poor day: loads -5 %)`."""
        day = f"a poor day: loads -{LOAD_CUT_PCT} %" if self.poor else "as planned"
        return f"Readiness: slept {self.sleep}/5, sore {self.soreness}/5 ({day})"


def readiness_weight(
    suggestion: Suggestion,
    readiness: Readiness | None,
    exercise: Exercise,
    unit: Unit,
    inventory: Inventory | None,
) -> Suggestion:
    """A poor day's suggestion: 5 % off the load, rounded down to what the kit loads (never
    above it); a good day, a skipped check or no weight: unchanged."""
    if readiness is None or not readiness.poor or not suggestion.weight_kg:
        return suggestion
    kg = lighter_by(suggestion.weight_kg, LOAD_CUT_PCT, exercise, unit, inventory)
    if kg >= suggestion.weight_kg:
        return suggestion
    reason = f"{suggestion.reason}; a poor day: -{LOAD_CUT_PCT} % to {format_weight(kg, unit)}"
    return suggestion._replace(weight_kg=kg, reason=reason)
