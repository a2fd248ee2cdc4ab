"""CSV rows addressed by header name, and the values in them: numbers, units, dates."""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from gymtui.core.values import KG_PER_LB
from gymtui.importers.names import normalise_name
from gymtui.importers.parsed import MAX_IMPORT_KG, MAX_IMPORT_REPS, ImportFileError

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


class Rows:
    """CSV rows addressed by header name, with errors that name line and column."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        first_line = text.split("\n", 1)[0]
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                first_line, delimiters=",;\t"
            )
        except csv.Error:
            dialect = csv.excel
        self.reader = csv.reader(io.StringIO(text, newline=""), dialect)
        try:
            header = next(self.reader)
        except StopIteration:
            raise ImportFileError(f"{path}: the file is empty.") from None
        except csv.Error as exc:
            raise ImportFileError(f"{path}, line 1: {exc}") from None
        self.header = [h.strip() for h in header]
        self.index = {normalise_name(h): i for i, h in enumerate(self.header)}
        self.columns: dict[str, int | None] = {}  # names as the readers ask for them
        self.memo: dict[tuple[str, str], object] = {}  # dates and durations repeat per workout
        self.line = 1
        self.row: list[str] = []

    def has(self, *names: str) -> bool:
        return all(normalise_name(n) in self.index for n in names)

    def __iter__(self) -> Iterator[Rows]:
        while True:
            try:
                self.row = next(self.reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFileError(f"{self.path}, line {self.reader.line_num}: {exc}") from None
            self.line = self.reader.line_num
            if not any(cell.strip() for cell in self.row):
                continue
            if len(self.row) > len(self.header):
                raise ImportFileError(
                    f"{self.path}, line {self.line}: {len(self.row)} fields, but the header has "
                    f"{len(self.header)} (a field with the delimiter in it needs quotes)."
                )
            yield self

    def get(self, name: str, required: bool = False) -> str:
        i = self.columns.get(name, -1)
        if i == -1:
            i = self.columns[name] = self.index.get(normalise_name(name))
        value = self.row[i].strip() if i is not None and i < len(self.row) else ""
        if required and not value:
            self.fail(name, "is empty")
        return value

    def fail(self, column: str, problem: str) -> NoReturn:
        raise ImportFileError(f"{self.path}, line {self.line}, column '{column}': {problem}.")

    def number(self, column: str, top: float) -> float | None:
        text = self.get(column).replace(",", ".")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            self.fail(column, f"{text!r} is not a number")
        if not math.isfinite(value) or not 0 <= value <= top:
            self.fail(column, f"{text} is outside 0 to {top:g}")
        return value

    def reps(self, column: str) -> int | None:
        value = self.number(column, MAX_IMPORT_REPS)
        if value is None:
            return None
        if value != int(value):
            self.fail(column, f"{value:g} reps is not a whole number")
        return int(value)

    def rpe(self, column: str) -> float | None:
        value = self.number(column, 10)
        if value is not None and value < 1:
            self.fail(column, f"RPE {value:g} is below 1")
        return value


def read_file(path: Path) -> str:
    """The file's text, without a BOM; a clear error for anything that is not UTF-8 text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"{path}: this is not a CSV file (it holds binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path}: not UTF-8 text (byte {exc.start}); export it again as CSV."
        ) from None


# -- units, dates, durations -------------------------------------------------------------


def unit_factor(rows: Rows, column: str, text: str) -> float:
    unit = text.strip().lower().rstrip(".")
    if unit in ("kg", "kgs", "kilograms"):
        return 1.0
    if unit in ("lb", "lbs", "pounds"):
        return KG_PER_LB
    rows.fail(column, f"unknown weight unit {text!r} (kg or lbs)")


def local_time(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo is None else moment


def iso_date(rows: Rows, column: str, with_time: bool) -> datetime:
    text = rows.get(column, required=True)
    known = rows.memo.get((column, text))
    if isinstance(known, datetime):
        return known
    parsed = _parse_iso_date(rows, column, text, with_time)
    rows.memo[(column, text)] = parsed
    return parsed


def _parse_iso_date(rows: Rows, column: str, text: str, with_time: bool) -> datetime:
    formats = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S") if with_time else ()
    for fmt in (*formats, "%Y-%m-%d"):
        try:
            return local_time(datetime.strptime(text, fmt))
        except ValueError:
            continue
    rows.fail(column, f"{text!r} is not a date like 2025-09-15 07:48:00")


_HEVY_TIME = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})$")


def hevy_time(rows: Rows, column: str, required: bool = True) -> datetime | None:
    """`15 Sep 2025, 07:48`, read without the locale's month names."""
    text = rows.get(column, required=required)
    if not text:
        return None
    match = _HEVY_TIME.match(text)
    month = MONTHS.get(match.group(2).lower()) if match else None
    if match is None or month is None:
        rows.fail(column, f"{text!r} is not a time like '15 Sep 2025, 07:48'")
    day, _, year, hour, minute = match.groups()
    try:
        return local_time(datetime(int(year), month, int(day), int(hour), int(minute)))
    except ValueError:
        rows.fail(column, f"{text!r} is not a real date")


_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$")


def duration(rows: Rows, column: str) -> int | None:
    """`1h 5m`, `45m`, `30s` or plain seconds."""
    text = rows.get(column).lower()
    if not text:
        return None
    known = rows.memo.get((column, text))
    if isinstance(known, int):
        return known
    seconds = _parse_duration(rows, column, text)
    rows.memo[(column, text)] = seconds
    return seconds


def _parse_duration(rows: Rows, column: str, text: str) -> int:
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    match = _DURATION.match(text)
    if match is None or not any(match.groups()):
        rows.fail(column, f"{text!r} is not a duration like '1h 5m' or seconds")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def strength(
    rows: Rows, weight_col: str, reps_col: str, factor: float, skipped: Counter[str]
) -> tuple[float, int] | None:
    """Weight in kg and reps, or None (counted) for a row that is not a strength set."""
    weight = rows.number(weight_col, MAX_IMPORT_KG / factor)
    reps = rows.reps(reps_col)
    if reps is None:
        skipped["no reps (cardio or timed sets)"] += 1
        return None
    if reps == 0:
        skipped["0 reps"] += 1
        return None
    return (weight or 0.0) * factor, reps
