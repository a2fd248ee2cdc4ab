"""CSV rows addressed by header name, and the values in them: numbers, units, dates."""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import math
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

from gymtui.core.text import FORMULA_STARTS
from gymtui.core.values import KG_PER_LB
from gymtui.importers.names import normalise_name, tidy_name
from gymtui.importers.parsed import MAX_IMPORT_KG, MAX_IMPORT_REPS, BadRow, ImportFileError

T = TypeVar("T")
DELIMITERS = ",;\t"
# gymtui's export puts a ' before a cell a spreadsheet would run as a formula (OWASP)
FORMULA_GUARDS = frozenset("'" + c for c in FORMULA_STARTS)
# A duration longer than a day is a back-filled workout's, whatever its length; one longer than
# this many digits is junk (and int() refuses 4300 digits)
MAX_DURATION_DIGITS = 30
# values remembered of cells read (dates, durations), at most: a workout's rows come together
MEMO_SIZE = 512
MAX_IMPORT_NAME = 200  # the editor's limit is 60, but other apps' names run longer (69 seen)
EARLIEST_YEAR = 1970
LONGEST_WORKOUT_S = 24 * 3600  # a longer duration is a back-filled workout's, not a real one
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


class Rows:
    """CSV rows addressed by header name, with errors that name line and column.

    `translate` lets a localised header answer to the English names the readers ask for;
    errors still name the column as the file spells it.
    """

    def __init__(
        self,
        path: Path,
        text: str | Iterable[str],
        now: datetime | None = None,
        encoding: str = "UTF-8",
    ) -> None:
        self.path = path
        self.encoding = encoding  # for messages
        # lines are read as they are needed (a file opened by open_text), never all at once
        self.lines = iter(io.StringIO(text, newline="") if isinstance(text, str) else text)
        first_line = self._read(lambda: next(self.lines, ""), 1)
        self.delimiter = sniff_delimiter(first_line.split("\n", 1)[0])
        # Only the delimiter is sniffed: the quoting is always the standard one (a quote in a
        # quoted field is doubled), which the sniffer turns off when the header has no quotes.
        self.reader = csv.reader(
            itertools.chain([first_line], self.lines), csv.excel, delimiter=self.delimiter
        )
        try:
            header = self._read(lambda: next(self.reader), 1)
        except StopIteration:
            raise ImportFileError(f"{path}: the file is empty.") from None
        self.header = [h.strip() for h in header]
        self.index: dict[str, int] = {}
        for i, h in enumerate(self.header):
            name = normalise_name(h)
            first = self.index.setdefault(name, i)
            if first != i and name:
                spelled = repr(h) if h == self.header[first] else f"{h!r} ({self.header[first]!r})"
                raise ImportFileError(
                    f"{path}, line 1: the header has the column {spelled} twice (columns "
                    f"{first + 1} and {i + 1}); remove or rename one, so that no value is "
                    "read from the wrong one."
                )
        self.unguard = False  # gymtui's own files: undo the export's guard against formulas
        self.columns: dict[str, int] = {}  # names as the readers ask for them
        self.memo: dict[tuple[str, str], Any] = {}  # dates and durations repeat per workout
        self.line = self.reader.line_num  # the last line read
        self.row: list[str] = []
        self.extra = 0  # fields beyond the header's on this row
        self.latest = (now or datetime.now(UTC)) + timedelta(days=1)  # the clock may lag a zone

    def remember(self, column: str, text: str, compute: Callable[[], T]) -> T:
        """A value read from a cell, computed once per distinct text (a workout's date and
        duration repeat on every one of its rows)."""
        key = (column, text)
        found: T = self.memo.get(key, self.memo)
        if found is self.memo:  # not there (None may be a value)
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()  # a workout's rows come together: the recent ones suffice
            found = self.memo[key] = compute()
        return found

    def has(self, *names: str) -> bool:
        return all(normalise_name(n) in self.index for n in names)

    def translate(self, names: dict[str, str]) -> None:
        """Let the file's own column names answer to the English ones."""
        for theirs, ours in names.items():
            i = self.index.get(normalise_name(theirs))
            if i is not None:
                self.index.setdefault(normalise_name(ours), i)
        self.columns.clear()

    def spelled(self, column: str) -> str:
        """The column's name as the file's header spells it."""
        i = self.index.get(normalise_name(column))
        return self.header[i] if i is not None else column

    def _read(self, step: Callable[[], T], line: int) -> T:
        """One step of reading the file, its failures as messages naming the line."""
        try:
            return step()
        except (csv.Error, UnicodeDecodeError, OSError) as exc:
            raise self._unreadable(exc, line) from None

    def _unreadable(self, exc: Exception, line: int) -> ImportFileError:
        """Why the file could not be read at that line."""
        if isinstance(exc, csv.Error):
            return ImportFileError(f"{self.path}, line {line}: {exc}")
        if isinstance(exc, UnicodeDecodeError):
            return ImportFileError(
                f"{self.path}, near line {line}: not {self.encoding} text; export it again as CSV."
            )
        strerror = exc.strerror if isinstance(exc, OSError) else None
        return ImportFileError(f"{self.path}: cannot be read past line {line} ({strerror or exc}).")

    def __iter__(self) -> Iterator[Rows]:
        reader, width = self.reader, len(self.header)
        try:
            for row in reader:
                self.line = reader.line_num
                if not "".join(row).strip():  # no cell holds anything
                    continue
                self.row, self.extra = row, len(row) - width
                # a blank cell after the header's: where a column the file lacks reads
                if self.extra == 0:
                    row.append("")
                elif self.extra < 0:
                    row += [""] * (1 - self.extra)
                yield self
        except (csv.Error, UnicodeDecodeError, OSError) as exc:
            raise self._unreadable(exc, self.line + 1) from None

    def recover(self, free_text: str | None) -> None:
        """A row with more fields than the header: join the extra fields back into the one
        free-text column (the delimiter was inside it, unquoted), or refuse the row."""
        if self.extra <= 0:
            return
        i = self.index.get(normalise_name(free_text)) if free_text else None
        if i is None:
            raise BadRow(
                self.path,
                f"line {self.line}",
                f"{len(self.row)} fields, but the header has {len(self.header)} "
                "(a field with the delimiter in it needs quotes)",
            )
        self.row[i : i + self.extra + 1] = [self.delimiter.join(self.row[i : i + self.extra + 1])]
        self.row.append("")
        self.extra = 0

    def column(self, name: str) -> int:
        """Where a column's cell is in a row; a column the file lacks reads the blank cell
        after the header's."""
        i = self.columns.get(name)
        if i is None:
            i = self.columns[name] = self.index.get(normalise_name(name), len(self.header))
        return i

    def cells(self, *names: str) -> Callable[[list[str]], tuple[str, ...]]:
        """What gives those columns' cells of a row as they are (untrimmed), in one call."""
        return operator.itemgetter(*(self.column(name) for name in names))

    def get(self, name: str, required: bool = False) -> str:
        i = self.columns.get(name)
        if i is None:
            i = self.column(name)
        value = self.row[i].strip()
        if self.unguard and value[:2] in FORMULA_GUARDS:
            value = value[1:]
        if required and not value:
            self.fail(name, "is empty")
        return value

    def fail(self, column: str, problem: str) -> NoReturn:
        raise BadRow(self.path, f"line {self.line}, column '{self.spelled(column)}'", problem)

    def number(
        self, column: str, top: float, low: float = 0.0, text: str | None = None
    ) -> float | None:
        """The number in a cell (or `text`, read from it), or None for an empty one."""
        if text is None:
            text = self.get(column)
        if not text:
            return None
        value = decimal(text, self.delimiter)
        if value is None:
            self.fail(column, f"{shown(text)} is not a number")
        if not math.isfinite(value) or not low <= value <= top:
            self.fail(column, f"{shown(text, quoted=False)} is outside {low:g} to {top:g}")
        return value

    def name(self, column: str, required: bool = False, text: str | None = None) -> str:
        """A name (an exercise's, a workout's) tidied of control characters; refused when
        nothing is left of a required one, or when it is longer than any name."""
        if text is None:
            text = self.get(column, required=required)
        elif required and not text:
            self.fail(column, "is empty")
        name = tidy_name(text)  # cached: names repeat on every row
        if required and not name:
            self.fail(column, "holds only control characters")
        if len(name) > MAX_IMPORT_NAME:
            self.fail(
                column,
                f"{shown(name)} is too long for a name (at most {MAX_IMPORT_NAME} characters)",
            )
        return name

    def reps(self, column: str, text: str | None = None) -> int | None:
        return self.whole(column, MAX_IMPORT_REPS, " reps", text)

    def whole(self, column: str, top: int, unit: str = "", text: str | None = None) -> int | None:
        """A whole number from 0 to `top`, or None for an empty cell."""
        value = self.number(column, top, 0.0, text)
        if value is None:
            return None
        whole = int(value)
        if value != whole:
            self.fail(column, f"{value:g}{unit} is not a whole number")
        return whole

    def rpe(self, column: str, text: str | None = None) -> float | None:
        value = self.number(column, 10, 0.0, text)
        if value is not None and value < 1:
            self.fail(column, f"RPE {value:g} is below 1")
        return value

    def check_moment(self, column: str, text: str, moment: datetime) -> datetime:
        """A date the file gives, refused when it cannot be a workout's."""
        if moment > self.latest:
            self.fail(column, f"{text!r} is in the future")
        if moment.year < EARLIEST_YEAR:
            self.fail(column, f"{text!r} is before {EARLIEST_YEAR}")
        return moment


