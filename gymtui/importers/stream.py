"""A file's sessions read as they are asked for: a big export is never all in memory."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TextIO

from gymtui.importers.names import tidy_name
from gymtui.importers.parsed import BadRow, Format, ImportedSession, ImportFileError
from gymtui.importers.reader import Reader
from gymtui.importers.rows import Rows, no_controls, tidy_note

PROGRESS_ROWS = 2000  # rows between two reports of progress


class SessionStream:
    """The sessions of one export, read from the file as `sessions` is iterated (once).

    A streaming reader's sessions come in file order, each when its rows end; a session whose
    rows lie apart comes in `continued` parts. The counts (`rows`, `skipped`, `bad_rows`,
    `empty_workouts`, `unit`) are final once every session is taken. A bad row raises
    ImportFileError from the iteration, unless `skip_bad_rows`: then it is left out and listed.
    """

    def __init__(
        self,
        rows: Rows,
        handle: TextIO | None,
        reader: Reader,
        found: Format,
        progress: Callable[[int, int], None] | None = None,
        skip_bad_rows: bool = False,
    ) -> None:
        self.format: Format = found
        self.skipped = reader.skipped  # filled as the rows are read
        self.rows = 0
        self.bad_rows: list[str] = []
        self.empty_workouts = 0
        self.unit = "kg"  # the unit most of its weights were written in
        self._reader = reader
        self._table = rows
        self._handle = handle
        self._progress = progress
        self._skip_bad_rows = skip_bad_rows
        self._size = 1
        self.sessions: Iterator[ImportedSession] = self._read()

    def __enter__(self) -> SessionStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file (when the sessions were not all taken)."""
        if self._handle is not None:
            self._handle.close()

    def _where(self) -> tuple[int, int]:
        """Bytes read of the file, and its size, for progress."""
        if self._handle is None:
            return 0, 1
        return self._handle.buffer.tell(), max(self._size, 1)

    def _read(self) -> Iterator[ImportedSession]:
        reader = self._reader
        progress = self._progress
        if progress is not None and self._handle is not None:
            self._size = os.fstat(self._handle.fileno()).st_size
        read, free_text, done = reader.read, reader.free_text, reader.done
        try:
            for row in self._table:
                self.rows += 1
                if progress is not None and self.rows % PROGRESS_ROWS == 0:
                    progress(*self._where())
                try:
                    row.recover(free_text)
                    read(row)
                except BadRow as bad:
                    if not self._skip_bad_rows:
                        raise ImportFileError(
                            f"{bad} Nothing was imported: correct that line, or add "
                            "--skip-bad-rows to import the rest and list the lines left out."
                        ) from None
                    self.bad_rows.append(f"{bad.where}: {bad.problem}")
                    reader.skip("bad rows (listed below)")
                if done:  # sessions the reader handed over
                    yield from self._finished(done, self.format == "gymtui")
                    done.clear()
        finally:
            self.close()
        reader.finish()
        rest = sorted(reader.sessions.values(), key=lambda s: s.started_at)
        self.empty_workouts = reader.empty_sessions()
        if reader.units["lb"] > reader.units["kg"]:
            self.unit = "lb"
        yield from self._finished(rest, self.format == "gymtui")
        if progress is not None:
            progress(self._size, self._size)

    @staticmethod
    def _finished(sessions: list[ImportedSession], own: bool) -> Iterator[ImportedSession]:
        """Sessions as they are given: sets in time order, control characters out of their
        texts; other apps' workouts are over (the last set ends one); none without sets."""
        for session in sessions:
            if not session.sets:
                continue
            session.sets.sort(key=lambda s: s.logged_at)
            if not own and session.finished_at is None:
                session.finished_at = session.sets[-1].logged_at
            tidy_texts(session)
            yield session


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
            session.sets[i] = item._replace(note=note)
