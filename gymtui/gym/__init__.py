"""Gym: the one service where a user's intent becomes store calls (no Textual here)."""

from gymtui.gym.history import MUSCLE_WEEKS, PAGE, RANGES
from gymtui.gym.service import Gym, Logged

__all__ = ["MUSCLE_WEEKS", "PAGE", "RANGES", "Gym", "Logged"]
