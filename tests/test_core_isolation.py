"""Layer rule: the core and the store never import Textual."""

import subprocess
import sys

CORE = [
    "gymtui.cli",
    "gymtui.demo",
    "gymtui.history",
    "gymtui.importers",
    "gymtui.models",
    "gymtui.paths",
    "gymtui.program",
    "gymtui.rest",
    "gymtui.store",
    "gymtui.today",
    "gymtui.training",
    "gymtui.values",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + ("print('textual' in sys.modules)")
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
