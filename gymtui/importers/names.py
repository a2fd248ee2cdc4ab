"""Exercise names from other apps: the alias table (tidying and comparing names is core's)."""

from __future__ import annotations

import tomllib

from gymtui.core.exercises import normalise_name, same_name, tidy_name
from gymtui.data import read_data

__all__ = ["aliases", "normalise_name", "same_name", "tidy_name"]


def aliases() -> dict[str, str]:
    """Other apps' exercise names mapped onto the catalogue."""
    aliases = tomllib.loads(read_data("aliases.toml"))["aliases"]
    return {same_name(k): v for k, v in aliases.items()}
