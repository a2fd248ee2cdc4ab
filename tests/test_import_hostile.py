"""Issue 20, "Nothing lost, nothing injected": files that are odd or hostile. Quotes and
newlines survive a round trip, duplicate or contradictory data is refused with its line and
column, UTF-16 is read, and control characters never reach the database."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest

from gymtui.cli import main
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.errors import ProgramError
from gymtui.importers import GYMTUI_COLUMNS, ImportFileError, parse

from conftest import START
from helpers import db_rows
from test_import import FIXTURES, PROGRAM, open_store

STRONG_HEADER = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;Notes"
STRONG_ROW = "2025-09-15 07:48:00;Legs;Squat (Barbell);1;100;kg;5;"


def write(tmp_path: Path, text: str, name: str = "file.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- 7. quoting: gymtui's own round trip, and doubled quotes whatever the delimiter ------------

NOTES = [
    'felt "easy", go up',
    'felt "easy"',
    "left; right; left",
    "first line\nsecond line",
    'all of it: "a", b; c\nd\te',
    "=1+2",  # the export guards these against spreadsheets; the import takes the guard off
    "-5 kg next time",
    "@home",
    "+1 rep",
]


def test_notes_with_quotes_commas_semicolons_newlines_survive_export_and_import(
    paths: object, tmp_path: Path
) -> None:
    store = open_store(paths)  # type: ignore[arg-type]
    for n, note in enumerate(NOTES):
        when = START + timedelta(minutes=2 * n)
        store.sessions.log_set(SetInput("back_squat", 100, 5, note=note), PROGRAM.days[0], when)
    session_id = store.conn.execute("SELECT id FROM sessions").fetchone()[0]
    store.sessions.set_note(session_id, 'session "one", ok;\nyes')
    store.close()
    first = tmp_path / "first.csv"
    assert main(["export", "-o", str(first)]) == 0
    empty = tmp_path / "empty"
    assert main(["--data-dir", str(empty), "import", str(first)]) == 0
    notes = db_rows(empty / "gymtui.db", "SELECT note FROM sets ORDER BY logged_at")
    assert [n for (n,) in notes] == NOTES
    assert db_rows(empty / "gymtui.db", "SELECT note FROM sessions") == [
        ('session "one", ok;\nyes',)
    ]
    second = tmp_path / "second.csv"
    assert main(["--data-dir", str(empty), "export", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_doubled_quotes_are_one_quote_whatever_the_delimiter(
    tmp_path: Path, delimiter: str
) -> None:
    header = STRONG_HEADER.replace(";", delimiter)
    row = STRONG_ROW.replace(";", delimiter) + '"felt ""easy"""'
    parsed = parse(write(tmp_path, f"{header}\n{row}\n"))
    assert parsed.sessions[0].sets[0].note == 'felt "easy"'


# -- 8. duplicate columns -------------------------------------------------------------------


def test_a_header_with_a_column_twice_is_refused_and_names_it(tmp_path: Path) -> None:
    header = STRONG_HEADER + ";weight"
    path = write(tmp_path, f"{header}\n{STRONG_ROW};200\n")
    with pytest.raises(ImportFileError, match=r"line 1.*'weight'.*twice|'weight'.*twice.*line 1"):
        parse(path)


def test_empty_header_cells_may_repeat(tmp_path: Path) -> None:
    path = write(tmp_path, f"{STRONG_HEADER};;\n{STRONG_ROW};;\n")
    assert parse(path).sessions[0].sets[0].weight_kg == 100


# -- 9. gymtui's own CSV is checked like every other format ----------------------------------