def sniff_delimiter(header: str) -> str:
    """The delimiter the header line uses: comma, semicolon or tab."""
    try:
        return csv.Sniffer().sniff(header, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def shown(text: str, quoted: bool = True, size: int = 40) -> str:
    """A cell's text as a message quotes it, cut short when it is long."""
    cut = text if len(text) <= size else f"{text[:size]}... ({len(text)} characters)"
    return repr(cut) if quoted else cut


_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$", re.ASCII)


def decimal(text: str, delimiter: str) -> float | None:
    """A number as apps write it: `62.5`, `62,5`, `1,000` (thousands, in a comma-separated
    file, where a decimal comma would need quotes), `1.000,5` and `1,000.5`."""
    if "," in text:
        if "." in text:
            grouping, point = (",", ".") if text.rfind(".") > text.rfind(",") else (".", ",")
            text = text.replace(grouping, "").replace(point, ".")
        elif delimiter == "," and _GROUPED.match(text):
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def open_text(path: Path) -> tuple[TextIO, str]:
    """The file opened for reading as text, and its encoding's name: the one its BOM names
    (Excel's "Unicode text" is UTF-16 with a BOM), else UTF-8; a clear error for a file that
    cannot be read or holds binary data. Decoding errors come as the lines are read."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    try:
        head = handle.read(4096)
        handle.seek(0)
        if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            encoding, name = "utf-32", "UTF-32"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding, name = "utf-16", "UTF-16"
        else:
            encoding, name = "utf-8-sig", "UTF-8"
        if (b"\x00" in head) if name == "UTF-8" else ("\x00" in head.decode(encoding, "ignore")):
            raise ImportFileError(f"{path}: this is not a CSV file (it holds binary data).")
        return io.TextIOWrapper(handle, encoding=encoding, newline=""), name
    except OSError as exc:
        handle.close()
        raise ImportFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    except BaseException:
        handle.close()
        raise


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def no_controls(text: str) -> str:
    """The text without control characters or bidi overrides (for keys, which are compared
    as they are)."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub("", text)) if _CONTROLS.search(text) else text


def tidy_note(text: str | None) -> str | None:
    """A note as it is kept: line breaks as newlines, tabs kept, and no other control
    character (an escape sequence must never reach the terminal) nor bidi override; None
    when nothing is left."""
    if not text:
        return None
    if _CONTROLS.search(text) or _LINE_BREAKS.search(text):
        text = _CONTROLS.sub("", _LINE_BREAKS.sub("\n", text)).strip()
    return text or None


# -- units, dates, durations -------------------------------------------------------------


def unit_factor(rows: Rows, column: str, text: str) -> float:
    unit = text.strip().lower().rstrip(".")
    if unit in ("kg", "kgs", "kilogram", "kilograms"):
        return 1.0
    if unit in ("lb", "lbs", "pound", "pounds"):
        return KG_PER_LB
    rows.fail(column, f"unknown weight unit {text!r} (kg or lbs)")


def local_time(moment: datetime) -> datetime:
    """A naive time read as the machine's local time; an aware one moved into it."""
    return moment.astimezone()


@functools.lru_cache(maxsize=1024)  # every row of a workout has the same start
def wall_clock(moment: datetime) -> str:
    """A time as the file wrote it, without a zone: what session keys are made of, so that
    the same file imported on a machine in another zone finds the same sessions."""
    return moment.replace(tzinfo=None).isoformat()


def iso_date(rows: Rows, column: str, with_time: bool) -> datetime:
    text = rows.get(column, required=True)
    return rows.remember(
        column,
        text,
        lambda: rows.check_moment(column, text, _parse_iso_date(rows, column, text, with_time)),
    )


def _parse_iso_date(rows: Rows, column: str, text: str, with_time: bool) -> datetime:
    formats = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S") if with_time else ()
    for fmt in (*formats, "%Y-%m-%d"):
        try:
            return local_time(datetime.strptime(text, fmt))
        except (ValueError, OverflowError):
            continue
    example = "2025-09-15 07:48:00" if with_time else "2025-09-15"
    rows.fail(column, f"{text!r} is not a date like {example}")


def utc_time(rows: Rows, column: str) -> datetime:
    """`2025-12-17 03:24:30 +0000`, shown in the machine's own zone."""
    text = rows.get(column, required=True)
    return rows.remember(column, text, lambda: _parse_utc_time(rows, column, text))


def _parse_utc_time(rows: Rows, column: str, text: str) -> datetime:
    for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if moment.tzinfo is None and " " in text:
            moment = moment.replace(tzinfo=UTC)  # a time without a zone: Fitbod's are UTC
        try:
            return rows.check_moment(column, text, local_time(moment))
        except OverflowError:
            rows.fail(column, f"{text!r} is too far in the past or the future")
    rows.fail(column, f"{text!r} is not a time like 2025-12-17 03:24:30 +0000")


_HEVY_TIME = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})$", re.ASCII)


