"""Your own exercises: the rules for names and steps, and what edit, rename, merge and delete
leave in the file (sets, set numbers, PR flags, the names the next import finds)."""

from __future__ import annotations

import time
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.exercises import (
    ExerciseEdit,
    ExerciseInfo,
    delete_problem,
    merge_problem,
    parse_exercise_name,
    parse_step,
    same_name,
)
from gymtui.core.models import Exercise, SetInput
from gymtui.core.program import load_program
from gymtui.errors import InvalidValue
from gymtui.importers import parse
from gymtui.store import StorageError, Store

from conftest import START

PROGRAM = load_program()
DAY_A = PROGRAM.days[0]
CONTROL = ("Cc", "Cf", "Zl", "Zp")  # escapes, bidi overrides, line breaks
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)


def open_store(path: Path) -> Store:
    store = Store.open(path)
    store.exercises.sync(PROGRAM.exercises.values())
    return store


def rows(store: Store, sql: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.conn.execute(sql, params).fetchall()]


# -- the rules ------------------------------------------------------------------------


def test_names_are_tidied_bounded_and_unique() -> None:
    assert parse_exercise_name("  Hip   thrust\x1b[31m ") == "Hip thrust [31m"
    with pytest.raises(InvalidValue, match="cannot be empty"):
        parse_exercise_name(" \t ")
    with pytest.raises(InvalidValue, match="at most 60 characters"):
        parse_exercise_name("x" * 61)
    # the refusal names the exercise that has the name, not what was typed
    with pytest.raises(InvalidValue, match="already an exercise called Back squat:"):
        parse_exercise_name("back SQUAT", {same_name("Back squat"): "Back squat"})


@given(st.text(max_size=80))
def test_a_parsed_name_has_no_control_characters_and_is_short(text: str) -> None:
    try:
        name = parse_exercise_name(text)
    except InvalidValue:
        return
    assert 1 <= len(name) <= 60
    assert name == name.strip()
    assert not any(unicodedata.category(ch) in CONTROL for ch in name)


def test_step_is_in_the_users_unit_and_bounded() -> None:
    assert parse_step("2,5", "kg") == 2.5
    assert parse_step("5", "lb") == pytest.approx(2.26796)
    assert parse_step("0", "kg") == 0
    with pytest.raises(InvalidValue, match="from 0 to 50"):
        parse_step("60", "kg")
    with pytest.raises(InvalidValue, match="number of lb"):
        parse_step("-5", "lb")


def test_what_cannot_be_merged_or_deleted_says_why() -> None:
    squat = ExerciseInfo(Exercise("back_squat", "Back squat"), sets=40)
    mine = ExerciseInfo(Exercise("user_sq", "Squat (Barbell)", custom=True), sets=1234)
    unused = ExerciseInfo(Exercise("user_x", "Hip thrust", custom=True))
    assert merge_problem(mine, squat) is None
    assert "highlight the other exercise" in (merge_problem(squat, mine) or "")
    assert "another exercise" in (merge_problem(mine, mine) or "")
    assert delete_problem(unused) is None
    assert delete_problem(mine) == "Squat (Barbell) has 1,234 sets: merge it into another " + (
        "exercise instead (m)."
    )
    assert "comes with gymtui" in (delete_problem(squat) or "")


# -- the file ---------------------------------------------------------------------------


