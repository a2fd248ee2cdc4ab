"""ctrl+z: suspend the whole job, as in a shell, so that `fg` brings it back."""

from __future__ import annotations

import os
import signal

from textual.app import App, SuspendNotSupported


def suspend_job(app: App[None]) -> None:
    """Restore the terminal, then stop the whole process group; `fg` continues it inside
    `suspend()`, which puts the app back. The rest timer reads the clock: right on return.

    Textual's own action stops only this process; under `uv run` the shell waits on uv,
    which catches SIGTSTP, so the terminal would hang.
    """
    if not hasattr(signal, "SIGSTOP"):
        return
    try:
        with app.suspend():
            os.killpg(os.getpgrp(), signal.SIGSTOP)
    except SuspendNotSupported:
        pass
