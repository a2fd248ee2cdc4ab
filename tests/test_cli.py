"""The command line: paths, and clear refusals with exit status 2 and no traceback."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from gymtui.cli import main
from gymtui.paths import Paths

from helpers import db_rows


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gymtui", *args], capture_output=True, text=True, timeout=60
    )


def test_where_prints_the_paths(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert f"data folder: {data_dir}" in out
    assert f"database:    {data_dir / 'gymtui.db'}" in out
    assert "built-in program is used" in out


def test_data_dir_option_wins_over_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "elsewhere"), "where"]) == 0
    assert str(tmp_path / "elsewhere" / "gymtui.db") in capsys.readouterr().out
    # after the command too, as a user types it
    assert main(["where", "--data-dir", str(tmp_path / "after")]) == 0
    assert str(tmp_path / "after" / "gymtui.db") in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a database at all\n", "is not a gymtui database: it is not an SQLite file at all"),
        (b"SQLite format 3\x00" + b"\xff" * 2000, "damaged"),
    ],
)
def test_bad_database_exits_2_with_message_and_no_change(
    data_dir: Path, content: bytes, expected: str
) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "gymtui.db"
    db.write_bytes(content)
    result = run()
    assert result.returncode == 2
    assert expected in result.stderr
    assert str(db) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert hashlib.sha256(db.read_bytes()).digest() == hashlib.sha256(content).digest()


def test_data_folder_that_cannot_be_made_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("--data-dir", str(blocker / "data"))
    assert result.returncode == 2
    assert "cannot create its data folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_malformed_program_file_is_named_with_its_line_and_gymtui_still_runs(
    data_dir: Path,
) -> None:
    # It was refused at start (exit 2); now the last good program runs and the app says where
    # the file is wrong (tests/test_program_editor.py: the toast, and Today as it was).
    data_dir.mkdir(parents=True)
    (data_dir / "program.toml").write_text("[[days]]\nkey='A'\nexercises=[{exercise='x'}]\n")
    result = run("where")
    assert result.returncode == 0
    assert "program.toml, line 3: day 1 ('A'), exercise 1: unknown exercise 'x'" in result.stdout
    assert "The built-in program runs until it is fixed." in result.stdout
    assert "Traceback" not in result.stderr


def test_without_a_terminal_the_app_is_refused(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gymtui"], input="q\n", capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "needs a terminal" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unexpected_error_exits_1_with_a_crash_file_and_keeps_the_set(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from textual.app import App

    from gymtui.core.models import SetInput
    from gymtui.ui.app import GymApp

    run = App.run
    monkeypatch.setattr("gymtui.cli._has_terminal", lambda: True)
    monkeypatch.setattr(GymApp, "run", lambda self: run(self, headless=True))

    def log_then_fail(self: GymApp) -> None:
        self.gym.log_set(SetInput("back_squat", 100, 6))
        raise RuntimeError("a bug")

    monkeypatch.setattr(GymApp, "on_mount", log_then_fail)
    assert main([]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "unexpected error (RuntimeError)" in err
    crash = Path(err.rsplit(" ", 1)[-1])
    assert crash.parent == paths.data_dir / "crashes"
    assert "RuntimeError: a bug" in crash.read_text()
    assert db_rows(paths.database, "SELECT weight_kg, reps FROM sets") == [(100.0, 6)]


def test_the_collector_is_off_for_the_start_and_on_from_the_first_frame(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`gymtui` starts with the cyclic collector off (20 ms of collections through objects
    that are not garbage) and turns it on, start-up frozen, once the plan is on screen."""
    import gc

    from textual.app import App
    from textual.pilot import Pilot

    from gymtui.ui.app import GymApp

    seen: dict[str, bool] = {}
    run = App.run

    async def look(pilot: Pilot[object]) -> None:
        await pilot.pause()
        seen["after the first frame"] = gc.isenabled()
        pilot.app.exit()

    def headless(self: GymApp) -> None:
        seen["at the start"] = gc.isenabled()
        run(self, headless=True, auto_pilot=look)

    monkeypatch.setattr("gymtui.cli._has_terminal", lambda: True)
    monkeypatch.setattr(GymApp, "run", headless)
    try:
        assert main([]) == 0
    finally:
        gc.unfreeze()  # the rest of the test session collects as before
    assert seen == {"at the start": False, "after the first frame": True}
    assert gc.isenabled()