def hevy_time(rows: Rows, column: str, required: bool = True) -> datetime | None:
    """`15 Sep 2025, 07:48`, read without the locale's month names."""
    text = rows.get(column, required=required)
    if not text:
        return None
    return rows.remember(column, text, lambda: _parse_hevy_time(rows, column, text))


def _parse_hevy_time(rows: Rows, column: str, text: str) -> datetime:
    match = _HEVY_TIME.match(text)
    month = MONTHS.get(match.group(2).lower()) if match else None
    if match is None or month is None:
        rows.fail(column, f"{text!r} is not a time like '15 Sep 2025, 07:48'")
    day, _, year, hour, minute = match.groups()
    try:
        moment = local_time(datetime(int(year), month, int(day), int(hour), int(minute)))
    except ValueError:
        rows.fail(column, f"{text!r} is not a real date")
    except OverflowError:
        rows.fail(column, f"{text!r} is too far in the past or the future")
    return rows.check_moment(column, text, moment)


# ASCII digits only: a duration's digits go to int(), which refuses "²" (str.isdigit() takes it)
_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$", re.ASCII)
_SECONDS = re.compile(r"^(\d+)(?:\.\d*)?$", re.ASCII)


def duration(rows: Rows, column: str, words: dict[str, str] | None = None) -> int | None:
    """`1h 5m`, `45m`, `35min`, `30s` or plain seconds; `words` turns a translated unit
    (`小时`, `分钟`) into h, m or s."""
    text = rows.get(column).lower()
    if not text:
        return None
    return rows.remember(column, text, lambda: _parse_duration(rows, column, text, words))