def test_create_and_edit_store_every_field(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    made = store.exercises.create(
        ExerciseEdit(
            "Kas glute bridge", ("glutes",), ("core",), "barbell", increment_kg=5, rest_s=150
        )
    )
    assert made.custom and made.uses_bar and made.muscles == ("glutes",)
    assert rows(
        store,
        "SELECT name, muscles, stabilisers, equipment, increment_kg, rest_s "
        "FROM exercises WHERE id = ?",
        made.id,
    ) == [("Kas glute bridge", "glutes", "core", "barbell", 5.0, 150)]
    store.exercises.update(made.id, ExerciseEdit("Barbell glute bridge", ("glutes", "hamstrings")))
    assert rows(
        store, "SELECT name, muscles, equipment, rest_s FROM exercises WHERE id = ?", made.id
    ) == [("Barbell glute bridge", "glutes,hamstrings", "other", None)]
    # the old name still leads here
    assert store.exercises.aliases() == {"kas glute bridge": made.id}
    with pytest.raises(StorageError, match="already called 'Deadlift'"):
        store.exercises.update(made.id, ExerciseEdit("deadlift"))
    with pytest.raises(StorageError, match="only its rest"):
        store.exercises.update("back_squat", ExerciseEdit("My squat"))
    assert rows(store, "SELECT name FROM exercises WHERE id = 'back_squat'") == [("Back squat",)]


def test_merge_moves_sets_renumbers_and_recomputes_prs(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    mine = store.exercises.create(ExerciseEdit("Squat (Barbell)"))
    t = START
    # one session with both: squat 100x6, then the import's name 110x5, then squat 100x6
    store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, t)
    store.sessions.log_set(SetInput(mine.id, 110, 5), DAY_A, t + timedelta(minutes=3))
    store.sessions.log_set(SetInput("back_squat", 100, 6), DAY_A, t + timedelta(minutes=6))
    before = rows(store, "SELECT exercise_id, set_number, pr FROM sets ORDER BY logged_at")
    assert before == [("back_squat", 1, 0), (mine.id, 1, 0), ("back_squat", 2, 0)]

    assert store.exercises.merge(mine.id, "back_squat") == 1

    assert rows(
        store, "SELECT exercise_id, set_number, weight_kg, pr FROM sets ORDER BY logged_at"
    ) == [
        ("back_squat", 1, 100.0, 0),  # the first ever: nothing to beat
        ("back_squat", 2, 110.0, 1),
        ("back_squat", 3, 100.0, 0),
    ]
    assert rows(store, "SELECT 1 FROM exercises WHERE id = ?", mine.id) == []
    assert store.exercises.aliases() == {"squat (barbell)": "back_squat"}
    with pytest.raises(StorageError, match="gone"):
        store.exercises.merge(mine.id, "back_squat")


def test_an_import_after_a_merge_finds_the_merged_name(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    mine = store.exercises.create(ExerciseEdit("Belt squat"))
    store.exercises.merge(mine.id, "leg_press")
    export = tmp_path / "strong.csv"
    export.write_text(
        STRONG_HEADER + "2025-09-15 07:48:00,Legs,1h,Belt Squat,1,100,8,0,0,,,\n", encoding="utf-8"
    )
    summary = store.imports.write(parse(export, unit="kg"))
    assert summary.created == []
    assert rows(store, "SELECT exercise_id, weight_kg FROM sets") == [("leg_press", 100.0)]


def test_delete_only_an_unused_exercise_of_your_own(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    unused = store.exercises.create(ExerciseEdit("Sissy squat"))
    used = store.exercises.create(ExerciseEdit("Belt squat"))
    store.sessions.log_set(SetInput(used.id, 60, 12), DAY_A, START)
    with pytest.raises(StorageError, match="has 1 sets"):
        store.exercises.delete(used.id)
    with pytest.raises(StorageError, match="comes with gymtui"):
        store.exercises.delete("deadlift")
    store.exercises.delete(unused.id)
    assert rows(store, "SELECT id FROM exercises WHERE custom = 1") == [(used.id,)]


def test_body_weight_load_uses_the_lifters_own_calendar_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A set at 02:00 UTC on the 22nd is 18:00 on the 21st in California: that evening's
    weigh-in is its body weight, not the next morning's."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    store = open_store(tmp_path / "g.db")
    dips = store.exercises.create(ExerciseEdit("Weighted step-up", body_weight_load=True))
    when = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
    store.body_weights.record(date(2026, 11, 21), 70.0, when)
    store.body_weights.record(date(2026, 11, 22), 90.0, when + timedelta(hours=14))
    store.sessions.log_set(SetInput(dips.id, 10, 5), DAY_A, when)
    [point] = store.history.progress(dips.id, body_weight=True)
    assert point.top_weight == 80.0  # 10 kg held + the 21st's 70 kg
    [plain] = store.history.progress(dips.id)
    assert plain.top_weight == 10.0
    records = store.history.records(dips.id, body_weight=True)
    assert records is not None and records.heaviest.weight_kg == 80.0
