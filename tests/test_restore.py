"""`gymtui restore FILE`: a checked backup replaces the database, the current one is kept
first, and a refusal leaves both files exactly as they were."""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
from pathlib import Path

import pytest

from gymtui.cli import main
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import START

PROGRAM = load_program()


def log(paths: Paths, weight: float) -> None:
    store = Store.open(paths.database)
    store.exercises.sync(PROGRAM.exercises.values())
    store.sessions.log_set(SetInput("deadlift", weight, 5), PROGRAM.days[0], START)
    store.close()


def weights(path: Path) -> list[float]:
    conn = sqlite3.connect(path)
    try:
        return [w for (w,) in conn.execute("SELECT weight_kg FROM sets ORDER BY id")]
    finally:
        conn.close()


def run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue() + err.getvalue()


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the data folder and a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def backup(paths: Paths, tmp_path: Path) -> Path:
    """A backup holding one 140 kg set, after which a 150 kg set was logged."""
    log(paths, 140)
    target = tmp_path / "saved.db"
    assert run("backup", str(target))[0] == 0
    log(paths, 150)
    return target


def test_restore_brings_the_backup_back_and_keeps_the_current_file(
    paths: Paths, backup: Path
) -> None:
    status, out = run("restore", str(backup))
    assert status == 0, out
    assert weights(paths.database) == [140]
    [kept] = (paths.data_dir / "backups").glob("gymtui-before-restore-*.db")
    assert weights(kept) == [140, 150]
    assert f"Restored {backup} into {paths.database}." in out
    assert f"The database it replaced is kept as {kept}." in out
    assert not Path(f"{paths.database}-wal").exists() or weights(paths.database) == [140]
    log(paths, 160)  # the app goes on writing into the restored file
    assert weights(paths.database) == [140, 160]
    assert main(["restore", str(kept)]) == 0  # and the kept one can come back too
    assert weights(paths.database) == [140, 150]


def test_restore_into_an_empty_data_folder(paths: Paths, backup: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    status, out = run("--data-dir", str(fresh), "restore", str(backup))
    assert status == 0, out
    assert weights(fresh / "gymtui.db") == [140]
    assert "kept as" not in out


def sqlite_file(path: Path, sql: str) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.db", "is not a file"),
        (lambda d: d, "is not a file"),
        (
            lambda d: (d / "notes.txt").write_text("squats\n") and d / "notes.txt",
            "is not a gymtui backup: it is not an SQLite file",
        ),
        (
            lambda d: sqlite_file(d / "other.db", "CREATE TABLE songs (title TEXT);"),
            "is an SQLite database, but not a gymtui backup",
        ),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    paths: Paths, backup: Path, tmp_path: Path, make: object, expected: str
) -> None:
    candidate = make(tmp_path)  # type: ignore[operator]
    before = fingerprint(paths.data_dir)
    status, out = run("restore", str(candidate))
    assert status == 2
    assert expected in out
    assert "Traceback" not in out
    assert fingerprint(paths.data_dir) == before


def test_a_newer_or_damaged_backup_is_refused(paths: Paths, backup: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    newer.write_bytes(backup.read_bytes())
    sqlite_file(
        newer,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('gymtui', 'm099_future', '2030-01-01');",
    )
    damaged = tmp_path / "damaged.db"
    data = bytearray(backup.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):
        data[start : start + 8] = b"\xff" * 8  # every page's header scribbled over
    damaged.write_bytes(bytes(data))
    before = fingerprint(paths.data_dir)
    status, out = run("restore", str(newer))
    assert status == 2 and "written by a newer gymtui (schema steps m099_future)" in out
    status, out = run("restore", str(damaged))
    assert status == 2 and "is damaged" in out, out
    assert fingerprint(paths.data_dir) == before


def test_restore_waits_for_the_app_to_quit(paths: Paths, backup: Path) -> None:
    store = Store.open(paths.database)  # gymtui open in another window
    try:
        store.conn.execute("SELECT count(*) FROM sets").fetchone()
        status, out = run("restore", str(backup))
    finally:
        store.close()
    assert status == 2
    assert "gymtui is open on" in out and "Quit it, then restore again" in out
    assert weights(paths.database) == [140, 150]
    assert not list((paths.data_dir / "backups").glob("gymtui-before-restore-*"))
    assert not list(paths.data_dir.glob(".*restoring"))


def test_a_damaged_current_database_is_kept_byte_for_byte(paths: Paths, backup: Path) -> None:
    paths.database.write_bytes(b"this was a database once" * 100)
    Path(f"{paths.database}-wal").unlink(missing_ok=True)
    Path(f"{paths.database}-shm").unlink(missing_ok=True)
    status, out = run("restore", str(backup))
    assert status == 0, out
    assert weights(paths.database) == [140]
    [kept] = (paths.data_dir / "backups").glob("gymtui-before-restore-*.db")
    assert kept.read_bytes() == b"this was a database once" * 100
