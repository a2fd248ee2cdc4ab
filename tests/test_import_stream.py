"""`gymtui import` streams: sessions are written as the file is read, in one transaction.

The held read (`parse`, every session in memory) is what imports did before; a streamed import
must leave the same file and print the same summary, take back everything on a bad row, and
keep its memory flat in the file's length. A big import builds the set indexes once at its end
and checks its rows in one pass: the file ends up the same as when they are kept row by row.
"""

from __future__ import annotations

import sqlite3
import tracemalloc
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import gymtui.store.bulk
from gymtui.cli import describe_import, main
from gymtui.importers import ImportedSession, ImportedSet, ParsedFile, parse, stream
from gymtui.paths import Paths
from gymtui.store import StorageError, Store
from gymtui.store.imports import ImportSummary

from helpers import on_a_terminal
from test_import import FIXTURES, PROGRAM
from test_real_exports import BAD_ROWS, CORPUS, FILES, REFUSED, in_pounds

HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"'
)
EXERCISES = ("Squat (Barbell)", "Leg Press", "Lying Leg Curl (Machine)", "Hack Squat")


def hevy_file(path: Path, rows: int, newest_first: bool = True, last: str = "") -> Path:
    """A Hevy export of `rows` sets, 20 a workout, one workout a day, newest first as Hevy
    writes it; `last` is a line put at its end."""
    start = datetime(2025, 6, 1, 7, 30) - timedelta(days=rows // 20 + 1)
    lines = []
    for n in range(rows):
        when = start + timedelta(days=n // 20)
        stamp = when.strftime("%d %b %Y, %H:%M")
        end = (when + timedelta(hours=1)).strftime("%d %b %Y, %H:%M")
        kind = "warmup" if n % 5 == 0 else "normal"
        weight = 60 + (n * 7) % 90 + (n // 400)  # slowly heavier: records now and then
        lines.append(
            f'"Legs","{stamp}","{end}","","{EXERCISES[n // 5 % 4]}","","",{n % 5},'
            f'"{kind}",{weight},{5 + n % 6},,,'
        )
    if newest_first:
        lines.reverse()
    text = "\n".join([HEVY_HEADER, *lines, *([last] if last else [])]) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def new_store(path: Path) -> Store:
    store = Store.open(path)
    store.exercises.sync(PROGRAM.exercises.values())
    return store


def streamed(store: Store, path: Path, **options: object) -> ImportSummary:
    with stream(path, **options) as sessions:  # type: ignore[arg-type]
        return store.imports.write(sessions)


def held(store: Store, path: Path, **options: object) -> ImportSummary:
    return store.imports.write(parse(path, **options))  # type: ignore[arg-type]


def content(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """What the file holds, whatever order the rows were written in (ids aside)."""
    conn = sqlite3.connect(database)
    try:
        queries = {
            "sessions": "SELECT day_key, day_name, started_at, finished_at, source, source_key, "
            "note FROM sessions",
            "sets": "SELECT s.source_key, t.exercise_id, t.set_number, t.kind, t.weight_kg, "
            "t.reps, t.rpe, t.note, t.side, t.logged_at, t.rest_taken_s, t.pr "
            "FROM sets t JOIN sessions s ON s.id = t.session_id",
            "exercises": "SELECT * FROM exercises",
            "settings": "SELECT * FROM settings",
            "schema": "SELECT type, name, tbl_name, sql FROM sqlite_master",
        }
        return {k: sorted(conn.execute(q).fetchall(), key=repr) for k, q in queries.items()}
    finally:
        conn.close()


def counted(summary: ImportSummary) -> dict[str, object]:
    """Everything a summary says, lists in a fixed order."""
    said = dict(vars(summary))
    said["created"] = sorted(summary.created)
    return said


# -- the same file, the same summary as the held read ----------------------------------------


@pytest.mark.skipif(not FILES, reason=f"the real-export corpus is not at {CORPUS}")
@pytest.mark.parametrize("name", sorted(set(FILES) - set(REFUSED)) or ["none"])
def test_a_real_export_streamed_leaves_what_the_held_read_left(
    name: str, tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CORPUS / name
    unit = "lb" if in_pounds(FILES[name][1]) else "kg"
    store = new_store(tmp_path / "held.db")
    before = held(store, path, unit=unit, skip_bad_rows=True)
    store.close()
    assert main(["import", str(path), "--unit", unit, "--skip-bad-rows"]) == 0
    assert capsys.readouterr().out == describe_import(before, path) + "\n"
    assert content(paths.database) == content(tmp_path / "held.db")
    if name in BAD_ROWS:  # and without --skip-bad-rows, nothing
        assert main(["import", str(path), "--unit", unit]) == 2
        assert "--skip-bad-rows" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["strong_comma.csv", "hevy_lbs.csv", "fitnotes.csv", "fitbod.csv"])
def test_a_fixture_streamed_gives_the_held_summary_and_file(name: str, tmp_path: Path) -> None:
    for how, read in (("held", held), ("streamed", streamed)):
        store = new_store(tmp_path / f"{how}.db")
        first = read(store, FIXTURES / name, unit="kg")
        again = read(store, FIXTURES / name, unit="kg")
        store.close()
        if how == "held":
            expected = (counted(first), counted(again))
        else:
            assert (counted(first), counted(again)) == expected
    assert content(tmp_path / "streamed.db") == content(tmp_path / "held.db")


def test_a_workout_whose_rows_lie_apart_is_one_session(tmp_path: Path) -> None:
    """Rows of one workout that come back after another's make one session, as the held read
    makes it: sets numbered on, a second apart, the note's lines kept."""
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes,Workout Notes"
    a, b = "2025-09-15 07:48:00,Legs A", "2025-09-16 07:48:00,Legs B"
    lines = [
        header,
        f"{a},Squat (Barbell),1,100,5,,Felt good",
        f"{a},Squat (Barbell),2,100,5,,Felt good",
        f"{a},Squat (Barbell),Note,0,0,knees out,Felt good",
        f"{b},Leg Press,1,200,10,,",
        f"{a},Squat (Barbell),3,105,5,,Felt good",
        f"{a},Leg Press,Note,0,0,seat 4,Felt good",
        f"{a},Leg Press,1,180,10,,Felt good",
        f"{b},Leg Press,2,200,10,,",
    ]
    path = tmp_path / "apart.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summaries = []
    for how, read in (("held", held), ("streamed", streamed)):
        store = new_store(tmp_path / f"{how}.db")
        summaries.append(counted(read(store, path, unit="kg")))
        store.close()
    assert summaries[0] == summaries[1]
    assert summaries[1]["sessions_added"] == 2
    assert content(tmp_path / "streamed.db") == content(tmp_path / "held.db")
    notes = sqlite3.connect(tmp_path / "streamed.db").execute(
        "SELECT note FROM sessions WHERE day_name = 'Legs A'"
    )
    assert notes.fetchall() == [("Felt good\nSquat (Barbell): knees out\nLeg Press: seat 4",)]


# -- all or nothing ---------------------------------------------------------------------------


def test_a_bad_row_at_the_end_of_a_big_file_leaves_the_database_as_it_was(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(FIXTURES / "hevy_kg.csv")]) == 0
    before = content(paths.database)
    bad = '"Legs","1 Jun 2025, 07:30","1 Jun 2025, 08:30","","Leg Press","","",0,"normal",lots,5,,,'
    big = hevy_file(tmp_path / "big.csv", 30_000, last=bad)  # past MIN_BULK_ROWS: bulk
    capsys.readouterr()
    assert main(["import", str(big)]) == 2
    err = capsys.readouterr().err
    assert "line 30002, column 'weight_kg': 'lots' is not a number" in err
    assert "Nothing was imported" in err
    assert content(paths.database) == before  # its indexes too
    assert main(["import", str(big), "--dry-run", "--skip-bad-rows"]) == 0
    assert "Would import 1500 sessions" in capsys.readouterr().out
    assert content(paths.database) == before


def test_a_row_that_breaks_a_check_still_refuses_a_bulk_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks left to the end of a big import still refuse it whole, and are back on
    for every later write."""
    monkeypatch.setattr(gymtui.store.bulk, "MIN_BULK_ROWS", 1)
    store = new_store(tmp_path / "gymtui.db")
    held(store, FIXTURES / "hevy_kg.csv")
    before = content(tmp_path / "gymtui.db")
    when = datetime(2025, 3, 1, 7, 30).astimezone()
    sets = [ImportedSet("Leg Press", "working", 100.0, 5, when + timedelta(seconds=1))]
    sets.append(ImportedSet("Leg Press", "working", -5.0, 5, when + timedelta(seconds=2)))
    session = ImportedSession("hevy:2025-03-01T07:30:00:Legs", when, "Legs", sets=sets)
    with pytest.raises(StorageError, match="CHECK constraint failed"):
        store.imports.write(ParsedFile("hevy", [session], Counter(), 2))
    assert content(tmp_path / "gymtui.db") == before
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        store.conn.execute("UPDATE sets SET reps = 0")
    store.close()


def test_a_bulk_import_leaves_what_one_row_by_row_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexes made once at the end, checks in one pass and PR flags in one window give the
    file the set-by-set way gives it, into a history that already has records to beat."""
    older = hevy_file(tmp_path / "older.csv", 600)
    newer = hevy_file(tmp_path / "newer.csv", 3000, newest_first=False)
    for how, least in (("rows", 10**9), ("bulk", 1)):
        monkeypatch.setattr(gymtui.store.bulk, "MIN_BULK_ROWS", least)
        store = new_store(tmp_path / f"{how}.db")
        streamed(store, FIXTURES / "hevy_kg.csv")
        streamed(store, older)
        streamed(store, newer)
        store.close()
    found = content(tmp_path / "bulk.db")
    assert found == content(tmp_path / "rows.db")
    assert 3 < sum(row[-1] for row in found["sets"]) < 300  # some records, not every set


# -- memory and progress -----------------------------------------------------------------------


def streamed_peak(path: Path) -> int:
    """The most memory Python held while a file's sessions were read and let go."""
    tracemalloc.start()
    try:
        with stream(path) as sessions:
            for _ in sessions.sessions:
                pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_a_file_twice_as_long_takes_no_more_memory(tmp_path: Path) -> None:
    short = streamed_peak(hevy_file(tmp_path / "short.csv", 10_000))
    long = streamed_peak(hevy_file(tmp_path / "long.csv", 20_000))
    assert long < short * 1.25 + 100_000, (short, long)
    tracemalloc.start()
    try:
        parse(tmp_path / "long.csv")  # the held read keeps every set
        whole = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert long * 3 < whole, (long, whole)


def test_progress_counts_the_bytes_read(tmp_path: Path) -> None:
    path = hevy_file(tmp_path / "hevy.csv", 10_000)
    told: list[tuple[int, int]] = []
    with stream(path, progress=lambda done, total: told.append((done, total))) as sessions:
        for _ in sessions.sessions:
            pass
    size = path.stat().st_size
    assert told[-1] == (size, size)
    assert len(told) == 10_000 // 2000 + 1
    assert [d for d, _ in told] == sorted(d for d, _ in told)
    assert 0 < told[0][0] < size


def test_a_big_import_on_a_terminal_shows_a_progress_bar(paths: Paths, tmp_path: Path) -> None:
    """A file that takes more than a second shows its bar (on standard error) as it is read."""
    big = hevy_file(tmp_path / "big.csv", 150_000)
    status, shown = on_a_terminal("import", str(big), timeout=120)
    assert status == 0
    assert "Importing big.csv" in shown
    assert "Saving big.csv" in shown  # the indexes, records and commit, once it is read
    assert "%" in shown
    assert "Imported 7500 sessions" in shown


def test_every_pr_flag_in_one_pass_is_the_flag_set_by_set(tmp_path: Path) -> None:
    """refresh_all_prs (a bulk import's) gives every set the flag refresh_prs gives it: ties
    in time broken by id, warm-ups never records, whatever the flags were before."""
    import random

    from gymtui.store.prs import refresh_all_prs, refresh_prs

    store = new_store(tmp_path / "gymtui.db")
    held(store, FIXTURES / "hevy_kg.csv")
    rng = random.Random(7)
    conn = store.conn
    session = conn.execute("SELECT min(id) FROM sessions").fetchone()[0]
    exercises = [r[0] for r in conn.execute("SELECT id FROM exercises LIMIT 3")]
    rows = [
        (
            session,
            rng.choice(exercises),
            n,
            rng.choice(["warmup", "working", "working", "drop"]),
            40 + n // 40 * 2.5 + rng.choice([-10.0, 0.0, 0.0, 2.5]),  # heavier over time
            rng.randint(1, 15),
            f"2024-01-01T{n // 180:02d}:{n // 3 % 60:02d}:00.000+00:00",  # three at a time
            rng.randint(0, 1),  # flags gone wrong, to be put right
        )
        for n in range(1, 2000)
    ]
    conn.executemany(
        "INSERT INTO sets (session_id, exercise_id, set_number, kind, weight_kg, reps, "
        "logged_at, pr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("SAVEPOINT each")
    for exercise in exercises:
        refresh_prs(conn, exercise, "")
    one_by_one = conn.execute("SELECT id, pr FROM sets ORDER BY id").fetchall()
    conn.execute("ROLLBACK TO each")
    refresh_all_prs(conn)
    at_once = conn.execute("SELECT id, pr FROM sets ORDER BY id").fetchall()
    assert at_once == one_by_one
    assert 10 < sum(pr for _, pr in at_once) < 1000
    store.close()


def test_two_workouts_whose_keys_differ_only_by_control_characters(tmp_path: Path) -> None:
    """Keys lose their control characters, so two such workouts have one key: the later is
    taken for imported before, streamed as held (never a refused write)."""
    header = '"Workout #";"Date";"Workout Name";"Exercise Name";"Set Order";"Weight (kg)";"Reps"'
    lines = [
        header,
        '"12";"2025-09-15 07:48:00";"Legs";"Deadlift (Barbell)";"1";"140";"5"',
        '"12";"2025-09-15 07:48:00";"Legs";"Deadlift (Barbell)";"2";"140";"5"',
        '"1\x072";"2025-09-15 07:48:00";"Legs";"Leg Press";"1";"200";"10"',
    ]
    path = tmp_path / "strong.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summaries = []
    for how, read in (("held", held), ("streamed", streamed)):
        store = new_store(tmp_path / f"{how}.db")
        summaries.append(counted(read(store, path)))
        store.close()
    assert summaries[0] == summaries[1]
    assert (summaries[1]["sessions_added"], summaries[1]["sessions_already"]) == (1, 1)
    assert content(tmp_path / "streamed.db") == content(tmp_path / "held.db")
