"""What every format's reader shares: sessions by key, sets numbered in file order, and the
counted reasons for rows that are not sets."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from datetime import datetime, timedelta
from typing import ClassVar

from gymtui.importers.parsed import ImportedSession, ImportFileError
from gymtui.importers.rows import Rows

SECONDS: list[timedelta] = []  # timedelta(seconds=n) at n, made once (moment needs one a set)


class Reader(ABC):
    """One app's rows into sessions. File-level checks happen in `__init__`; `read` takes
    one row and checks all of it before it keeps anything, so a bad row can be left out
    whole (`--skip-bad-rows`).

    A reader that `streams` hands a session over (to `done`) as soon as a row of another one
    comes: every app writes a workout's rows together, so a big file is never all in memory.
    Rows of a session that come back later make a `continued` part of it. One that needs the
    whole file (Fitbod joins workouts across it, gymtui's own checks rows against earlier
    sessions) keeps every session to the end, as does `hold`."""

    app: ClassVar[str]  # the app's name, for messages
    needs: ClassVar[tuple[str, ...]]  # columns without which a file is not this app's
    free_text: ClassVar[str | None] = None  # the column an unquoted delimiter may split
    streams: ClassVar[bool] = True

    def __init__(self, rows: Rows, unit: str | None) -> None:
        missing = [c for c in self.needs if not rows.has(c)]
        if missing:
            raise ImportFileError(
                f"{rows.path}: not a {self.app} export: it has no "
                f"{', '.join(repr(c) for c in missing)} column "
                f"(its header: {', '.join(rows.header[:8])})."
            )
        self.rows = rows
        self.unit = unit
        self.sessions: dict[str, ImportedSession] = {}
        self.skipped: Counter[str] = Counter()
        # sets given each session so far, by key (their times come from it): the only thing
        # kept of a session handed over, so that its rows, should they come back, go on from it
        self.numbered: Counter[str] = Counter()
        self.units: Counter[str] = Counter()  # rows weighed in each unit
        self.hold = not self.streams  # keep every session to the end of the file
        self.done: list[ImportedSession] = []  # handed over, for the caller to take
        self.latest: str | None = None  # the key of the last row's session

    def weighed(self, factor: float, lifted: tuple[float, int] | str) -> None:
        """Note the unit (from its factor to kg) of a set with a load: a body-weight row's
        blank unit cell says nothing about the file's unit."""
        if not isinstance(lifted, str) and lifted[0] > 0:
            self.units["kg" if factor == 1.0 else "lb"] += 1

    def no_weight_column(self, names: str) -> ImportFileError:
        """The refusal for a file whose weights cannot be found: a missing weight must never
        be read as 0 kg."""
        return ImportFileError(
            f"{self.rows.path}: this {self.app} export has no weight column ({names}); its "
            f"header: {', '.join(self.rows.header[:10])}."
        )

    @abstractmethod
    def read(self, row: Rows) -> None:
        """Take one row: a set kept, a row skipped with its reason, or BadRow."""

    def finish(self) -> None:  # noqa: B027 (a hook: most formats need nothing at the end)
        """After the last row: anything that needs the whole file."""

    def session(
        self,
        key: str,
        started: datetime,
        name: str,
        finished: datetime | None = None,
        note: str | None = None,
    ) -> ImportedSession:
        """The session with that key, made on its first row; the one before it is handed
        over (to `done`) when this is another, unless the reader holds them all."""
        if key != self.latest:
            if self.latest is not None and not self.hold:
                self.done.append(self.sessions.pop(self.latest))
                self.handed_over(self.latest)
            self.latest = key
        found = self.sessions.get(key)
        if found is None:
            found = self.sessions[key] = ImportedSession(
                key, started, name, finished, note=note, continued=self.numbered[key] > 0
            )
            self.numbered.setdefault(key, 0)  # so that a session without sets is counted
        return found

    def handed_over(self, key: str) -> None:  # noqa: B027 (a hook: only Hevy keeps any)
        """Forget what was kept for the rows of the session with that key."""

    def empty_sessions(self) -> int:
        """Sessions (by key) with no set at all, once the file is read (a reader that streams
        numbers every set it gives, through `moment`)."""
        if self.hold:
            return sum(1 for session in self.sessions.values() if not session.sets)
        return sum(1 for sets in self.numbered.values() if not sets)

    def moment(self, session: ImportedSession) -> datetime:
        """When the next set of a session that gives no set times was logged: a second
        apart in file order, so the order survives."""
        n = self.numbered[session.key] = self.numbered[session.key] + 1
        while len(SECONDS) <= n:
            SECONDS.append(timedelta(seconds=len(SECONDS)))
        return session.started_at + SECONDS[n]

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1
