"""The file under the app: a deleted write-ahead log, a clean quit, damage quick_check misses."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from gymtui.paths import Paths

from conftest import FakeClock
from helpers import db_rows, make_app, notifications

SIZE = (100, 30)


async def test_a_deleted_wal_is_reported_and_a_clean_quit_keeps_the_sets(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        Path(f"{paths.database}-wal").unlink()
        for _ in range(app.CHECK_OTHERS_EVERY):
            app.tick()
        await pilot.pause()
        assert any("-wal was deleted while gymtui ran" in n for n in notifications(app))
        await pilot.press("enter", "enter")  # still logging: into the open log
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app._exception is None and app.is_running
        assert sum("Quit gymtui now" in n or "Quit now" in n for n in notifications(app)) >= 1
    # the clean quit wrote what the open log held into gymtui.db
    assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(2,)]
    assert db_rows(paths.database, "PRAGMA integrity_check") == [("ok",)]


async def test_after_a_clean_quit_the_db_file_alone_is_complete(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter", "enter", "enter")
    copy = tmp_path / "copied.db"
    shutil.copyfile(paths.database, copy)  # the -wal is not copied
    assert db_rows(copy, "SELECT count(*) FROM sets") == [(2,)]


async def test_damage_quick_check_misses_is_found_after_start(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter", "enter", "enter")
    conn = sqlite3.connect(paths.database)  # an index that no longer matches its table
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX sets_by_time ON sets(reps)' "
        "WHERE name = 'sets_by_time'"
    )
    conn.commit()
    conn.close()
    assert db_rows(paths.database, "PRAGMA quick_check") == [("ok",)]
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = [n for n in notifications(app) if "failed SQLite's integrity check" in n]
        assert found and "gymtui backup" in found[0]