def own_row(**values: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(GYMTUI_COLUMNS, "")
    row.update(
        session_key="gymtui:2025-09-15T07:48:00+00:00",
        session_started_at="2025-09-15T07:48:00+00:00",
        session_finished_at="2025-09-15T08:48:00+00:00",
        session_day_key="A",
        session_day_name="Day A",
        session_source="gymtui",
        exercise_id="back_squat",
        exercise_name="Back squat",
        set_number=1,
        kind="working",
        weight_kg=100,
        reps=5,
        logged_at="2025-09-15T07:50:00+00:00",
    )
    row.update(values)
    return row


def own_file(tmp_path: Path, *rows: dict[str, object]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, GYMTUI_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return write(tmp_path, buffer.getvalue(), "gymtui.csv")


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            {"session_finished_at": "2025-09-15T07:00:00+00:00"},
            "line 3, column 'session_finished_at': '2025-09-15T07:00:00+00:00' is before",
        ),
        ({"logged_at": "2023-09-15T07:50:00+00:00"}, "line 3, column 'logged_at'"),
        ({"logged_at": "2025-09-20T07:50:00+00:00"}, "line 3, column 'logged_at'"),
        ({"set_number": 1}, "line 3, column 'set_number': set 1 of Back squat"),
        ({"exercise_name": "Deadlift"}, "line 3, column 'exercise_name'"),
        ({"session_started_at": "2025-09-15T06:00:00+00:00"}, "line 3, column 'session_started"),
    ],
)
def test_contradictory_own_rows_are_refused_with_line_and_column(
    tmp_path: Path, second: dict[str, object], expected: str
) -> None:
    first = own_row()
    other = own_row(set_number=2, logged_at="2025-09-15T07:53:00+00:00")
    other.update(second)
    if "session_finished_at" in second:
        first.update(second)
        other.update(session_finished_at=second["session_finished_at"])
        expected = expected.replace("line 3", "line 2")
    with pytest.raises(ImportFileError) as problem:
        parse(own_file(tmp_path, first, other))
    assert expected in str(problem.value)


def test_a_hevy_workout_that_ends_before_it_starts_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "hevy_kg.csv").read_text(encoding="utf-8")
    path = write(tmp_path, text.replace('"18 Sep 2025, 19:05"', '"18 Sep 2025, 17:05"', 1))
    with pytest.raises(ImportFileError, match=r"line 2, column 'end_time': .* before"):
        parse(path)


def test_an_open_own_session_and_one_legged_sets_read(tmp_path: Path) -> None:
    rows = [
        own_row(session_finished_at="", set_number=1, side="L"),
        own_row(session_finished_at="", set_number=2, side="R", logged_at="2025-09-15T07:51:00"),
        own_row(
            session_finished_at="",
            exercise_id="deadlift",
            exercise_name="Deadlift",
            set_number=1,
            logged_at="2025-09-15T07:55:00+00:00",
        ),
    ]
    [session] = parse(own_file(tmp_path, *rows)).sessions
    assert [s.set_number for s in session.sets] == [1, 2, 1]


# -- 10. UTF-16 and BOMs --------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_unicode_text_with_a_bom_reads_like_utf8(tmp_path: Path, encoding: str) -> None:
    header = STRONG_HEADER.replace(";", "\t")
    row = STRONG_ROW.replace(";", "\t") + "Genoux ok, 星期二"
    text = f"{header}\r\n{row}\r\n"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    parsed = parse(write(tmp_path, bom + text, encoding=encoding))
    [item] = parsed.sessions[0].sets
    assert (item.exercise_name, item.weight_kg, item.note) == (
        "Squat (Barbell)",
        100,
        "Genoux ok, 星期二",
    )


def test_utf16_without_a_bom_is_still_refused_clearly(tmp_path: Path) -> None:
    path = write(tmp_path, f"{STRONG_HEADER}\n{STRONG_ROW}\n", encoding="utf-16-le")
    with pytest.raises(ImportFileError, match=r"binary data|UTF"):
        parse(path)


def test_a_program_file_with_a_utf8_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "program.toml"
    text = "[[days]]\nkey = 'A'\nexercises = [{ exercise = 'back_squat', sets = 3, reps = 5 }]\n"
    path.write_bytes(text.encode("utf-8-sig"))
    assert load_program(path).days[0].key == "A"


