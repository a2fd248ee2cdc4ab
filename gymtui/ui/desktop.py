"""The desktop notification when a rest ends (one of its three alerts, each switchable)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess


def desktop_notify(title: str, body: str) -> None:
    """Send a desktop notification when the system has `notify-send`; skip silently if not."""
    command = shutil.which("notify-send")
    if command is None:
        return
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [command, "--app-name=gymtui", title, body],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
