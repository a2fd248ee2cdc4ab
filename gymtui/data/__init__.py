"""gymtui's own data files: the built-in catalogue and program, import aliases and headers."""

from __future__ import annotations

from pathlib import Path


def read_data(name: str) -> str:
    """One of these files' text. A path beside this module, not importlib.resources: the
    app reads the program at every start, and importlib.resources' readers add to it
    (benchmarks/startup.py; gymtui is installed as files, never run from a zip)."""
    return Path(__file__).with_name(name).read_text(encoding="utf-8")
