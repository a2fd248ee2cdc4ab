"""The effort scale: after a working set, a digit rates it on the user's scale, RPE
(6 7 8 9, and 0 for 10) or reps in reserve (4 3 2 1 0), kept as RPE either way."""

from typing import Literal

EffortScale = Literal["rpe", "rir"]
EFFORT_SCALES: tuple[EffortScale, ...] = ("rpe", "rir")
# The digit pressed -> the RPE stored (RIR n is RPE 10 - n).
EFFORT_KEYS: dict[EffortScale, dict[str, float]] = {
    "rpe": {"6": 6.0, "7": 7.0, "8": 8.0, "9": 9.0, "0": 10.0},
    "rir": {"4": 6.0, "3": 7.0, "2": 8.0, "1": 9.0, "0": 10.0},
}
EFFORT_HINT: dict[EffortScale, str] = {
    "rpe": "rate a set with 6 7 8 9, or 0 for RPE 10",
    "rir": "rate a set with 4 3 2 1 0 reps in reserve",
}
KEY_HINT: dict[EffortScale, str] = {"rpe": "6-9 0", "rir": "4-0"}


def rpe_for_key(key: str, scale: EffortScale) -> float | None:
    """The RPE a digit stands for on the scale; None for a digit the scale has no use for."""
    return EFFORT_KEYS[scale].get(key)


def effort_text(rpe: float, scale: EffortScale) -> str:
    """The effort as the lifter rates it: `RPE 8`, or `2 in reserve (RPE 8)`."""
    shown = f"RPE {rpe:g}"
    if scale == "rpe":
        return shown
    return f"{10 - rpe:g} in reserve ({shown})"


def effort_cell(rpe: float, scale: EffortScale) -> str:
    """The effort in a table cell: `@8`, or `2 RIR`."""
    return f"@{rpe:g}" if scale == "rpe" else f"{10 - rpe:g} RIR"
