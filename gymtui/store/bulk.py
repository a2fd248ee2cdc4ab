"""A big import's rows: its table's indexes built once at its end, its checks run once."""

from __future__ import annotations

import sqlite3
from types import TracebackType

# An import smaller than this (one batch of its rows) never touches the schema.
MIN_BULK_ROWS = 5_000


class BulkLoad:
    """Many rows into one table inside an import's transaction.

    Once the import has added as many rows as the table held (and at least MIN_BULK_ROWS),
    the table's indexes are dropped and its CHECK constraints left to one pass at the end
    (`finish`: `PRAGMA quick_check` of the table, then every index made again), both in the
    same transaction: a rolled-back import leaves the schema as it was, and a row that breaks
    a constraint still refuses the whole import. Inserting 300,000 sets row by row into
    gymtui's five set indexes took 2.3 times as long as inserting them bare and building the
    indexes after; the checks, row by row, took as long as the rest of the insert
    (benchmarks/import_floor.py). Used as a context manager, so that the checks are never left
    off on the connection.
    """

    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        self.conn = conn
        self.table = table
        self.held = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        self.added = 0
        self.bulk = False
        self.dropped: list[str] = []  # the CREATE INDEX statements, to run again

    def __enter__(self) -> BulkLoad:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.bulk:
            self.conn.execute("PRAGMA ignore_check_constraints = OFF")

    def adding(self, rows: int) -> None:
        """`rows` more are about to be inserted: go bulk when that is now the cheaper way."""
        self.added += rows
        if self.bulk or self.added < max(self.held, MIN_BULK_ROWS):
            return
        self.bulk = True
        found = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",  # an index a constraint makes (UNIQUE) has no sql: it stays
            [self.table],
        ).fetchall()
        for name, sql in found:
            self.conn.execute(f'DROP INDEX "{name}"')
            self.dropped.append(sql)
        self.conn.execute("PRAGMA ignore_check_constraints = ON")

    def finish(self) -> None:
        """Check every row of the table against its constraints, then make the dropped
        indexes again (one sort each); raises sqlite3.IntegrityError for a row that breaks
        a constraint."""
        if not self.bulk:
            return
        self.conn.execute("PRAGMA ignore_check_constraints = OFF")
        problem = self.conn.execute(f"PRAGMA quick_check({self.table})").fetchone()[0]
        if problem != "ok":
            raise sqlite3.IntegrityError(problem)
        for sql in self.dropped:
            self.conn.execute(sql)
        self.dropped = []
