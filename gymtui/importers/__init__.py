"""Reading other apps' exports (and gymtui's own) into sessions: files in, ParsedFile out.

Columns are matched by header name, never by position; a UTF-8 BOM is stripped and the
delimiter sniffed. Every problem is an ImportFileError naming the file, line and column. No
database here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from gymtui.importers import fitnotes, hevy, own, strong
from gymtui.importers.parsed import (
    FORMATS,
    GYMTUI_COLUMNS,
    Format,
    ImportedSession,
    ImportedSet,
    ImportFileError,
    ParsedFile,
)
from gymtui.importers.rows import Rows, read_file

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


def detect(rows: Rows) -> Format:
    """Which app wrote the file, from its header."""
    if rows.has("session_key", "exercise_id", "logged_at", "weight_kg"):
        return "gymtui"
    if rows.has("exercise_title", "start_time"):
        return "hevy"
    if rows.has("exercise name", "set order"):
        return "strong"
    if rows.has("date", "exercise") and (rows.has("category") or rows.has("reps")):
        return "fitnotes"
    raise ImportFileError(
        f"{rows.path}: not a Strong, Hevy, FitNotes or gymtui export: the header "
        f"({', '.join(rows.header[:6])}...) has none of their column sets. "
        "Export as CSV from the app, or name the format with --from."
    )


def parse(
    path: Path,
    source: Format | None = None,
    unit: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ParsedFile:
    """Read an export into sessions; raises ImportFileError and nothing else."""
    text = read_file(path)
    rows = Rows(path, text)
    found = detect(rows)
    if source is not None and source != found:
        raise ImportFileError(f"{path}: --from {source} was given, but this is a {found} export.")
    total_lines = text.count("\n") or 1
    reader = {
        "strong": strong.read,
        "hevy": hevy.read,
        "fitnotes": fitnotes.read,
        "gymtui": own.read,
    }[found]
    parsed = ParsedFile(found, [], Counter(), 0)
    sessions: dict[str, ImportedSession] = {}

    def tick() -> None:
        parsed.rows += 1
        if progress is not None and parsed.rows % 2000 == 0:
            progress(rows.line, total_lines)

    reader(rows, unit, sessions, parsed.skipped, tick)
    for session in sessions.values():
        session.sets.sort(key=lambda s: s.logged_at)
        if found != "gymtui" and session.finished_at is None and session.sets:
            session.finished_at = session.sets[-1].logged_at  # other apps' workouts are over
    parsed.sessions = sorted((s for s in sessions.values() if s.sets), key=lambda s: s.started_at)
    empty = len(sessions) - len(parsed.sessions)
    if empty:
        parsed.skipped["workouts with no strength sets"] += empty
    if progress is not None:
        progress(total_lines, total_lines)
    return parsed
