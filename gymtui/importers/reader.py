"""What every format's reader shares: sessions by key, sets numbered in file order, and the
counted reasons for rows that are not sets."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from datetime import datetime, timedelta
from typing import ClassVar

from gymtui.importers.parsed import ImportedSession, ImportFileError
from gymtui.importers.rows import Rows


class Reader(ABC):
    """One app's rows into sessions. File-level checks happen in `__init__`; `read` takes
    one row and checks all of it before it keeps anything, so a bad row can be left out
    whole (`--skip-bad-rows`)."""

    app: ClassVar[str]  # the app's name, for messages
    needs: ClassVar[tuple[str, ...]]  # columns without which a file is not this app's
    free_text: ClassVar[str | None] = None  # the column an unquoted delimiter may split

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
        self.numbered: Counter[str] = Counter()
        self.units: Counter[str] = Counter()  # rows weighed in each unit

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
        """The session with that key, made on its first row."""
        found = self.sessions.get(key)
        if found is None:
            found = self.sessions[key] = ImportedSession(key, started, name, finished, note=note)
        return found

    def moment(self, session: ImportedSession) -> datetime:
        """When the next set of a session that gives no set times was logged: a second
        apart in file order, so the order survives."""
        self.numbered[session.key] += 1
        return session.started_at + timedelta(seconds=self.numbered[session.key])

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1