def _parse_duration(rows: Rows, column: str, text: str, words: dict[str, str] | None) -> int:
    plain = text
    for word, letter in (words or {}).items():
        plain = plain.replace(word, letter + " ")
    plain = plain.strip()
    match = _SECONDS.match(plain) or _DURATION.match(plain)
    if match is None or not any(match.groups()):
        rows.fail(column, f"{shown(text)} is not a duration like '1h 5m' or seconds")
    if any(g and len(g) > MAX_DURATION_DIGITS for g in match.groups()):
        rows.fail(column, f"{shown(text)} has too many digits to be a duration")
    if match.re is _SECONDS:
        return int(match.group(1))
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds  # past a day: a back-filled workout's


def ended(started: datetime, seconds: int | None) -> datetime | None:
    """When a workout of that length ended; None when the length is missing or longer than
    a day (a back-filled workout: its last set says when it ended)."""
    if not seconds or seconds > LONGEST_WORKOUT_S:
        return None
    return started + timedelta(seconds=seconds)


def strength(
    rows: Rows,
    weight_col: str,
    reps_col: str,
    factor: float,
    texts: tuple[str, str] | None = None,
) -> tuple[float, int] | str:
    """Weight in kg and reps (from their cells, or the `texts` read from them), or why the
    row is not a strength set."""
    weight_text, reps_text = texts or (None, None)
    weight = rows.number(weight_col, MAX_IMPORT_KG / factor, 0.0, weight_text)
    reps = rows.whole(reps_col, MAX_IMPORT_REPS, " reps", reps_text)
    if reps is None:
        return "no reps (cardio or timed sets)"
    if reps == 0:
        return "0 reps"
    return (weight or 0.0) * factor, reps
