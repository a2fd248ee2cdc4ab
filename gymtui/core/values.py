"""Parsing and formatting of what a lifter types and reads: weights, reps, RPE, units."""

from __future__ import annotations

import math
import re
from datetime import timedelta
from typing import Literal, Protocol

from gymtui.errors import InvalidValue

Unit = Literal["kg", "lb"]
KG_PER_LB = 0.45359237
MAX_WEIGHT_KG = 500.0
MAX_REPS = 100

# ASCII digits only: \d also takes Arabic-Indic and full-width digits, which float() reads
_NUMBER = re.compile(r"^\s*([0-9]{1,5})(?:[.,]([0-9]{1,3}))?\s*$")


def parse_number(text: str) -> float | None:
    match = _NUMBER.match(text)
    if match is None:
        return None
    whole, frac = match.groups()
    return float(f"{whole}.{frac}" if frac else whole)


def to_kg(value: float, unit: Unit) -> float:
    """Convert a weight in the user's unit to kilograms."""
    return value if unit == "kg" else value * KG_PER_LB


def from_kg(kg: float, unit: Unit) -> float:
    """Convert kilograms to the user's unit, rounded to what a plate can show."""
    value = kg if unit == "kg" else kg / KG_PER_LB
    return round(value, 2 if unit == "kg" else 1)


def loadable(kg: float, unit: Unit) -> float:
    """A suggested weight a bar can carry. One already written to a quarter of the unit
    (225 lb, 101.25 kg) stays; another (225.97 lb from 102.5 kg, 102.06 kg from 225 lb)
    becomes the nearest multiple of 0.5 or 1.25 kg, or of 5 lb."""
    value = kg if unit == "kg" else kg / KG_PER_LB
    if abs(value * 4 - round(value * 4)) < 1e-6:
        return kg
    if unit == "lb":
        return round(value / 5) * 5 * KG_PER_LB
    return min((round(value / 0.5) * 0.5, round(value / 1.25) * 1.25), key=lambda c: abs(c - value))


def loadable_down(kg: float, unit: Unit) -> float:
    """The heaviest weight at or under `kg` that a bar can carry: a multiple of 0.5 or
    1.25 kg, or of 5 lb (a ceiling rounds down, never up)."""
    if unit == "lb":
        return math.floor(kg / KG_PER_LB / 5 + 1e-9) * 5 * KG_PER_LB
    return max(math.floor(kg / 0.5 + 1e-9) * 0.5, math.floor(kg / 1.25 + 1e-9) * 1.25)


def format_e1rm(kg: float, unit: Unit) -> str:
    """An estimated 1RM to the nearest half unit: an estimate has no finer precision."""
    return f"{format_number(round(from_kg(kg, unit) * 2) / 2)} {unit}"


def parse_weight(text: str, unit: Unit) -> float:
    """Parse a weight typed in `unit` (`102,5` or `102.5`) and return kilograms."""
    value = parse_number(text)
    if value is None:
        if text.strip().startswith("-"):
            raise InvalidValue("Weight cannot be negative.")
        raise InvalidValue(f"Weight must be a number of {unit}, like 102.5 (got {text.strip()!r}).")
    kg = to_kg(value, unit)
    if kg > MAX_WEIGHT_KG + 1e-9:
        limit = f"{MAX_WEIGHT_KG:g} kg" if unit == "kg" else f"{from_kg(MAX_WEIGHT_KG, 'lb'):g} lb"
        raise InvalidValue(f"Weight must be at most {limit}.")
    return kg


BODY_WEIGHT_KG = (20.0, 400.0)


def parse_body_weight(text: str, unit: Unit) -> float:
    """Parse a body weight typed in `unit`: a weight from 20 to 400 kg (44 to 882 lb)."""
    value = parse_number(text)
    low, high = BODY_WEIGHT_KG
    span = f"{from_kg(low, unit):.0f} to {from_kg(high, unit):.0f} {unit}"
    if value is None or not low - 1e-9 <= to_kg(value, unit) <= high + 1e-9:
        raise InvalidValue(f"Body weight must be a number from {span} (got {text.strip()!r}).")
    return to_kg(value, unit)


