"""The user's settings as one frozen, typed value, and how they are kept as text."""

from collections.abc import Mapping
from typing import Any, NamedTuple

from gymtui.core.effort_scale import EFFORT_SCALES, EffortScale
from gymtui.core.plates import Inventory, default_inventory, parse_dumbbells, parse_plates
from gymtui.core.values import Unit, format_number, parse_whole
from gymtui.errors import InvalidValue

DEFAULT_MUSCLE_TARGET = (10, 20)  # working sets per muscle per week
ALERT_CHANNELS = {"bell": "Bell", "toast": "Toast", "desktop": "Desktop notification"}


class _Values(NamedTuple):
    """The values of the settings, each with its default."""

    unit: Unit = "kg"
    rest_autostart: bool = True
    alert_bell: bool = True
    alert_toast: bool = True
    alert_desktop: bool = True
    rest_warmup_s: int | None = None
    rest_default_s: int | None = None
    rest_between_legs_s: int | None = None  # after one leg of a pair; None: no rest
    superset_rest_s: int | None = None  # between a superset's members; None: the program's, 20 s
    muscle_target: tuple[int, int] = DEFAULT_MUSCLE_TARGET
    warmup_ramp: bool = True  # the program's warm-up ramp on Today
    theme: str | None = None
    # The bar and plates, one set per unit: a kg gym and a lb gym are different kit.
    bar_kg: float | None = None
    bar_lb: float | None = None
    plates_kg: str | None = None  # "25 20 15 10 5 2.5 1.25"; "20x2" for two pairs only
    plates_lb: str | None = None
    collar_kg: float | None = None  # each collar; None or 0: no collars
    collar_lb: float | None = None
    # Dumbbells a hand ("2-30 step 2, 32.5 35 40") and a machine's usual stack step, per unit.
    dumbbells_kg: str | None = None
    dumbbells_lb: str | None = None
    stack_step_kg: float | None = None
    stack_step_lb: float | None = None
    effort_scale: EffortScale = "rpe"  # the digits after a set: RPE 6-10, or reps in reserve
    readiness_check: bool = False  # sleep and soreness asked at a session's first set


class Settings(_Values):
    """Everything the user can set; read once, replaced whole on every change."""

    # Not a setting: the stored ones that could not be read, as (name, text), so that the app
    # can say which fell back to their defaults. An attribute, not a field: never compared,
    # copied by `changed` or stored.
    unreadable: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_stored(cls, raw: Mapping[str, str]) -> "Settings":
        """Read the settings table's text; a missing or unreadable value is the default (an
        unreadable one is named in `unreadable`)."""
        values: dict[str, Any] = {}
        unreadable: list[tuple[str, str]] = []
        for name in cls._fields:
            text = raw.get(name)
            if text is None:
                continue
            try:
                value = _parse(name, str(text))
            except (ValueError, TypeError, OverflowError):  # nothing stored may stop a start
                value = None
            if value is not None:
                values[name] = value
            elif text != "":
                unreadable.append((name, str(text)))
        settings = cls(**values)
        if unreadable:
            settings.unreadable = tuple(unreadable)
        return settings

    def to_stored(self) -> dict[str, str | None]:
        """The settings as the table keeps them (None: not stored, so the default)."""
        return {name: _show(getattr(self, name)) for name in self._fields}

    def inventory(self, unit: Unit | None = None) -> Inventory:
        """The bar and plates for a unit (the user's unit when none is given)."""
        unit = unit or self.unit
        kit = default_inventory(unit)
        bar, plates, collar = (
            (self.bar_kg, self.plates_kg, self.collar_kg)
            if unit == "kg"
            else (self.bar_lb, self.plates_lb, self.collar_lb)
        )
        dumbbells, stack = (
            (self.dumbbells_kg, self.stack_step_kg)
            if unit == "kg"
            else (self.dumbbells_lb, self.stack_step_lb)
        )
        return Inventory(
            unit,
            kit.bar if bar is None else bar,
            parse_plates(plates, unit) if plates else kit.plates,
            collar or 0.0,
            parse_dumbbells(dumbbells, unit) if dumbbells else kit.dumbbells,
            kit.stack_step if stack is None else stack,
        )

    def changed(self, **changes: Any) -> "Settings":
        """A copy with some values changed."""
        return self._replace(**changes)


def _parse(name: str, text: str) -> object:
    if name == "effort_scale":
        return text if text in EFFORT_SCALES else None
    if name == "unit":
        return text if text in ("kg", "lb") else None
    if name in (
        "rest_autostart",
        "alert_bell",
        "alert_toast",
        "alert_desktop",
        "warmup_ramp",
        "readiness_check",
    ):
        return text == "on" if text in ("on", "off") else None
    if name in ("rest_warmup_s", "rest_default_s", "rest_between_legs_s", "superset_rest_s"):
        seconds = parse_whole(text, most_digits=6)
        return seconds if seconds else None
    if name in ("bar_kg", "bar_lb", "collar_kg", "collar_lb"):
        try:
            number = float(text)
        except ValueError:
            return None
        return number if 0 <= number <= 100 else None
    if name in ("stack_step_kg", "stack_step_lb"):
        try:
            number = float(text)
        except ValueError:
            return None
        return number if 0 < number <= 50 else None
    if name in ("dumbbells_kg", "dumbbells_lb"):
        try:
            parse_dumbbells(text, "kg" if name == "dumbbells_kg" else "lb")
        except InvalidValue:
            return None
        return text
    if name in ("plates_kg", "plates_lb"):
        try:
            parse_plates(text, "kg" if name == "plates_kg" else "lb")
        except InvalidValue:
            return None
        return text
    if name == "muscle_target":
        low_text, _, high_text = text.partition("-")
        low, high = parse_whole(low_text, 4), parse_whole(high_text, 4)
        if low is not None and high is not None and low <= high:
            return (low, high)
        return None
    return text or None


def _show(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, tuple):
        return "-".join(str(v) for v in value)
    return str(value)
