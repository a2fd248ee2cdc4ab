"""Write gymtui/data/builtin.json: the built-in catalogue and program (exercises.toml and
program.toml) parsed. A start reads the JSON instead of loading a TOML parser.

Run after editing either TOML file: uv run python scripts/builtin_json.py
(tests/test_program.py fails while the JSON is behind the TOML.)
"""

from __future__ import annotations

import json
from pathlib import Path

from gymtui.core.program import BUILTIN_JSON, builtin_from_toml

OUT = Path(__file__).resolve().parent.parent / "gymtui" / "data" / BUILTIN_JSON


def render() -> str:
    """The file's text, keys in the TOML's order (the catalogue's order), one value a line."""
    return json.dumps(builtin_from_toml(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
