"""Reading other apps' exports (and gymtui's own) into sessions: files in, ParsedFile out.

Columns are matched by header name, never by position; a BOM (UTF-8, UTF-16) says the
encoding, the delimiter is sniffed and the quoting is always CSV's standard one. Text keeps no
control characters. Every problem is an ImportFileError naming the file, line and column. No
database here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from gymtui.importers.fitbod import FitbodReader, is_fitbod
from gymtui.importers.fitnotes import FitNotesReader
from gymtui.importers.hevy import HevyReader
from gymtui.importers.names import tidy_name
from gymtui.importers.own import OwnReader
from gymtui.importers.parsed import (
    FORMATS,
    GYMTUI_COLUMNS,
    BadRow,
    Format,
    ImportedSession,
    ImportedSet,
    ImportFileError,
    ParsedFile,
)
from gymtui.importers.reader import Reader
from gymtui.importers.rows import Rows, count_lines, no_controls, open_text, tidy_note
from gymtui.importers.strong import StrongReader, is_strong

__all__ = [
    "FORMATS",
    "GYMTUI_COLUMNS",
    "Format",
    "ImportFileError",
    "ImportedSession",
    "ImportedSet",
    "ParsedFile",
    "detect",
    "parse",
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


def tidy_texts(session: ImportedSession) -> None:
    """Control characters out of a session's name, day, note and set notes: text from a
    file must never carry an escape sequence to the terminal (exercise names are tidied by
    each reader)."""
    session.key = no_controls(session.key)
    session.name = tidy_name(session.name) or "Session"
    session.day_key = tidy_name(session.day_key or "") or None
    session.note = tidy_note(session.note)
    for i, item in enumerate(session.sets):
        note = tidy_note(item.note)
        if note != item.note:
            session.sets[i] = replace(item, note=note)


def parse(
    path: Path,
    source: Format | None = None,
    unit: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    skip_bad_rows: bool = False,
    now: datetime | None = None,
) -> ParsedFile:
    """Read an export into sessions; raises ImportFileError and nothing else.

    `source` names the app and overrides detection. A bad row refuses the whole file,
    unless `skip_bad_rows`: then it is left out and listed in `bad_rows`."""
    handle, encoding = open_text(path)  # read line by line: the file is never all in memory
    with handle:
        rows = Rows(path, handle, now, encoding)
        found = source or detect(rows)
        reader = READERS[found](rows, unit)
        parsed = ParsedFile(found, [], reader.skipped, 0)
        total_lines = count_lines(path) if progress is not None else 1
        for row in rows:
            parsed.rows += 1
            if progress is not None and parsed.rows % 2000 == 0:
                progress(min(rows.line, total_lines), total_lines)
            try:
                row.recover(reader.free_text)
                reader.read(row)
            except BadRow as bad:
                if not skip_bad_rows:
                    raise ImportFileError(
                        f"{bad} Nothing was imported: correct that line, or add --skip-bad-rows "
                        "to import the rest and list the lines left out."
                    ) from None
                parsed.bad_rows.append(f"{bad.where}: {bad.problem}")
                reader.skip("bad rows (listed below)")
    reader.finish()
    for session in reader.sessions.values():
        session.sets.sort(key=lambda s: s.logged_at)
        if found != "gymtui" and session.finished_at is None and session.sets:
            session.finished_at = session.sets[-1].logged_at  # other apps' workouts are over
    parsed.sessions = sorted(
        (s for s in reader.sessions.values() if s.sets), key=lambda s: s.started_at
    )
    for session in parsed.sessions:
        tidy_texts(session)
    parsed.empty_workouts = len(reader.sessions) - len(parsed.sessions)
    if reader.units["lb"] > reader.units["kg"]:
        parsed.unit = "lb"
    if progress is not None:
        progress(total_lines, total_lines)
    return parsed
