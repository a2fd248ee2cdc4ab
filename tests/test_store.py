"""The SQLite file: schema, durability settings, refusing files that are not ours."""

import hashlib
import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from gymtui.core.models import SET_COLUMNS, LoggedSet, SetInput
from gymtui.core.program import load_program
from gymtui.errors import DatabaseFileError, DataFolderError
from gymtui.importers import GYMTUI_COLUMNS
from gymtui.importers.parsed import ImportedSet
from gymtui.store import Store
from gymtui.store.schema import migration_set

from conftest import START

PROGRAM = load_program()
DAY_A = PROGRAM.days[0]


def open_store(path: Path) -> Store:
    store = Store.open(path)
    store.exercises.sync(PROGRAM.exercises.values())
    return store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_schema_tables_are_strict_and_indexed(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    sql = {r[0]: r[1] for r in store.conn.execute("SELECT name, sql FROM sqlite_master")}
    for table in ("exercises", "sessions", "sets", "settings"):
        assert sql[table].rstrip().endswith("STRICT")
    assert {"sets_by_exercise", "sets_by_time"} <= set(sql)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):  # STRICT: reps must be an integer
        store.conn.execute(
            "INSERT INTO sets (session_id, exercise_id, set_number, kind, weight_kg, reps, "
            "logged_at) VALUES (1, 'deadlift', 1, 'working', 100, 'six', 'x')"
        )


def test_migrations_apply_twice_without_change(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    open_store(path).close()
    store = open_store(path)
    migrations = migration_set()
    before = [m.name for m in migrations.applied(Database(store.conn))]
    migrations.apply(Database(store.conn))
    applied = [m.name for m in migrations.applied(Database(store.conn))]
    assert (
        applied
        == before
        == [
            "m001_initial",
            "m002_rest_taken",
            "m003_pr_flags",
            "m004_body_weight",
            "m005_own_exercises",
            "m006_first_set_is_no_pr",
            "m007_exercise_kit",
            "m008_supersets",
            "m009_holds",
            "m010_pain",
            "m011_synergists",
            "m012_blocks_and_readiness",
        ]
    )


def test_logged_set_reads_back_after_reopen(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    store = open_store(path)
    saved = store.sessions.log_set(
        SetInput("back_squat", 102.5, 6, rpe=8.5, note="felt fast"), DAY_A, START
    )
    store.close()
    again = open_store(path)
    [row] = again.sessions.sets(saved.session_id)
    assert (row.exercise_id, row.weight_kg, row.reps, row.rpe, row.note) == (
        "back_squat",
        102.5,
        6,
        8.5,
        "felt fast",
    )
    assert row.logged_at == START
    stored = again.conn.execute("SELECT logged_at FROM sets").fetchone()[0]
    assert stored == "2026-11-22T18:00:00.000+00:00"  # ISO-8601 with offset


def test_a_sets_columns_are_named_once(tmp_path: Path) -> None:
    """core.models.SET_COLUMNS is the sets table after its id, in order (pr is the store's
    own, added by m003: the columns added after it follow it on file); a set read back, a
    typed set, an imported one and the export follow it."""
    store = open_store(tmp_path / "g.db")
    on_file = [r[1] for r in store.conn.execute("PRAGMA table_info(sets)")]
    # pr came in m003; the columns added after it (m007's superset) follow it on file
    after_pr = SET_COLUMNS.index("rest_taken_s") + 1
    assert on_file == ["id", *SET_COLUMNS[:after_pr], "pr", *SET_COLUMNS[after_pr:]]
    assert SET_COLUMNS[after_pr:] == ("superset", "seconds", "pain")
    assert set(LoggedSet._fields) == set(on_file)
    assert set(SetInput._fields) <= set(SET_COLUMNS)
    assert set(SET_COLUMNS) - set(ImportedSet._fields) == {"session_id"}
    assert set(SET_COLUMNS) - set(GYMTUI_COLUMNS) == {"session_id"}
    typed = SetInput("back_squat", 102.5, 6, "failure", 9.5, "grind", "L")
    logged = store.sessions.log_set(typed, DAY_A, START)
    assert logged == store.sessions.get_set(logged.id)
    assert all(getattr(logged, c) == getattr(typed, c) for c in SetInput._fields)
    changed = typed._replace(weight_kg=100.0, reps=5, kind="working", rpe=None, note=None)
    assert store.sessions.update_set(logged.id, changed) == logged._replace(
        weight_kg=100.0, reps=5, kind="working", rpe=None, note=None
    )


def test_set_numbers_and_sessions(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    a = store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START)
    b = store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START + timedelta(minutes=3))
    assert (a.session_id, a.set_number, b.set_number) == (b.session_id, 1, 2)
    session = store.sessions.find(a.session_id)
    assert session is not None and session.day_key == "A" and session.finished_at is None


def test_idle_session_finishes_after_three_hours_and_stays_finished(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    store = open_store(path)
    first = store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START)
    later = START + timedelta(hours=3, minutes=1)
    store.sessions.close_idle(later)
    assert store.sessions.current() is None
    store.close()
    store = open_store(path)
    session = store.sessions.find(first.session_id)
    assert session is not None and session.finished_at == START
    second = store.sessions.log_set(SetInput("front_squat", 80, 10), PROGRAM.days[1], later)
    assert second.session_id != first.session_id


def test_last_sets_for_skips_the_current_session(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    old = store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START)
    store.sessions.finish(old.session_id, START)
    new = store.sessions.log_set(SetInput("back_squat", 102.5, 6), DAY_A, START + timedelta(days=3))
    (last,) = store.sessions.recent_sets_for("back_squat", new.session_id)
    assert [s.weight_kg for s in last] == [100]


def test_update_and_delete(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    s = store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START)
    changed = store.sessions.update_set(s.id, SetInput("back_squat", 100, 5, kind="failure"))
    assert (changed.reps, changed.kind, changed.logged_at) == (5, "failure", START)
    store.sessions.delete_set(s.id)
    assert store.sessions.sets(s.session_id) == []


def _refused_unchanged(path: Path, expected: str) -> None:
    before = digest(path)
    with pytest.raises(DatabaseFileError) as problem:
        Store.open(path)
    assert expected in str(problem.value)
    assert str(path) in str(problem.value)
    assert digest(path) == before


def test_file_that_is_not_sqlite_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "gymtui.db"
    path.write_text("Date,Exercise,Weight\n2024-01-01,Squat,100\n")
    _refused_unchanged(path, "not an SQLite file at all")


def test_corrupt_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "gymtui.db"
    open_store(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(3996)  # trash the schema page after the header
    path.write_bytes(bytes(data))
    _refused_unchanged(path, "damaged")


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "gymtui.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    _refused_unchanged(path, "not gymtui's (it holds tables such as recipes)")


def test_newer_schema_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "gymtui.db"
    store = open_store(path)
    Database(store.conn)["_sqlite_migrations"].insert(
        {"migration_set": "gymtui", "name": "m999_future", "applied_at": "2030"}
    )
    store.close()
    _refused_unchanged(path, "written by a newer gymtui (schema steps m999_future")


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DataFolderError, match="cannot create its data folder"):
        Store.open(blocker / "sub" / "gymtui.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod")
def test_read_only_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DataFolderError, match="cannot write in its data folder"):
            Store.open(folder / "gymtui.db")
    finally:
        folder.chmod(0o700)


