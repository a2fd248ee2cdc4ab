"""Exercise names from other apps: the alias table (tidying and comparing names is core's)."""

from __future__ import annotations

import tomllib
from importlib import resources

from gymtui.core.exercises import normalise_name, same_name, tidy_name

__all__ = ["aliases", "normalise_name", "same_name", "tidy_name"]


def aliases() -> dict[str, str]:
    """Other apps' exercise names mapped onto the catalogue."""
    text = resources.files("gymtui.data").joinpath("aliases.toml").read_text(encoding="utf-8")
    return {same_name(k): v for k, v in tomllib.loads(text)["aliases"].items()}
