"""Layer rule: everything below the UI loads without Textual (import-linter checks the rest)."""

import subprocess
import sys

CORE = [
    "gymtui.cli",
    "gymtui.demo",
    "gymtui.core.metrics",
    "gymtui.importers",
    "gymtui.core.models",
    "gymtui.paths",
    "gymtui.core.program",
    "gymtui.core.rest",
    "gymtui.store",
    "gymtui.gym",
    "gymtui.core.settings",
    "gymtui.core.training",
    "gymtui.core.values",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + ("print('textual' in sys.modules)")
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_start_does_not_load_tomlkit() -> None:
    # tomlkit (33 ms to import) is for writing the program file: loaded on the first change
    code = "import sys\nimport gymtui.gym\nimport gymtui.ui.app\nprint('tomlkit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
