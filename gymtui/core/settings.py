"""The user's settings as one frozen, typed value, and how they are kept as text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from gymtui.core.values import Unit

DEFAULT_MUSCLE_TARGET = (10, 20)  # working sets per muscle per week
ALERT_CHANNELS = {"bell": "Bell", "toast": "Toast", "desktop": "Desktop notification"}


@dataclass(frozen=True)
class Settings:
    """Everything the user can set; read once, replaced whole on every change."""

    unit: Unit = "kg"
    rest_autostart: bool = True
    alert_bell: bool = True
    alert_toast: bool = True
    alert_desktop: bool = True
    rest_warmup_s: int | None = None
    rest_default_s: int | None = None
    rest_between_legs_s: int | None = None  # after one leg of a pair; None: no rest
    muscle_target: tuple[int, int] = DEFAULT_MUSCLE_TARGET
    theme: str | None = None

    @classmethod
    def from_stored(cls, raw: Mapping[str, str]) -> Settings:
        """Read the settings table's text; a missing or unreadable value is the default."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            text = raw.get(f.name)
            if text is None:
                continue
            value = _parse(f.name, text)
            if value is not None:
                values[f.name] = value
        return cls(**values)

    def to_stored(self) -> dict[str, str | None]:
        """The settings as the table keeps them (None: not stored, so the default)."""
        return {f.name: _show(getattr(self, f.name)) for f in fields(self)}

    def changed(self, **changes: Any) -> Settings:
        """A copy with some values changed."""
        return replace(self, **changes)


def _parse(name: str, text: str) -> object:
    if name == "unit":
        return text if text in ("kg", "lb") else None
    if name in ("rest_autostart", "alert_bell", "alert_toast", "alert_desktop"):
        return text == "on" if text in ("on", "off") else None
    if name in ("rest_warmup_s", "rest_default_s", "rest_between_legs_s"):
        return int(text) if text.isdigit() and int(text) > 0 else None
    if name == "muscle_target":
        low, _, high = text.partition("-")
        if low.isdigit() and high.isdigit() and int(low) <= int(high):
            return (int(low), int(high))
        return None
    return text or None


def _show(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple):
        return "-".join(str(v) for v in value)
    return str(value)