def parse_whole(text: str, most_digits: int = 9) -> int | None:
    """A whole number written in ASCII digits (no sign), or None. `str.isdigit` alone also
    passes `²` and other digits `int()` refuses, and `int()` refuses 4,300 digits or more."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > most_digits:
        return None
    return int(text)


def parse_reps(text: str) -> int:
    """Parse reps: a whole number from 1 to 100."""
    stripped = text.strip()
    reps = parse_whole(stripped)
    if reps is None:
        got = stripped if len(stripped) <= 12 else stripped[:12] + "…"
        raise InvalidValue(f"Reps must be a whole number from 1 to {MAX_REPS} (got {got!r}).")
    if not 1 <= reps <= MAX_REPS:
        raise InvalidValue(f"Reps must be a whole number from 1 to {MAX_REPS} (got {reps}).")
    return reps


def parse_rpe(text: str) -> float | None:
    """Parse an optional RPE from 1 to 10 in half steps; empty means not given."""
    if not text.strip():
        return None
    value = parse_number(text)
    if value is None or not 1 <= value <= 10 or not math.isclose(value * 2, round(value * 2)):
        raise InvalidValue(f"RPE must be from 1 to 10, like 8 or 8.5 (got {text.strip()!r}).")
    return value


def format_number(value: float) -> str:
    """`100.0` -> `100`, `102.50` -> `102.5`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def format_weight(kg: float, unit: Unit, *, with_unit: bool = True) -> str:
    """A weight in the user's unit, as a lifter writes it: `102.5 kg`, `225 lb`."""
    number = format_number(from_kg(kg, unit))
    return f"{number} {unit}" if with_unit else number


def format_set(
    kg: float, reps: int, unit: Unit, *, with_unit: bool = True, seconds: int | None = None
) -> str:
    """`102.5 kg x 6`, or `BW x 12` for a body-weight set (`102.5 x 6` under a column
    whose header names the unit); a hold (`seconds`) is `45 s`, or `20 kg x 45 s` loaded."""
    if seconds is not None:
        held = f"{seconds} s"
        return f"{format_weight(kg, unit, with_unit=with_unit)} × {held}" if kg > 0 else held
    weight = format_weight(kg, unit, with_unit=with_unit) if kg > 0 else "BW"
    return f"{weight} × {reps}"


class _Done(Protocol):
    @property
    def weight_kg(self) -> float: ...
    @property
    def reps(self) -> int: ...
    @property
    def seconds(self) -> int | None: ...


def format_done(done: _Done, unit: Unit, *, with_unit: bool = True) -> str:
    """A set as logged (or typed): `100 kg x 6`, `45 s` for a hold."""
    return format_set(done.weight_kg, done.reps, unit, with_unit=with_unit, seconds=done.seconds)


def format_duration(seconds: float) -> str:
    """`2:41` for a rest, `1:05:09` past an hour; never negative."""
    total = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def session_clock(took: timedelta | None) -> str:
    """`0:52`, `1:05`: a session's length in hours and minutes; `—` when it is not known."""
    if took is None:
        return "—"
    minutes = max(0, int(took.total_seconds() // 60))
    return f"{minutes // 60}:{minutes % 60:02d}"


_DURATION = re.compile(r"^\s*(?:(\d{1,2}):([0-5]\d)|(\d{1,4})\s*s?)\s*$")
MIN_REST_S = 10
MAX_REST_S = 1800


def parse_rest(text: str) -> int | None:
    """A rest length as `2:30`, `150` or `150s`, from 10 s to 30 min; empty means default."""
    if not text.strip():
        return None
    match = _DURATION.match(text)
    if match is None:
        if text.strip().isdigit():  # a number, but a long one: say what is wrong with it
            raise InvalidValue(f"Rest must be from 0:10 to 30:00 (got {text.strip()} s).")
        raise InvalidValue(f"Rest must look like 2:30 or 150 (got {text.strip()!r}).")
    minutes, seconds, plain = match.groups()
    total = int(plain) if plain is not None else int(minutes) * 60 + int(seconds)
    if not MIN_REST_S <= total <= MAX_REST_S:
        raise InvalidValue(f"Rest must be from 0:10 to 30:00 (got {format_duration(total)}).")
    return total


MAX_HOLD_S = 3600


def parse_hold(text: str) -> int:
    """A hold's length as `45`, `45s` or `1:30`: whole seconds from 1 to an hour."""
    match = _DURATION.match(text)
    if match is None:
        got = text.strip() if len(text.strip()) <= 12 else text.strip()[:12] + "…"
        raise InvalidValue(f"Seconds must look like 45 or 1:30 (got {got!r}).")
    minutes, seconds, plain = match.groups()
    total = int(plain) if plain is not None else int(minutes) * 60 + int(seconds)
    if not 1 <= total <= MAX_HOLD_S:
        raise InvalidValue(f"Seconds must be from 1 to {MAX_HOLD_S} (got {total}).")
    return total


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`1 set`, `2 sets`: a number with its noun in the right number."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