def test_unwritable_data_folder_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("gymtui.store.checks.tempfile.TemporaryFile", refuse)
    with pytest.raises(DataFolderError) as problem:
        Store.open(tmp_path / "gymtui.db")
    assert "cannot write in its data folder" in str(problem.value)
    assert "Permission denied" in str(problem.value)
    assert not (tmp_path / "gymtui.db").exists()


def test_refused_write_raises_storage_error_and_saves_nothing(tmp_path: Path) -> None:
    from gymtui.store import StorageError

    store = open_store(tmp_path / "g.db")
    store.conn.execute("PRAGMA query_only=ON")  # the file refuses writes, as a read-only one does
    with pytest.raises(StorageError, match="Not saved"):
        store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START)
    store.conn.execute("PRAGMA query_only=OFF")
    assert store.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_old_schema_file_is_upgraded_keeping_its_sets(tmp_path: Path) -> None:
    path = tmp_path / "gymtui.db"
    db = Database(path)
    migrations = migration_set()
    migrations.apply(db, stop_before="m002_rest_taken")  # a file from the first release
    db.execute("INSERT INTO exercises (id, name) VALUES ('deadlift', 'Deadlift')")
    db.execute("INSERT INTO sessions (day_key, day_name, started_at) VALUES ('A', 'Day A', 'x')")
    db.execute(
        "INSERT INTO sets (session_id, exercise_id, set_number, kind, weight_kg, reps, logged_at)"
        " VALUES (1, 'deadlift', 1, 'working', 140, 5, '2026-01-01T10:00:00.000+00:00')"
    )
    db.conn.commit()
    db.close()
    store = open_store(path)
    applied = [m.name for m in migrations.applied(Database(store.conn))]
    assert applied[-4:] == [
        "m009_holds",
        "m010_pain",
        "m011_synergists",
        "m012_blocks_and_readiness",
    ]
    [row] = store.sessions.sets(1)
    assert (row.weight_kg, row.reps, row.rest_taken_s, row.superset, row.seconds) == (
        140,
        5,
        None,
        None,
        None,
    )
    assert not row.pr  # m003 flagged the first set ever; m006 takes that back


def test_the_first_set_ever_is_no_pr_on_disk_and_the_next_heavier_one_is(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    first = store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START)
    same = store.sessions.log_set(
        SetInput("back_squat", 100, 6), DAY_A, START + timedelta(minutes=3)
    )
    heavier = store.sessions.log_set(
        SetInput("back_squat", 105, 5), DAY_A, START + timedelta(minutes=6)
    )
    flags = dict(store.conn.execute("SELECT id, pr FROM sets").fetchall())
    assert (flags[first.id], flags[same.id], flags[heavier.id]) == (0, 0, 1)


def test_rest_taken_is_recorded_on_the_set_before(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    first = store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START)
    store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, START + timedelta(seconds=187))
    assert store.sessions.get_set(first.id).rest_taken_s == 187


def test_a_read_only_database_is_refused_before_sqlite_makes_read_only_wal_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = tmp_path / "gymtui.db"
    open_store(path).close()
    before = digest(path)
    real_access = os.access

    def access(target: object, mode: int) -> bool:  # chmod a-w, which root would ignore
        if mode == os.W_OK and str(target).startswith(str(path)):
            return False
        return real_access(target, mode)  # type: ignore[arg-type]

    monkeypatch.setattr("gymtui.store.checks.os.access", access)
    with pytest.raises(DatabaseFileError) as problem:
        Store.open(path)
    assert f"chmod u+w {path}" in str(problem.value)
    assert "'gymtui export' and 'gymtui backup' still work" in str(problem.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gymtui.db"]
    assert digest(path) == before


def test_a_data_path_that_is_a_file_says_so(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    with pytest.raises(DataFolderError, match="is not a folder"):
        Store.open(not_a_folder / "gymtui.db")