# -- 14. numbers that int() and float() refuse or blow up on ----------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("Duration", "²"),
        ("Duration", "9" * 400),
        ("Duration", "9" * 400 + ".5"),
        ("Duration", "9" * 5000 + "h"),
        ("Duration", "1h ²m"),
        ("Set Order", "²"),
        ("Weight", "1e400"),
        ("Reps", "9" * 400),
    ],
    ids=[
        "superscript",
        "400 nines",
        "400 nines.5",
        "5000 digit hours",
        "1h ²m",
        "set ²",
        "1e400",
        "400 nine reps",
    ],
)
def test_odd_digits_and_huge_numbers_get_a_line_numbered_message(
    tmp_path: Path, column: str, value: str
) -> None:
    header = STRONG_HEADER + ";Duration"
    cells = dict(zip(header.split(";"), (STRONG_ROW + ";45m").split(";"), strict=True))
    cells[column] = value
    path = write(tmp_path, f"{header}\n{';'.join(cells.values())}\n")
    with pytest.raises(ImportFileError, match=f"line 2, column '{column}'"):
        parse(path)


def test_a_huge_duration_is_a_backfilled_workout_not_a_crash(tmp_path: Path) -> None:
    header = STRONG_HEADER + ";Duration"
    path = write(tmp_path, f"{header}\n{STRONG_ROW};{'9' * 9}\n")
    [session] = parse(path).sessions
    assert session.finished_at == session.sets[-1].logged_at


# -- 18. control characters in imported text -------------------------------------------------


def test_escape_sequences_never_reach_the_database_but_newlines_and_tabs_do(
    paths: object, tmp_path: Path
) -> None:
    header = STRONG_HEADER + ";Workout Notes"
    row = (
        '2025-09-15 07:48:00;"Legs\x1b[2J\x07";"Squat\x1b]0;x\x07";1;100;kg;5;'
        '"red\x1b[31m\ttab\r\nnext\x9b1m\u202eevil";"work\x08out\x1b[0m"'
    )
    path = write(tmp_path, f"{header}\n{row}\n")
    store = open_store(paths)  # type: ignore[arg-type]
    store.imports.write(parse(path))
    [(name, note)] = db_rows(paths.database, "SELECT day_name, note FROM sessions")  # type: ignore[attr-defined]
    [(set_note,)] = db_rows(paths.database, "SELECT note FROM sets")  # type: ignore[attr-defined]
    for text in (name, note, set_note):
        assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in text), repr(text)
        assert "\x9b" not in text and "\u202e" not in text and "\x7f" not in text
    assert set_note == "red[31m\ttab\nnext1mevil"
    assert note == "workout[0m"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x" * 201, "line 2, column 'Exercise Name': 'xxxx"),
        ("\x1b\x07", "line 2, column 'Exercise Name': holds only control characters"),
    ],
    ids=["201 characters", "only controls"],
)
def test_exercise_names_that_cannot_be_kept_are_refused(
    tmp_path: Path, name: str, expected: str
) -> None:
    row = STRONG_ROW.replace("Squat (Barbell)", f'"{name}"')
    with pytest.raises(ImportFileError, match=re.escape(expected)):
        parse(write(tmp_path, f"{STRONG_HEADER}\n{row}\n"))


def test_a_long_name_from_another_app_is_kept(tmp_path: Path) -> None:
    name = "Single Leg Romanian Deadlift (Dumbbell), alternating, 3 s pause"  # 63 characters
    row = STRONG_ROW.replace("Squat (Barbell)", f'"{name}"')
    [session] = parse(write(tmp_path, f"{STRONG_HEADER}\n{row}\n")).sessions
    assert session.sets[0].exercise_name == name


def test_control_characters_in_own_files_are_stripped(tmp_path: Path) -> None:
    row = own_row(
        session_key="gymtui:\x1b[2J2025",
        session_day_name="Day\x1b[2J A",
        session_note="a\x1b[31mb\nc",
        session_day_key="A\x07",
        note="x\x1b]52;c;Zm9v\x07y",
    )
    [session] = parse(own_file(tmp_path, row)).sessions
    assert (session.name, session.note, session.day_key) == ("Day [2J A", "a[31mb\nc", "A")
    assert session.key == "gymtui:[2J2025"
    assert session.sets[0].note == "x]52;c;Zm9vy"


# -- 19. the export's formula guard is undone on import --------------------------------------


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("'=1+2", "=1+2"),
        ("'+cmd", "+cmd"),
        ("'-5 kg felt ok", "-5 kg felt ok"),
        ("'@SUM(A1)", "@SUM(A1)"),
        ("'quoted'", "'quoted'"),
        ("it's fine", "it's fine"),
    ],
)
def test_the_formula_guard_quote_is_removed_from_own_cells(
    tmp_path: Path, cell: str, stored: str
) -> None:
    row = own_row(note=cell, session_note=cell, session_day_name=cell)
    [session] = parse(own_file(tmp_path, row)).sessions
    assert (session.sets[0].note, session.note, session.name) == (stored, stored, stored)


