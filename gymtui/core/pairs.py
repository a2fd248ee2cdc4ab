"""A left and a right set as one planned set, in the few characters a table cell has."""

from gymtui.core.models import LoggedSet
from gymtui.core.values import Unit, format_weight


def pair_text(one: LoggedSet, other: LoggedSet, unit: Unit) -> str:
    """A left and a right set as one planned set, short: the same weight once with both
    legs' reps (L+R when they match, L/R when not), else each leg's weight and reps."""
    left, right = (one, other) if one.side == "L" else (other, one)

    def weight(s: LoggedSet) -> str:
        return format_weight(s.weight_kg, unit, with_unit=False) if s.weight_kg > 0 else "BW"

    if left.seconds is not None and right.seconds is not None:  # a hold a leg: its seconds
        same = left.seconds == right.seconds
        held = f"{left.seconds} s L+R" if same else f"{left.seconds}/{right.seconds} s L/R"
        loaded = max(left.weight_kg, right.weight_kg) > 0
        return f"{weight(left)} × {held}" if loaded else held
    if abs(left.weight_kg - right.weight_kg) < 1e-9:
        if left.reps == right.reps:
            return f"{weight(left)} × {left.reps} L+R"
        return f"{weight(left)} × {left.reps}/{right.reps} L/R"
    return f"L {weight(left)}×{left.reps} R {weight(right)}×{right.reps}"
