"""Supersets brought in: Hevy's superset_id kept per set (every real Hevy export), gymtui's own
export carrying them back, a bad id refused whole; Strong's exports carry none."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gymtui.cli import main
from gymtui.importers import ImportFileError, parse
from gymtui.paths import Paths
from gymtui.store import Store

from helpers import db_rows
from test_import import PROGRAM, export_import_export, open_store
from test_real_exports import CORPUS, FILES, is_a_hold, raw_rows

HEVY = sorted(name for name in FILES if name.startswith("hevy_"))
STRONG = sorted(name for name in FILES if name.startswith("strong_"))


def lifted(row: dict[str, str]) -> bool:
    """A Hevy row gymtui keeps as a set: it has reps, or it is a hold (a plank's seconds)."""
    try:
        return float(row["reps"] or 0) > 0 or is_a_hold(row)
    except ValueError:
        return False


@pytest.mark.skipif(not HEVY, reason=f"the real-export corpus is not at {CORPUS}")
@pytest.mark.parametrize("name", HEVY or ["none"])
def test_a_real_hevy_export_keeps_its_supersets(name: str, tmp_path: Path) -> None:
    path = CORPUS / name
    raw = [row for row in raw_rows(path) if lifted(row)]
    in_superset = [row for row in raw if row["superset_id"].strip()]
    assert in_superset, "every Hevy export in the corpus has supersets"
    store = Store.open(tmp_path / "gymtui.db")
    store.exercises.sync(PROGRAM.exercises.values())
    store.imports.write(parse(path))
    # each set keeps its superset id, and no set outside one gains one
    stored = store.conn.execute(
        "SELECT superset, count(*) FROM sets WHERE superset IS NOT NULL GROUP BY superset"
    ).fetchall()
    assert dict(stored) == Counter(row["superset_id"].strip() for row in in_superset)
    # a workout's superset holds the same sets as in the file, workout by workout
    by_workout = Counter(
        (r["start_time"], r["title"], r["superset_id"].strip()) for r in in_superset
    )
    found = store.conn.execute(
        "SELECT count(*) FROM sets WHERE superset IS NOT NULL GROUP BY session_id, superset"
    ).fetchall()
    assert sorted(n for (n,) in found) == sorted(by_workout.values())
    store.close()


@pytest.mark.skipif(not STRONG, reason=f"the real-export corpus is not at {CORPUS}")
def test_no_strong_export_marks_a_superset() -> None:
    """Strong's app has supersets, but none of its exports in the corpus (2015 to 2025, five
    layouts, three languages) has a column or a marker for them: nothing to import."""
    for name in STRONG:
        text = (CORPUS / name).read_text(encoding="utf-8-sig")
        header = text.split("\n", 1)[0].lower()
        assert "superset" not in header and "super" not in header, name
        assert "superset" not in text.lower(), name


HEVY_TEXT = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
    '"Legs","18 Sep 2025, 18:00","18 Sep 2025, 19:05","","Squat (Barbell)","","",0,"normal",'
    "100,5,,,\n"
    '"Legs","18 Sep 2025, 18:00","18 Sep 2025, 19:05","","Lying Leg Curl (Machine)",{sid},"",'
    '0,"normal",40,12,,,\n'
    '"Legs","18 Sep 2025, 18:00","18 Sep 2025, 19:05","","Standing Calf Raise (Machine)",0,"",'
    '0,"normal",60,15,,,\n'
)


def test_hevy_supersets_go_through_gymtuis_own_export(paths: Paths, tmp_path: Path) -> None:
    path = tmp_path / "hevy.csv"
    path.write_text(HEVY_TEXT.format(sid=0), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    assert db_rows(paths.database, "SELECT exercise_id, superset FROM sets ORDER BY id") == [
        ("back_squat", None),
        ("hamstring_curl", "0"),
        ("standing_calf_raise", "0"),
    ]
    first, second = export_import_export(tmp_path)
    assert first == second
    header, *rows = first.decode().splitlines()
    assert header.endswith(",rest_taken_s,superset,seconds,pain")
    assert [row.rsplit(",", 3)[1] for row in rows] == ["", "0", "0"]  # superset, seconds, pain
    empty = tmp_path / "empty" / "gymtui.db"
    assert db_rows(empty, "SELECT superset FROM sets ORDER BY id") == [(None,), ("0",), ("0",)]


def test_an_export_from_before_supersets_still_imports(paths: Paths, tmp_path: Path) -> None:
    store = open_store(paths)
    store.close()
    old = tmp_path / "old.csv"
    old.write_text(
        "session_key,session_started_at,session_finished_at,session_day_key,session_day_name,"
        "session_source,session_note,exercise_id,exercise_name,set_number,kind,weight_kg,reps,"
        "rpe,note,side,logged_at,rest_taken_s\n"
        "gymtui:2026-01-01T10:00:00.000+00:00,2026-01-01T10:00:00.000+00:00,,A,Day A,gymtui,,"
        "deadlift,Deadlift,1,working,140,5,,,,2026-01-01T10:01:00.000+00:00,\n",
        encoding="utf-8",
    )
    assert main(["import", str(old)]) == 0
    assert db_rows(paths.database, "SELECT exercise_id, superset FROM sets") == [("deadlift", None)]


def test_a_bad_superset_id_is_refused_with_its_line(paths: Paths, tmp_path: Path) -> None:
    path = tmp_path / "hevy.csv"
    path.write_text(HEVY_TEXT.format(sid='"a very long superset id"'), encoding="utf-8")
    with pytest.raises(ImportFileError) as problem:
        parse(path)
    assert str(problem.value).startswith(
        f"{path}, line 3, column 'superset_id': 'a very long superset' is not a superset's id "
        "(like 0 or 1). Nothing was imported"
    )
    assert main(["import", str(path)]) == 2
    assert not paths.database.exists() or db_rows(paths.database, "SELECT count(*) FROM sets") == [
        (0,)
    ]