# -- 20. program file limits -----------------------------------------------------------------

DAY = "[[days]]\nkey = 'A'\nexercises = [{ exercise = 'back_squat', sets = 3, reps = 5 }]\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[exercises.my_squat]\nname = 'back  SQUAT'\n" + DAY,
            "line 2: exercise 'my_squat': 'name' 'back SQUAT' is the name of another exercise",
        ),
        (
            "[exercises.a]\nname = 'Sissy squat'\n[exercises.b]\nname = 'Sissy Squat'\n" + DAY,
            "line 4: exercise 'b': 'name' 'Sissy Squat' is the name of another exercise",
        ),
        ("[exercises.a]\nname = '  '\n" + DAY, "line 2: exercise 'a': 'name' is empty"),
        (
            "[exercises.a]\nname = '" + "x" * 100_000 + "'\n" + DAY,
            "line 2: exercise 'a': 'name' must be at most 60 characters (it has 100000)",
        ),
        ("[exercises.\"\"]\nname = 'Sissy squat'\n" + DAY, "line 1: exercise '': the id"),
        (DAY.replace("key = 'A'", "key = ' '"), "line 2: day 1: 'key' is empty"),
        (DAY + "name = ''\n", "line 4: day 1 ('A'): 'name' is empty"),
        (DAY + "name = '" + "d" * 61 + "'\n", "line 4: day 1 ('A'): 'name' must be at most 60"),
        (DAY + "focus = '" + "f" * 121 + "'\n", "line 4: day 1 ('A'): 'focus' must be at most 120"),
        ("# mine\n\n" + DAY.replace("sets = 3", "sets = 0"), "line 5: day 1 ('A'), exercise 1:"),
        ("name = ''\n" + DAY, "line 1: top level: 'name' is empty"),
    ],
    ids=[
        "builtin name",
        "two names",
        "empty",
        "100k",
        "empty id",
        "empty key",
        "empty day name",
        "long day name",
        "long focus",
        "day error",
        "empty program name",
    ],
)
def test_program_names_are_checked_like_the_exercise_editor(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "program.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProgramError) as problem:
        load_program(path)
    assert f"{path}, {expected}" in str(problem.value)


def test_program_names_are_tidied(tmp_path: Path) -> None:
    path = tmp_path / "program.toml"
    text = '[exercises.a]\nname = "Sissy\\u001b[31m  squat"\n' + DAY + 'name = "Day\\tA"\n'
    path.write_text(text, encoding="utf-8")
    program = load_program(path)
    assert program.exercises["a"].name == "Sissy [31m squat"
    assert program.days[0].name == "Day A"


# -- 11. the file is read line by line, never held whole --------------------------------------


def test_a_large_file_is_never_all_in_memory(tmp_path: Path) -> None:
    import tracemalloc

    row = "2025-09-15 07:48:00;Legs;Squat (Barbell);Rest Timer;0;kg;0;" + "r" * 40
    path = write(tmp_path, STRONG_HEADER + "\n" + (row + "\n") * 25_000)
    size = path.stat().st_size
    tracemalloc.start()
    try:
        parsed = parse(path, progress=lambda done, total: None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert parsed.skipped == {"rest timer rows (not sets)": 25_000}
    assert peak < size / 2, f"{peak:,} bytes at the peak for a {size:,}-byte file"


def test_a_bad_byte_far_into_the_file_names_about_where_and_closes_it(tmp_path: Path) -> None:
    import os

    rows = (STRONG_ROW + "\n") * 3000
    path = tmp_path / "bad.csv"
    path.write_bytes((STRONG_HEADER + "\n" + rows).encode() + b"\xff\xfe oops\n")
    with pytest.raises(ImportFileError, match=r"near line \d+: not UTF-8 text"):
        parse(path)
    fds = Path("/proc/self/fd")
    if fds.exists():
        assert not any(os.path.realpath(fd) == str(path) for fd in fds.iterdir())
