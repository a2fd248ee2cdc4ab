"""Backups and exports never leave a damaged file under the final name, never overwrite one
by accident, and need nothing but read access to the data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gymtui.cli import main
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import START


@pytest.fixture
def logged(paths: Paths) -> Paths:
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    store.sessions.log_set(SetInput("deadlift", 140, 5), program.days[0], START)
    store.close()
    return paths


def sets_in(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT weight_kg, reps FROM sets").fetchall()
    finally:
        conn.close()


def test_two_backups_in_one_second_both_land(logged: Paths) -> None:
    assert main(["backup"]) == 0
    assert main(["backup"]) == 0
    made = sorted((logged.data_dir / "backups").glob("gymtui-*.db"))
    assert len(made) == 2
    assert all(sets_in(path) == [(140.0, 5)] for path in made)


def test_a_folder_as_the_target_gets_a_dated_file_inside(logged: Paths, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    assert main(["backup", str(folder)]) == 0
    [made] = folder.glob("gymtui-*.db")
    assert sets_in(made) == [(140.0, 5)]


def test_a_backup_that_dies_half_way_leaves_no_file_under_the_final_name(
    logged: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "copy.db"

    def dies(self: Store, partial: Path) -> None:
        partial.write_bytes(b"SQLite format 3\x00 half a page")
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(Store, "backup", dies)
        assert main(["backup", str(target)]) == 2
    assert not target.exists()
    (tmp_path / ".copy.db.partial").write_bytes(b"left by a killed backup")
    assert main(["backup", str(target)]) == 0  # the next one is not blocked
    assert sets_in(target) == [(140.0, 5)]
    assert not (tmp_path / ".copy.db.partial").exists()


def test_export_refuses_to_overwrite_without_force(
    logged: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sets.csv"
    out.write_text("my spreadsheet\n")
    assert main(["export", "-o", str(out)]) == 2
    assert "already exists; add --force" in capsys.readouterr().err
    assert out.read_text() == "my spreadsheet\n"
    assert main(["export", "-o", str(out), "--force"]) == 0
    assert out.read_text().startswith("session_key,")


def test_export_and_backup_of_a_missing_database_say_so(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export"]) == 2
    assert main(["backup", str(tmp_path / "b.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("no gymtui database at") == 2
    assert not paths.database.exists()  # reading created nothing
