"""Exercise names from other apps: how they are compared, and the alias table."""

from __future__ import annotations

import tomllib
from importlib import resources


def normalise_name(name: str) -> str:
    """Lower case with spaces squeezed: how exercise names are compared."""
    return " ".join(name.lower().split())


def aliases() -> dict[str, str]:
    """Other apps' exercise names mapped onto the catalogue."""
    text = resources.files("gymtui.data").joinpath("aliases.toml").read_text(encoding="utf-8")
    return {normalise_name(k): v for k, v in tomllib.loads(text)["aliases"].items()}
