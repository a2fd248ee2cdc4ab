"""Reading Strong, Hevy, FitNotes and gymtui's own CSV exports into sessions (no database here).

Columns are matched by header name, never by position; a UTF-8 BOM is stripped and the
delimiter sniffed. Every problem is an ImportFileError naming the file, line and column.
"""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Literal, NoReturn

from gymtui.errors import GymtuiError
from gymtui.models import SET_KINDS, SetKind, Side
from gymtui.values import KG_PER_LB

Format = Literal["strong", "hevy", "fitnotes", "gymtui"]
FORMATS: tuple[Format, ...] = ("strong", "hevy", "fitnotes", "gymtui")
MAX_IMPORT_KG = 1000.0  # a loaded leg press can pass the 500 kg a person may type by hand
MAX_IMPORT_REPS = 1000
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
GYMTUI_COLUMNS = (
    "session_key",
    "session_started_at",
    "session_finished_at",
    "session_day_key",
    "session_day_name",
    "session_source",
    "session_note",
    "exercise_id",
    "exercise_name",
    "set_number",
    "kind",
    "weight_kg",
    "reps",
    "rpe",
    "note",
    "side",
    "logged_at",
    "rest_taken_s",
)


class ImportFileError(GymtuiError):
    """The file cannot be imported; nothing was written."""


@dataclass(frozen=True)
class ImportedSet:
    """One set read from a file."""

    exercise_name: str
    kind: SetKind
    weight_kg: float
    reps: int
    logged_at: datetime
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
    rest_taken_s: int | None = None
    exercise_id: str | None = None  # gymtui's own export names it


@dataclass
class ImportedSession:
    """A workout read from a file, with the key that makes a second import a no-op."""

    key: str
    started_at: datetime
    name: str
    finished_at: datetime | None = None
    day_key: str | None = None
    note: str | None = None
    sets: list[ImportedSet] = field(default_factory=list)


@dataclass
class ParsedFile:
    """Everything read from a file, and what was skipped and why."""

    format: Format
    sessions: list[ImportedSession]
    skipped: Counter[str]
    rows: int


def normalise_name(name: str) -> str:
    """Lower case with spaces squeezed: how exercise names are compared."""
    return " ".join(name.lower().split())


def aliases() -> dict[str, str]:
    """Other apps' exercise names mapped onto the catalogue."""
    text = resources.files("gymtui.data").joinpath("aliases.toml").read_text(encoding="utf-8")
    return {normalise_name(k): v for k, v in tomllib.loads(text)["aliases"].items()}


class _Rows:
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

    def __iter__(self) -> Iterator[_Rows]:
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


def detect(rows: _Rows) -> Format:
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
    rows = _Rows(path, text)
    found = detect(rows)
    if source is not None and source != found:
        raise ImportFileError(f"{path}: --from {source} was given, but this is a {found} export.")
    total_lines = text.count("\n") or 1
    reader = {
        "strong": _strong,
        "hevy": _hevy,
        "fitnotes": _fitnotes,
        "gymtui": _gymtui,
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


# -- units, dates, durations -------------------------------------------------------------


def _unit_factor(rows: _Rows, column: str, text: str) -> float:
    unit = text.strip().lower().rstrip(".")
    if unit in ("kg", "kgs", "kilograms"):
        return 1.0
    if unit in ("lb", "lbs", "pounds"):
        return KG_PER_LB
    rows.fail(column, f"unknown weight unit {text!r} (kg or lbs)")


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo is None else moment


def _iso_date(rows: _Rows, column: str, with_time: bool) -> datetime:
    text = rows.get(column, required=True)
    known = rows.memo.get((column, text))
    if isinstance(known, datetime):
        return known
    parsed = _parse_iso_date(rows, column, text, with_time)
    rows.memo[(column, text)] = parsed
    return parsed


def _parse_iso_date(rows: _Rows, column: str, text: str, with_time: bool) -> datetime:
    formats = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S") if with_time else ()
    for fmt in (*formats, "%Y-%m-%d"):
        try:
            return _local(datetime.strptime(text, fmt))
        except ValueError:
            continue
    rows.fail(column, f"{text!r} is not a date like 2025-09-15 07:48:00")


_HEVY_TIME = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})$")


def _hevy_time(rows: _Rows, column: str, required: bool = True) -> datetime | None:
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
        return _local(datetime(int(year), month, int(day), int(hour), int(minute)))
    except ValueError:
        rows.fail(column, f"{text!r} is not a real date")


