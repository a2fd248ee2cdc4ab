"""The marker a running `gymtui import` leaves beside the database (`gymtui.db.importing`).

An import holds the write lock for its one transaction, seconds on a big file. A window that
finds the marker tries its write once without waiting and, refused, says an import is running,
instead of sitting in SQLite's busy wait on its event loop.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import NamedTuple


class RunningImport(NamedTuple):
    """The process that announced an import, and when it started."""

    pid: int
    started: datetime


def marker_path(database: Path) -> Path:
    """Where an import announces itself: beside the database, named after it."""
    return database.with_name(f"{database.name}.importing")


def running_import(database: Path) -> RunningImport | None:
    """The import announced beside `database` by a live process other than this one. None when
    there is no marker, it cannot be read, or its process is gone (killed: a stale marker)."""
    try:
        pid_text, stamp = marker_path(database).read_text(encoding="ascii").split(maxsplit=1)
        pid, started = int(pid_text), datetime.fromisoformat(stamp.strip()).astimezone()
    except (OSError, ValueError):
        return None
    if pid == os.getpid() or not _alive(pid):
        return None
    return RunningImport(pid, started)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would end it; a marker left by a kill costs one try
        return True
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another user's process: alive
    except OSError:
        return False
    return True


@contextlib.contextmanager
def announcing_import(database: Path) -> Iterator[None]:
    """The marker, for as long as the block holds (or waits for) the file: written before the
    import's transaction begins, removed after it ends, on an error or Ctrl-C too. Another live
    import's marker is left alone; one that cannot be written only costs the message."""
    marker = marker_path(database)
    mine = f"{os.getpid()} {datetime.now().astimezone().isoformat(timespec='seconds')}\n"
    wrote = False
    if running_import(database) is None:
        with contextlib.suppress(OSError):
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, mine.encode("ascii"))
            finally:
                os.close(fd)
            wrote = True
    try:
        yield
    finally:
        if wrote:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                if marker.read_text(encoding="ascii") == mine:
                    marker.unlink()
