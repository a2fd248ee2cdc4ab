"""Importing Strong, Hevy and FitNotes exports; exporting; backing up."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gymtui.cli import main
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.gym import Gym
from gymtui.importers import ImportFileError, parse
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import START, FakeClock
from helpers import db_rows

FIXTURES = Path(__file__).parent / "fixtures"
PROGRAM = load_program()
LB = 0.45359237


def open_store(paths: Paths) -> Store:
    store = Store.open(paths.database)
    store.exercises.sync(PROGRAM.exercises.values())
    return store


def run_import(paths: Paths, name: str, **options: object) -> tuple[Store, object]:
    store = open_store(paths)
    parsed = parse(FIXTURES / name, **options)  # type: ignore[arg-type]
    return store, store.imports.write(parsed)


def sets_of(store: Store) -> list[tuple[object, ...]]:
    rows = store.conn.execute(
        "SELECT e.name, t.kind, round(t.weight_kg, 3), t.reps, t.rpe, t.note FROM sets t "
        "JOIN exercises e ON e.id = t.exercise_id ORDER BY t.logged_at, t.id"
    ).fetchall()
    return [tuple(row) for row in rows]


def test_strong_comma_with_bom_crlf_notes_and_pseudo_rows(paths: Paths) -> None:
    store, summary = run_import(paths, "strong_comma.csv", unit="kg")
    assert summary.sessions_added == 2  # type: ignore[attr-defined]
    assert sets_of(store)[:6] == [
        ("Back squat", "warmup", 60.0, 8, None, None),
        ("Back squat", "working", 100.0, 6, 8.0, "Belt on, fast"),
        ("Back squat", "working", 100.0, 6, 8.5, None),
        ("Back squat", "drop", 80.0, 10, None, None),
        ("Romanian deadlift", "working", 90.0, 10, None, None),
        ("Romanian deadlift", "failure", 90.0, 7, 10.0, None),
    ]
    assert summary.skipped == {  # type: ignore[attr-defined]
        "rest timer rows (not sets)": 1,
        "note rows (kept as session notes)": 1,
        "no reps (cardio or timed sets)": 1,
    }
    assert summary.created == ["Cossack Squat"]  # type: ignore[attr-defined]
    [note] = db_rows(paths.database, "SELECT note FROM sessions WHERE day_name = 'Legs, heavy'")
    assert note == ("Felt good, slept well\nSquat (Barbell): Knees caved on the last rep",)
    started, finished = db_rows(
        paths.database, "SELECT started_at, finished_at FROM sessions ORDER BY started_at"
    )[0]
    assert finished > started  # 1h 5m after the start


def test_strong_comma_needs_a_unit() -> None:
    with pytest.raises(ImportFileError, match="--unit kg or --unit lb"):
        parse(FIXTURES / "strong_comma.csv")


def test_strong_semicolon_with_unit_column(paths: Paths) -> None:
    store, _ = run_import(paths, "strong_semicolon.csv")
    assert sets_of(store) == [
        ("Back squat", "warmup", round(135 * LB, 3), 8, None, None),
        ("Back squat", "working", round(225 * LB, 3), 5, 8.0, None),
        ("Seated calf raise", "working", 102.5, 15, None, "Pause; 2 s"),
    ]


@pytest.mark.parametrize(
    ("name", "factor"), [("strong_quoted_kg.csv", 1), ("strong_quoted_lbs.csv", LB)]
)
def test_strong_quoted_with_unit_in_header(paths: Paths, name: str, factor: float) -> None:
    store, summary = run_import(paths, name)
    assert summary.sessions_added == 2  # type: ignore[attr-defined]
    assert sets_of(store)[0] == ("Deadlift", "working", round(140 * factor, 3), 5, None, None)
    assert summary.matched["Lying Leg Curl (Machine)"] == "Hamstring curl"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "factor"), [("hevy_kg.csv", 1), ("hevy_lbs.csv", LB)])
def test_hevy_newest_first_with_set_types(paths: Paths, name: str, factor: float) -> None:
    store, summary = run_import(paths, name)
    assert summary.sessions_added == 2  # type: ignore[attr-defined]
    assert [(s[0], s[1], s[2]) for s in sets_of(store)] == [
        ("Back squat", "working", round(100 * factor, 3)),
        ("Back squat", "failure", round(100 * factor, 3)),
        ("Front squat", "warmup", round(40 * factor, 3)),
        ("Front squat", "working", round(70 * factor, 3)),
        ("Front squat", "drop", round(60 * factor, 3)),
    ]
    notes = [s[5] for s in sets_of(store)]
    assert notes.count("Elbows up, chest tall") == 1
    assert db_rows(paths.database, "SELECT note FROM sessions ORDER BY started_at")[0] == (
        "Heavy day",
    )
    assert summary.skipped == {"no reps (cardio or timed sets)": 1}  # type: ignore[attr-defined]


def test_hevy_month_names_do_not_depend_on_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    with pytest.raises(locale.Error):
        locale.setlocale(locale.LC_TIME, "xx_XX.UTF-8")
    parsed = parse(FIXTURES / "hevy_kg.csv")
    assert parsed.sessions[0].started_at.strftime("%Y-%m-%d %H:%M") == "2025-09-15 07:48"


def test_fitnotes_both_forms(paths: Paths) -> None:
    store, summary = run_import(paths, "fitnotes.csv")
    assert summary.sessions_added == 2  # type: ignore[attr-defined]
    assert sets_of(store)[-1] == ("Leg press", "working", round(440 * LB, 3), 10, None, None)
    assert summary.skipped == {"cardio rows": 1}  # type: ignore[attr-defined]
    old = parse(FIXTURES / "fitnotes_old.csv")
    assert [(s.exercise_name, s.weight_kg) for s in old.sessions[0].sets] == [
        ("Barbell Squat", 100.0),
        ("Seated Calf Raise", 50.0),
    ]


def test_importing_twice_adds_nothing(paths: Paths) -> None:
    store, _ = run_import(paths, "hevy_kg.csv")
    before = sets_of(store)
    again = store.imports.write(parse(FIXTURES / "hevy_kg.csv"))
    assert again.sessions_added == 0 and again.sessions_already == 2
    assert sets_of(store) == before


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (('100,6,0,0,"Belt', 'abc,6,0,0,"Belt'), "line 3, column 'Weight': 'abc' is not a number"),
        (("Squat (Barbell),2,", "Squat (Barbell),X,"), "line 4, column 'Set Order': 'X' is not"),
        (("2025-09-18 18:02:00", "18/09/2025"), "line 11, column 'Date': '18/09/2025'"),
        (("100,6,0,0,,,8.5", "100,6.5,0,0,,,8.5"), "line 4, column 'Reps': 6.5 reps"),
        (("Legs B,3900,Leg Press", "Legs B,forever,Leg Press"), "column 'Duration'"),
    ],
)
def test_malformed_file_names_line_and_column_and_changes_nothing(
    paths: Paths, tmp_path: Path, replace: tuple[str, str], expected: str
) -> None:
    store, _ = run_import(paths, "hevy_kg.csv")
    before = sets_of(store)
    text = (FIXTURES / "strong_comma.csv").read_bytes().decode("utf-8-sig")
    assert replace[0] in text
    bad = tmp_path / "bad.csv"
    bad.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")
    with pytest.raises(ImportFileError) as problem:
        store.imports.write(parse(bad, unit="kg"))
    assert expected in str(problem.value)
    assert sets_of(store) == before


VALID = (FIXTURES / "strong_semicolon.csv").read_text(encoding="utf-8")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(min_value=0, max_value=len(VALID)),
    junk=st.text(alphabet=st.sampled_from(list(';,"\n\r x1.-Wkglbs\x00é')), max_size=12),
    at=st.integers(min_value=0, max_value=len(VALID)),
)
def test_damaged_files_raise_only_the_import_error_and_never_half_import(
    tmp_path_factory: pytest.TempPathFactory, cut: int, junk: str, at: int
) -> None:
    folder = tmp_path_factory.mktemp("damaged")
    damaged = VALID[:at] + junk + VALID[at:]
    damaged = damaged[: max(cut, len(damaged) // 2)]
    path = folder / "damaged.csv"
    path.write_text(damaged, encoding="utf-8")
    store = Store.open(folder / "gymtui.db")
    store.exercises.sync(PROGRAM.exercises.values())
    try:
        parsed = parse(path)
    except ImportFileError as problem:
        assert str(path) in str(problem)
        assert store.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 0
        return
    summary = store.imports.write(parsed)
    written = store.conn.execute("SELECT count(*) FROM sets").fetchone()[0]
    assert written == sum(len(s.sets) for s in parsed.sessions)
    assert summary.sessions_added == store.history.session_count()


def test_imported_history_feeds_today(paths: Paths, clock: object) -> None:
    store, _ = run_import(paths, "strong_quoted_kg.csv")
    gym = Gym(store, PROGRAM, FakeClock())
    # the last imported leg day (a hamstring curl) was Day A's work: the rotation says B
    assert gym.refresh().day.key == "B"
    gym.choose_day("A")
    view = gym.refresh()
    deadlift = [r for r in view.rows if r.exercise.id == "deadlift"]
    assert deadlift[0].last_time is not None
    assert (deadlift[0].last_time.weight_kg, deadlift[0].last_time.reps) == (140, 5)


def export_import_export(tmp_path: Path) -> tuple[bytes, bytes]:
    """Export the data folder, import that into an empty folder, export again: both files."""
    first = tmp_path / "first.csv"
    assert main(["export", "-o", str(first)]) == 0
    empty = tmp_path / "empty"
    assert main(["--data-dir", str(empty), "import", str(first)]) == 0
    second = tmp_path / "second.csv"
    assert main(["--data-dir", str(empty), "export", "-o", str(second)]) == 0
    return first.read_bytes(), second.read_bytes()


def test_export_round_trip_gives_the_same_sets(paths: Paths, tmp_path: Path) -> None:
    store, _ = run_import(paths, "strong_comma.csv", unit="kg")
    store.sessions.log_set(
        SetInput("back_squat", 102.5, 5, rpe=9, note="new"), PROGRAM.days[0], START
    )
    store.sessions.log_set(
        SetInput("back_squat", 102.5, 5), PROGRAM.days[0], START + timedelta(minutes=3)
    )
    store.close()
    first, second = export_import_export(tmp_path)
    assert first == second
    before = db_rows(paths.database, "SELECT count(*) FROM sets")
    assert before == [(10,)]
    assert main(["import", str(tmp_path / "first.csv")]) == 0  # into its own file: nothing new
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == before


def test_export_json_has_the_documented_columns(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(paths)
    store.sessions.log_set(SetInput("deadlift", 140, 5), PROGRAM.days[0], START)
    store.close()
    assert main(["export", "--format", "json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (
        row["exercise_name"] == "Deadlift" and row["weight_kg"] == 140 and row["kind"] == "working"
    )
    assert list(row)[:3] == ["session_key", "session_started_at", "session_finished_at"]
    reader = csv.DictReader(io.StringIO("session_key\n"))
    assert reader.fieldnames == ["session_key"]


def test_dry_run_writes_nothing(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(FIXTURES / "hevy_kg.csv"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Would import 2 sessions")
    assert "dry run: nothing was written" in out
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]


def test_backup_is_a_consistent_copy_while_another_connection_writes(
    paths: Paths, tmp_path: Path
) -> None:
    store = open_store(paths)
    store.sessions.log_set(SetInput("deadlift", 140, 5), PROGRAM.days[0], START)
    other = sqlite3.connect(paths.database)  # the app, open in another terminal, mid-write
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE sets SET reps = 99")
    target = tmp_path / "copy.db"
    assert main(["backup", str(target)]) == 0
    other.rollback()
    other.close()
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT reps FROM sets").fetchall() == [(5,)]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
    assert main(["backup", str(target)]) == 2  # never overwrites


def test_export_import_export_is_identical_after_a_deleted_set(
    paths: Paths, tmp_path: Path
) -> None:
    store = open_store(paths)
    for minute in range(4):
        store.sessions.log_set(
            SetInput("back_squat", 100 + minute, 6),
            PROGRAM.days[0],
            START + timedelta(minutes=3 * minute),
        )
    second = store.conn.execute("SELECT id FROM sets ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
    store.sessions.delete_set(second)
    store.close()
    assert db_rows(paths.database, "SELECT set_number, weight_kg FROM sets ORDER BY id") == [
        (1, 100.0),
        (2, 102.0),
        (3, 103.0),
    ]
    first, second = export_import_export(tmp_path)
    assert first == second


def test_set_numbers_in_a_file_are_kept_as_they_are(paths: Paths, tmp_path: Path) -> None:
    store = open_store(paths)
    for minute in range(3):
        store.sessions.log_set(
            SetInput("deadlift", 140, 5), PROGRAM.days[0], START + timedelta(minutes=minute)
        )
    store.conn.execute("UPDATE sets SET set_number = set_number * 2")  # gaps from an old gymtui
    store.close()
    first, second = export_import_export(tmp_path)
    assert first == second
