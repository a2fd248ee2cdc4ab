"""Reading other apps' exports (and gymtui's own) into sessions: files in, ParsedFile out.

Columns are matched by header name, never by position; a BOM (UTF-8, UTF-16) says the
encoding, the delimiter is sniffed and the quoting is always CSV's standard one. Text keeps no
control characters. Every problem is an ImportFileError naming the file, line and column. No
database here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from gymtui.importers.fitbod import FitbodReader, is_fitbod
from gymtui.importers.fitnotes import FitNotesReader
from gymtui.importers.hevy import HevyReader
from gymtui.importers.own import OwnReader
from gymtui.importers.parsed import (
    FORMATS,
    GYMTUI_COLUMNS,
    Format,
    ImportedSession,
    ImportedSet,
    ImportFileError,
    ParsedFile,
)
from gymtui.importers.reader import Reader
from gymtui.importers.rows import Rows, open_text
from gymtui.importers.stream import SessionStream
from gymtui.importers.strong import StrongReader, is_strong

__all__ = [
    "FORMATS",
    "GYMTUI_COLUMNS",
    "Format",
    "ImportFileError",
    "ImportedSession",
    "ImportedSet",
    "ParsedFile",
    "SessionStream",
    "detect",
    "parse",
    "stream",
]

READERS: dict[Format, type[Reader]] = {
    "strong": StrongReader,
    "hevy": HevyReader,
    "fitnotes": FitNotesReader,
    "fitbod": FitbodReader,
    "gymtui": OwnReader,
}
# GymBook writes reps and weights as text ("20 ripetizioni", "0,00 kg"): recognised, refused.
GYMBOOK_COLUMNS = (
    "peso / distanza",
    "ripetizioni / tempo",
    "weight / distance",
    "reps / time",
    "repetitions / time",
)


def detect(rows: Rows) -> Format:
    """Which app wrote the file, from its header. Each app is known by columns no other
    app's export has, so one app's file is never taken for another's."""
    if rows.has("session_key", "exercise_id", "logged_at", "weight_kg"):
        return "gymtui"
    if rows.has("exercise_title", "start_time"):
        return "hevy"
    if is_fitbod(rows):  # before FitNotes: both have Date, Exercise and Reps
        return "fitbod"
    if is_strong(rows):
        return "strong"
    if rows.has("date", "exercise", "category"):
        return "fitnotes"
    if any(rows.has(c) for c in GYMBOOK_COLUMNS):
        raise ImportFileError(
            f"{rows.path}: this is a GymBook export, which gymtui cannot import yet. "
            "It reads Strong, Hevy, FitNotes, Fitbod and its own CSV exports."
        )
    raise ImportFileError(
        f"{rows.path}: not a Strong, Hevy, FitNotes, Fitbod or gymtui export: the header "
        f"({', '.join(rows.header[:6])}...) has none of their column sets. "
        "Export as CSV from the app, or name the app with --from."
    )


def stream(
    path: Path,
    source: Format | None = None,
    unit: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    skip_bad_rows: bool = False,
    now: datetime | None = None,
    hold: bool = False,
) -> SessionStream:
    """Open an export and check its header; its sessions are read as they are taken.

    `source` names the app and overrides detection. A file that is no export raises
    ImportFileError here; a bad row raises it while the sessions are read (then nothing may
    be kept), unless `skip_bad_rows`: then it is left out and listed in `bad_rows`. `hold`
    gives every session whole, in time order, once the file is read. `progress` is told the
    bytes read and the file's size."""
    handle, encoding = open_text(path)  # read line by line: the file is never all in memory
    try:
        rows = Rows(path, handle, now, encoding)
        found = source or detect(rows)
        reader = READERS[found](rows, unit)
    except BaseException:
        handle.close()
        raise
    reader.hold = reader.hold or hold
    return SessionStream(rows, handle, reader, found, progress, skip_bad_rows)


def parse(
    path: Path,
    source: Format | None = None,
    unit: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    skip_bad_rows: bool = False,
    now: datetime | None = None,
) -> ParsedFile:
    """Read an export into sessions, held whole in time order; raises ImportFileError and
    nothing else.

    `source` names the app and overrides detection. A bad row refuses the whole file,
    unless `skip_bad_rows`: then it is left out and listed in `bad_rows`."""
    with stream(path, source, unit, progress, skip_bad_rows, now, hold=True) as read:
        sessions = list(read.sessions)
    parsed = ParsedFile(read.format, sessions, read.skipped, read.rows, read.bad_rows)
    parsed.empty_workouts = read.empty_workouts
    parsed.unit = read.unit
    return parsed
