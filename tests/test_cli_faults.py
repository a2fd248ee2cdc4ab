"""The command line when things go wrong: full disks, closed pipes, Ctrl-C, empty files, escape
bytes, formulas, other users and symlinks. Nothing lost, nothing injected, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gymtui.cli import crash_report, main
from gymtui.core.exercises import ExerciseEdit
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import START
from helpers import on_a_terminal

FIXTURE = Path(__file__).parent / "fixtures" / "strong_2016_kg.csv"
EVIL_NOTE = "\x1b]0;owned\x07\x1b[2J\u009b31m\u202eton"
EVIL_NAME = "\x1b[31mRed Squat"


def cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "gymtui", *args],
        capture_output="stdout" not in kwargs,
        text=True,
        timeout=120,
        **kwargs,
    )


def strong_file(path: Path, rows: int) -> Path:
    """A Strong export of `rows` sets, 25 a day, all in the past."""
    start = datetime(2025, 1, 1, 7, 30) - timedelta(days=rows // 25 + 1)
    lines = ["Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes"]
    for n in range(rows):
        when = (start + timedelta(days=n // 25)).strftime("%Y-%m-%d %H:%M:%S")
        lines.append(f'{when},"Legs","Squat (Barbell)",{n % 25 + 1},{60 + n % 40},5,0,0,""')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(database: Path) -> tuple[int, int]:
    conn = sqlite3.connect(database)
    try:
        return (
            conn.execute("SELECT count(*) FROM sessions").fetchone()[0],
            conn.execute("SELECT count(*) FROM sets").fetchone()[0],
        )
    finally:
        conn.close()


@pytest.fixture
def logged(paths: Paths) -> Paths:
    """A database with a few imported sessions."""
    assert main(["import", str(FIXTURE)]) == 0
    return paths


@pytest.fixture
def evil(paths: Paths) -> Paths:
    """A database whose user text holds escape bytes and spreadsheet formulas."""
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    made = store.exercises.create(ExerciseEdit(EVIL_NAME))
    store.sessions.log_set(SetInput(made.id, 100, 5, note=EVIL_NOTE), program.days[0], START)
    for n, note in enumerate(['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]):
        store.sessions.log_set(
            SetInput("back_squat", 100, 5, note=note), program.days[0], START + timedelta(minutes=n)
        )
    store.close()
    return paths


# -- 2. every write checked; a closed pipe is not a crash ---------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_to_a_full_disk_exits_2_with_a_message(logged: Paths, fmt: str) -> None:
    with open("/dev/full", "w") as full:
        done = cli("export", "--format", fmt, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert "gymtui: cannot write the export" in done.stderr
    assert "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr


def test_where_to_a_full_disk_exits_2(paths: Paths) -> None:
    with open("/dev/full", "w") as full:
        done = cli("where", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert "No space left on device" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_import_whose_summary_cannot_be_written_says_it_is_saved(paths: Paths) -> None:
    with open("/dev/full", "w") as full:
        done = cli("import", str(FIXTURE), stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert "the import itself is saved" in done.stderr and "No space left" in done.stderr
    assert counts(paths.database) == (1, 3)


def test_export_into_a_pipe_closed_early_ends_quietly(paths: Paths, tmp_path: Path) -> None:
    assert main(["import", str(strong_file(tmp_path / "big.csv", 3000))]) == 0
    done = subprocess.run(
        f"'{sys.executable}' -m gymtui export | head -3",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr == ""


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "json"], ["where"]])
def test_output_into_a_closed_pipe_is_not_a_crash(logged: Paths, command: list[str]) -> None:
    reading, writing = os.pipe()
    os.close(reading)  # the reader is gone before gymtui writes a byte: every write fails
    try:
        done = cli(*command, stdout=writing, stderr=subprocess.PIPE)
    finally:
        os.close(writing)
    assert done.stderr == ""
    assert done.returncode == 1  # Python's own recipe: quiet, but not a success
    assert not (logged.data_dir / "crashes").exists()


def test_a_closed_standard_output_is_a_message(paths: Paths) -> None:
    done = subprocess.run(
        f"'{sys.executable}' -m gymtui where >&-",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr


# -- 6. Ctrl-C during an import adds nothing ------------------------------------------------------


def test_ctrl_c_during_an_import_adds_nothing(paths: Paths, tmp_path: Path) -> None:
    big = strong_file(tmp_path / "huge.csv", 200_000)  # long enough to stop mid-way when loaded
    process = subprocess.Popen(
        [sys.executable, "-m", "gymtui", "import", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wal = Path(f"{paths.database}-wal")
    deadline = time.monotonic() + 90
    # the file read and the catalogue written, the import's one transaction spills its pages
    # into the -wal: it is mid-way
    while not (wal.exists() and wal.stat().st_size > 2_000_000):
        assert process.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, (out, err)
    assert "Import cancelled: nothing was added" in err
    assert "Traceback" not in out + err
    assert counts(paths.database) == (0, 0)


def test_ctrl_c_while_reading_the_file_says_so_too(
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("gymtui.importers.stream", interrupted)
    try:
        assert main(["import", str(FIXTURE)]) == 130
    except KeyboardInterrupt:  # must not stop the test run
        pytest.fail("Ctrl-C escaped as KeyboardInterrupt")
    assert "Import cancelled: nothing was added" in capsys.readouterr().err


def test_ctrl_c_during_a_backup_leaves_no_half_copy(
    logged: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(self: Store, target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00 half")
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "backup", interrupted)
    try:
        assert main(["backup"]) == 130
    except KeyboardInterrupt:  # must not stop the test run
        pytest.fail("Ctrl-C escaped as KeyboardInterrupt")
    assert "cancelled" in capsys.readouterr().err
    assert list((logged.data_dir / "backups").iterdir()) == []


# -- 15. an empty file is refused by export and backup --------------------------------------------


@pytest.mark.parametrize("sqlite_empty", [False, True], ids=["zero-bytes", "no-tables"])
def test_export_and_backup_of_an_empty_database_are_refused(
    paths: Paths, sqlite_empty: bool
) -> None:
    paths.data_dir.mkdir(parents=True)
    if sqlite_empty:
        sqlite3.connect(paths.database).execute("VACUUM").connection.close()
    else:
        paths.database.touch()
    before = paths.database.read_bytes()
    for command in (["export"], ["export", "--format", "json"], ["backup"]):
        done = cli(*command)
        assert done.returncode == 2, (command, done.stderr)
        assert "holds no gymtui data" in done.stderr
        assert "Traceback" not in done.stdout + done.stderr
        assert done.stdout == ""
    assert paths.database.read_bytes() == before
    assert not (paths.data_dir / "backups").exists() or not any(
        (paths.data_dir / "backups").iterdir()
    )


# -- 18. no raw control bytes reach a terminal -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_to_a_terminal_escapes_control_characters(evil: Paths, fmt: str) -> None:
    status, shown = on_a_terminal("export", "--format", fmt)
    assert status == 0
    assert "Red Squat" in shown
    assert not any(c in shown for c in "\x1b\x07\x9b\u202e")


def test_export_to_a_pipe_is_exact_data(evil: Paths) -> None:
    done = cli("export")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert EVIL_NOTE in [r["note"] for r in rows]
    assert EVIL_NAME in [r["exercise_name"] for r in rows]


def test_json_export_escapes_control_characters_even_to_a_file(evil: Paths) -> None:
    done = cli("export", "--format", "json")
    assert not any(c in done.stdout for c in "\x1b\x07\x9b\u202e")
    assert "\\u009b" in done.stdout and "\\u202e" in done.stdout
    assert EVIL_NOTE in [r["note"] for r in json.loads(done.stdout)]


def test_import_summary_and_where_escape_control_characters(tmp_path: Path) -> None:
    named = tmp_path / "a\x1b[2Jb.csv"
    named.write_bytes(FIXTURE.read_bytes())
    status, shown = on_a_terminal(
        "--data-dir", str(tmp_path / "d\x1b]0;x\x07"), "import", str(named)
    )
    assert status == 0
    assert "Imported" in shown and "\x1b" not in shown and "\x07" not in shown
    status, shown = on_a_terminal("--data-dir", str(tmp_path / "d\x1b]0;x\x07"), "where")
    assert status == 0
    assert "data folder" in shown and "\x1b" not in shown and "\x07" not in shown
    status, shown = on_a_terminal("import", str(tmp_path / "no\x1b[2Jsuch.csv"))
    assert status == 2 and "\x1b" not in shown


def test_command_line_errors_escape_what_was_typed(paths: Paths) -> None:
    done = cli("import", "x.csv", "--from", "\x1b[2Jstrong")
    assert done.returncode == 2
    assert "invalid choice" in done.stderr
    assert "\x1b" not in done.stderr and "\\x1b[2Jstrong" in done.stderr


# -- 19. CSV cells that a spreadsheet would run as formulas ---------------------------------------


def test_csv_export_defuses_formulas_in_text_cells_only(evil: Paths) -> None:
    exported = subprocess.run(
        [sys.executable, "-m", "gymtui", "export"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")  # bytes: text mode would turn the \r into a newline
    rows = list(csv.DictReader(io.StringIO(exported, newline="")))
    notes = {r["note"] for r in rows}
    for formula in ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]:
        assert "'" + formula in notes
    assert all(r["weight_kg"] == "100.0" and r["reps"] == "5" for r in rows)
    json_notes = {r["note"] for r in json.loads(cli("export", "--format", "json").stdout)}
    assert '=HYPERLINK("http://x")' in json_notes  # JSON is not read by spreadsheets


# -- 21. private files ---------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_data_folder_and_files_are_private(
    logged: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = logged.data_dir
    assert mode(data) == 0o700
    assert mode(logged.database) == 0o600
    store = Store.open(logged.database)  # the -wal and -shm exist while it is open
    assert mode(Path(f"{logged.database}-wal")) == 0o600
    assert mode(Path(f"{logged.database}-shm")) == 0o600
    store.close()
    assert main(["backup"]) == 0
    backups = data / "backups"
    assert mode(backups) == 0o700
    (backup,) = backups.iterdir()
    assert mode(backup) == 0o600
    assert main(["export", "-o", str(tmp_path / "out.csv")]) == 0
    assert mode(tmp_path / "out.csv") == 0o600
    assert main(["restore", str(backup)]) == 0
    assert mode(logged.database) == 0o600
    assert all(mode(p) == 0o600 for p in backups.iterdir())
    crash = Path(crash_report(logged, RuntimeError("x")).rsplit(" ", 1)[-1])
    assert mode(crash) == 0o600 and mode(crash.parent) == 0o700


def test_a_folder_the_user_made_keeps_its_mode(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    assert main(["--data-dir", str(mine), "import", str(FIXTURE)]) == 0
    assert mode(mine) == 0o755
    assert mode(mine / "gymtui.db") == 0o600


# -- 22. a symlinked database --------------------------------------------------------------------


def test_a_symlinked_database_is_followed(
    logged: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    real = elsewhere / "gymtui.db"
    logged.database.rename(real)
    logged.database.symlink_to(real)
    before = counts(real)
    store = Store.open(logged.database)
    try:
        store.sessions.log_set(SetInput("back_squat", 100, 5), None, START)
        assert not store.wal_missing()
        assert store.read_only is False
    finally:
        store.close()
    assert main(["backup", str(tmp_path / "b.db")]) == 0
    store = Store.open(logged.database)
    store.sessions.log_set(SetInput("back_squat", 120, 5), None, START + timedelta(hours=5))
    store.close()
    assert counts(real)[1] == before[1] + 2
    assert main(["restore", str(tmp_path / "b.db")]) == 0
    assert logged.database.is_symlink()
    assert counts(real)[1] == before[1] + 1
    assert "Restored" in capsys.readouterr().out


def test_a_dangling_symlink_is_refused_and_left_alone(paths: Paths, tmp_path: Path) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.database.symlink_to(tmp_path / "unmounted" / "gymtui.db")
    for command in ([], ["export"], ["backup"]):
        done = cli(*command)
        assert done.returncode == 2, command
        assert "which does not exist" in done.stderr or "no gymtui database" in done.stderr
        assert "Traceback" not in done.stderr
    assert paths.database.is_symlink() and not (tmp_path / "unmounted").exists()
