"""Stylesheets kept beside the screens that use them.

The app's own stylesheet (gymtui.tcss) holds only what the first frame needs. Each other
screen, and the dialogs, read theirs as DEFAULT_CSS: Textual parses that when the screen is
first shown, so start-up does not parse rules for screens not yet open. Being default rules,
they lose to any rule in gymtui.tcss, so the two never style the same thing.
"""

from __future__ import annotations

from pathlib import Path


def css_beside(module_file: str, name: str) -> str:
    """The stylesheet `name` in the folder of the module `module_file`."""
    return Path(module_file).with_name(name).read_text(encoding="utf-8")