_DURATION = re.compile(r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$")


def _duration(rows: _Rows, column: str) -> int | None:
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


def _parse_duration(rows: _Rows, column: str, text: str) -> int:
    if text.replace(".", "", 1).isdigit():
        return int(float(text))
    match = _DURATION.match(text)
    if match is None or not any(match.groups()):
        rows.fail(column, f"{text!r} is not a duration like '1h 5m' or seconds")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _strength(
    rows: _Rows, weight_col: str, reps_col: str, factor: float, skipped: Counter[str]
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


# -- the formats -------------------------------------------------------------------------


def _strong(
    rows: _Rows,
    unit: str | None,
    sessions: dict[str, ImportedSession],
    skipped: Counter[str],
    tick: Callable[[], None],
) -> None:
    weight_col = next(
        (h for h in rows.header if normalise_name(h).startswith("weight (")), "Weight"
    )
    header_unit = re.search(r"\((\w+)\)", weight_col)
    if rows.has("weight unit"):
        fixed = None
    elif header_unit:
        fixed = _unit_factor(rows, weight_col, header_unit.group(1))
    elif unit in ("kg", "lb"):
        fixed = 1.0 if unit == "kg" else KG_PER_LB
    else:
        raise ImportFileError(
            f"{rows.path}: this Strong export does not say whether weights are kg or lb; "
            "run the import again with --unit kg or --unit lb."
        )
    duration_col = (
        "Duration (sec)"
        if rows.has("duration (sec)")
        else ("Workout Duration" if rows.has("workout duration") else "Duration")
    )
    order_in: Counter[str] = Counter()
    for row in rows:
        tick()
        started = _iso_date(row, "Date", with_time=True)
        name = row.get("Workout Name") or "Strong workout"
        number = row.get("Workout #")
        key = f"strong:{started.isoformat()}:{number or name}"
        duration = _duration(row, duration_col)
        order = row.get("Set Order", required=True)
        exercise = row.get("Exercise Name", required=True)

        if key not in sessions:
            finished = started + timedelta(seconds=duration) if duration else None
            sessions[key] = ImportedSession(
                key, started, name, finished, note=row.get("Workout Notes") or None
            )
        if order.lower() == "rest timer":
            skipped["rest timer rows (not sets)"] += 1
            continue
        if order.lower() == "note":
            text = row.get("Notes")
            if text:
                session = sessions[key]
                line = f"{exercise}: {text}"
                session.note = f"{session.note}\n{line}" if session.note else line
            skipped["note rows (kept as session notes)"] += 1
            continue
        kinds: dict[str, SetKind] = {"w": "warmup", "d": "drop", "f": "failure"}
        if order.isdigit():
            kind: SetKind = "working"
        elif order.lower() in kinds:
            kind = kinds[order.lower()]
        else:
            row.fail("Set Order", f"{order!r} is not a set number, W, D, F, Note or Rest Timer")
        factor = (
            fixed
            if fixed is not None
            else _unit_factor(row, "Weight Unit", row.get("Weight Unit") or "kg")
        )
        strength = _strength(row, weight_col, "Reps", factor, skipped)
        if strength is None:
            continue
        order_in[key] += 1
        sessions[key].sets.append(
            ImportedSet(
                exercise,
                kind,
                strength[0],
                strength[1],
                started + timedelta(seconds=order_in[key]),
                rpe=row.rpe("RPE"),
                note=row.get("Notes") or None,
            ),
        )


def _hevy(
    rows: _Rows,
    unit: str | None,
    sessions: dict[str, ImportedSession],
    skipped: Counter[str],
    tick: Callable[[], None],
) -> None:
    if rows.has("weight_kg"):
        weight_col, factor = "weight_kg", 1.0
    elif rows.has("weight_lbs"):
        weight_col, factor = "weight_lbs", KG_PER_LB
    else:
        raise ImportFileError(
            f"{rows.path}: this Hevy export has no weight_kg or weight_lbs column."
        )
    kinds: dict[str, SetKind] = {
        "normal": "working",
        "warmup": "warmup",
        "dropset": "drop",
        "failure": "failure",
    }
    order_in: Counter[str] = Counter()
    noted: set[tuple[str, str]] = set()
    for row in rows:
        tick()
        started = _hevy_time(row, "start_time")
        assert started is not None
        title = row.get("title") or "Hevy workout"
        key = f"hevy:{started.isoformat()}:{title}"
        set_type = row.get("set_type").lower() or "normal"
        if set_type not in kinds:
            row.fail("set_type", f"{set_type!r} is not normal, warmup, dropset or failure")
        strength = _strength(row, weight_col, "reps", factor, skipped)
        if strength is None:
            continue
        exercise = row.get("exercise_title", required=True)
        finished = _hevy_time(row, "end_time", required=False)
        description = row.get("description") or None
        note = row.get("exercise_notes") or None
        if note and (key, exercise) in noted:
            note = None  # an exercise note repeats on every row: keep it once
        elif note:
            noted.add((key, exercise))
        order_in[key] += 1
        if key not in sessions:
            sessions[key] = ImportedSession(key, started, title, finished, note=description)
        sessions[key].sets.append(
            ImportedSet(
                exercise,
                kinds[set_type],
                strength[0],
                strength[1],
                started + timedelta(seconds=order_in[key]),
                rpe=row.rpe("rpe"),
                note=note,
            ),
        )


def _fitnotes(
    rows: _Rows,
    unit: str | None,
    sessions: dict[str, ImportedSession],
    skipped: Counter[str],
    tick: Callable[[], None],
) -> None:
    weight_col = next((h for h in rows.header if normalise_name(h).startswith("weight")), "Weight")
    header_unit = re.search(r"\((\w+)\)", weight_col)
    order_in: Counter[str] = Counter()
    for row in rows:
        tick()
        day = _iso_date(row, "Date", with_time=False)
        key = f"fitnotes:{day.date().isoformat()}"
        if header_unit:
            factor = _unit_factor(row, weight_col, header_unit.group(1))
        else:
            factor = _unit_factor(row, "Weight Unit", row.get("Weight Unit") or unit or "kgs")
        if row.get("Category").lower() == "cardio" and not row.get("Reps"):
            skipped["cardio rows"] += 1
            continue
        strength = _strength(row, weight_col, "Reps", factor, skipped)
        if strength is None:
            continue
        order_in[key] += 1
        if key not in sessions:
            sessions[key] = ImportedSession(key, day, "FitNotes workout")
        sessions[key].sets.append(
            ImportedSet(
                row.get("Exercise", required=True),
                "working",
                strength[0],
                strength[1],
                day + timedelta(seconds=order_in[key]),
                note=row.get("Comment") or None,
            ),
        )


def _gymtui(
    rows: _Rows,
    unit: str | None,
    sessions: dict[str, ImportedSession],
    skipped: Counter[str],
    tick: Callable[[], None],
) -> None:
    def moment(column: str, required: bool = True) -> datetime | None:
        text = row.get(column, required=required)
        if not text:
            return None
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            row.fail(column, f"{text!r} is not an ISO-8601 time")

    for row in rows:
        tick()
        started = moment("session_started_at")
        assert started is not None
        logged = moment("logged_at")
        assert logged is not None
        kind_text = row.get("kind", required=True)
        kind = next((k for k in SET_KINDS if k == kind_text), None)
        if kind is None:
            row.fail("kind", f"{kind_text!r} is not one of {', '.join(SET_KINDS)}")
        side_text = row.get("side")
        side: Side | None = "L" if side_text == "L" else "R" if side_text == "R" else None
        if side_text and side is None:
            row.fail("side", f"{side_text!r} is not L or R")
        weight = row.number("weight_kg", MAX_IMPORT_KG)
        if weight is None:
            row.fail("weight_kg", "is missing")
        reps = row.reps("reps")
        if not reps:
            row.fail("reps", "is missing")
        rest = row.number("rest_taken_s", 10**7)
        day_key = row.get("session_day_key") or None
        key = row.get("session_key", required=True)
        if key not in sessions:
            sessions[key] = ImportedSession(
                key,
                started,
                row.get("session_day_name") or "Session",
                moment("session_finished_at", required=False),
                day_key,
                row.get("session_note") or None,
            )
        sessions[key].sets.append(
            ImportedSet(
                row.get("exercise_name", required=True),
                kind,
                weight,
                reps,
                logged,
                rpe=row.rpe("rpe"),
                note=row.get("note") or None,
                side=side,
                rest_taken_s=int(rest) if rest is not None else None,
                exercise_id=row.get("exercise_id") or None,
            ),
        )
