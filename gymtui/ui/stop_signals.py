"""SIGTERM and SIGHUP (kill, the terminal closed, ssh dropped) end the app as q does."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import signal
from collections.abc import Callable

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class StopSignals:
    """While caught, SIGTERM and SIGHUP call `stop(128 + signal)`, the status a shell reports:
    Textual then restores the terminal and the app closes the file (which checkpoints the
    WAL). They are handled on the event loop, so never in the middle of a write."""

    def __init__(self, stop: Callable[[int], object]) -> None:
        self.stop = stop
        self.stopped_by: signal.Signals | None = None  # the signal that ended the app
        self._caught: list[int] = []

    def catch(self) -> None:
        """Handle the signals on the running event loop (where it can)."""
        loop = asyncio.get_running_loop()
        for sig in STOP_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._stop, sig)
                self._caught.append(sig)

    def release(self) -> None:
        """Give the signals back to their default handling."""
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for sig in self._caught:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.remove_signal_handler(sig)
        self._caught.clear()

    def _stop(self, sig: int) -> None:
        self.stopped_by = signal.Signals(sig)
        self.stop(128 + sig)

    def after_run(self) -> None:
        """Once the app is done: after SIGHUP the terminal may be gone, so standard output
        and error then point at /dev/null, and the last flush on the way out is no error."""
        if self.stopped_by is not None:
            silence_a_hung_up_terminal()


def silence_a_hung_up_terminal() -> None:
    """Point standard output and error at /dev/null when their terminal hung up."""
    try:
        import termios
    except ImportError:
        return
    for fd in (1, 2):
        try:
            termios.tcgetattr(fd)
        except termios.error as problem:
            if problem.args and problem.args[0] == errno.EIO:  # hung up, not "not a tty"
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, fd)
                os.close(null)
