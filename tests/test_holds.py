"""Timed sets (holds): the program file's seconds, their progression, the store's seconds and
longest-hold records, and holds imported from Hevy and Strong exports."""

from __future__ import annotations

import tempfile
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.core.hold import Hold, hold_for, hold_view
from gymtui.core.metrics import Bests, beaten, beaten_text, record_lines
from gymtui.core.models import Exercise, LoggedSet, PlannedExercise, SetInput
from gymtui.core.program import builtin_catalogue, load_program, parse_program
from gymtui.core.progression import HOLD_STEP_S, aim_reps, hold_aim, suggest
from gymtui.core.values import format_set, parse_hold
from gymtui.errors import InvalidValue, ProgramError
from gymtui.importers import parse
from gymtui.importers.holds import is_hold
from gymtui.store import Store

from conftest import START

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "real-exports"
PROGRAM_TEXT = """
name = "Holds"

[[days]]
key = "A"
name = "Day A"
exercises = [
  { exercise = "back_squat", sets = 2, reps = 5 },
  { exercise = "wall_sit", sets = 3, seconds = 45 },
  { exercise = "copenhagen_plank", sets = 2, seconds = "20-30" },
]
"""
PROGRAM = parse_program(tomllib.loads(PROGRAM_TEXT), "program.toml", PROGRAM_TEXT)
WALL_SIT = PROGRAM.days[0].exercises[1]
COPENHAGEN = PROGRAM.days[0].exercises[2]
CATALOGUE = builtin_catalogue()


# -- the catalogue and the program file ---------------------------------------------


def test_the_catalogue_has_the_holds_timed() -> None:
    for ex_id in ("wall_sit", "plank", "isometric_split_squat", "copenhagen_plank"):
        assert CATALOGUE[ex_id].timed, ex_id
    assert CATALOGUE["isometric_split_squat"].one_legged
    assert CATALOGUE["isometric_split_squat"].muscles == ("quadriceps", "glutes")
    assert CATALOGUE["copenhagen_plank"].one_legged
    assert not CATALOGUE["back_squat"].timed


def test_a_program_entry_gives_seconds_fixed_or_a_range() -> None:
    assert WALL_SIT.timed and (WALL_SIT.reps, WALL_SIT.reps_top) == (45, None)
    assert WALL_SIT.reps_text == "45 s"
    assert COPENHAGEN.timed and (COPENHAGEN.reps, COPENHAGEN.reps_top) == (20, 30)
    assert COPENHAGEN.progression.kind == "double"
    assert COPENHAGEN.reps_text == "20-30 s"
    assert not PROGRAM.days[0].exercises[0].timed


def _refused(entry: str, extra: str = "") -> str:
    text = f'{extra}\n[[days]]\nkey = "A"\nexercises = [\n  {entry},\n]\n'
    with pytest.raises(ProgramError) as refused:
        parse_program(tomllib.loads(text), "program.toml", text)
    return str(refused.value)


def test_a_program_entry_with_reps_and_seconds_is_refused_with_its_line() -> None:
    message = _refused('{ exercise = "wall_sit", sets = 3, reps = 5, seconds = 45 }')
    assert message == (
        "program.toml, line 5: day 1 ('A'), exercise 1: give 'reps' or 'seconds' (a hold), not both"
    )


def test_a_timed_exercise_given_reps_is_refused_saying_seconds() -> None:
    message = _refused('{ exercise = "plank", sets = 3, reps = 5 }')
    assert "Plank is a hold: give its target in seconds (seconds = 45" in message
    assert message.startswith("program.toml, line 5: day 1 ('A'), exercise 1:")


@pytest.mark.parametrize(
    ("seconds", "problem"),
    [
        ("0", "'seconds' must be from 1 to 600, not 0"),
        ("601", "'seconds' must be from 1 to 600, not 601"),
        ('"45-30"', "'seconds' range '45-30' must go up, from 1 to 600"),
        ('"long"', "'seconds' must be a whole number or a range like \"30-45\", not 'long'"),
        ("4.5", "'seconds' must be a whole number, not 4.5"),
    ],
)
def test_bad_seconds_are_refused_with_what_to_write(seconds: str, problem: str) -> None:
    assert problem in _refused(f'{{ exercise = "wall_sit", sets = 3, seconds = {seconds} }}')


def test_an_entry_with_neither_reps_nor_seconds_says_reps_are_missing() -> None:
    assert "'reps' is missing" in _refused('{ exercise = "back_squat", sets = 3 }')


def test_seconds_make_any_exercise_a_hold_and_timed_is_an_exercise_field(tmp_path: Path) -> None:
    path = tmp_path / "program.toml"
    path.write_text(
        "[exercises.my_hold]\n"
        'name = "Spanish squat hold"\n'
        'muscles = ["quadriceps"]\n'
        "timed = true\n"
        "[[days]]\n"
        'key = "A"\n'
        "exercises = [\n"
        '  { exercise = "my_hold", sets = 2, seconds = 40 },\n'
        '  { exercise = "leg_extension", sets = 1, seconds = "20-40" },\n'
        "]\n"
    )
    program = load_program(path)
    assert program.exercises["my_hold"].timed
    assert [p.timed for p in program.days[0].exercises] == [True, True]


# -- progression ----------------------------------------------------------------------


def hold_sets(seconds: list[int], weight: float = 0.0, days_ago: int = 3) -> list[LoggedSet]:
    when = START - timedelta(days=days_ago)
    return [
        LoggedSet(n, 1, "wall_sit", n, "working", weight, 1, when, seconds=s)
        for n, s in enumerate(seconds, start=1)
    ]


@given(
    target=st.integers(1, 600),
    held=st.lists(st.integers(1, 900), min_size=0, max_size=6),
    sets=st.integers(1, 6),
)
def test_a_fixed_hold_steps_up_only_when_every_hold_met_it(
    target: int, held: list[int], sets: int
) -> None:
    aim = hold_aim(target, held, sets)
    every_met = len(held) >= sets and bool(held) and min(held) >= target
    if not every_met:
        assert aim == target
    else:
        assert aim > min(held) >= aim - HOLD_STEP_S  # just past the shortest hold
        assert (aim - target) % HOLD_STEP_S == 0  # in steps from the target
        assert hold_aim(target, [aim] * sets, sets) == aim + HOLD_STEP_S  # met again: up


@given(
    low=st.integers(5, 100),
    span=st.integers(1, 100),
    last=st.integers(1, 300),
    changed=st.booleans(),
)
def test_a_hold_range_climbs_five_seconds_a_hold_within_the_range(
    low: int, span: int, last: int, changed: bool
) -> None:
    planned = PlannedExercise("wall_sit", 3, low, reps_top=low + span, timed=True)
    aim = aim_reps(planned, hold_sets([last])[0], changed)
    assert low <= aim <= low + span
    if changed:
        assert aim == low  # heavier: back to the bottom, as reps do
    else:
        assert aim == max(low, min(low + span, last + HOLD_STEP_S))


def test_a_fixed_hold_suggests_its_next_seconds_with_the_reason() -> None:
    wall_sit = CATALOGUE["wall_sit"]
    met = suggest(wall_sit, WALL_SIT, [hold_sets([45, 47, 46])])
    assert (met.weight_kg, met.reps) == (0.0, 50)
    assert met.reason == "all 3 holds met last time (45, 47, 46 s): hold 50 s"
    missed = suggest(wall_sit, WALL_SIT, [hold_sets([45, 38, 40])])
    assert missed.reps == 45
    assert missed.reason == "not every hold reached 45 s last time: 45 s again"
    first = suggest(wall_sit, WALL_SIT, [])
    assert (first.weight_kg, first.reps) == (None, 45)
    assert first.reason == "no history yet: hold 45 s"


def test_a_hold_range_at_its_top_adds_load_when_the_exercise_has_a_step() -> None:
    loaded = Exercise("weighted_wall_sit", "Weighted wall sit", ("quadriceps",), increment_kg=5)
    planned = COPENHAGEN._replace(exercise_id=loaded.id)
    at_top = suggest(loaded, planned, [hold_sets([30, 30], weight=10.0)])
    assert at_top.reps == 20 and at_top.weight_kg == 15.0
    assert at_top.reason == "all holds reached 30 s: +5 kg, back to 20 s"
    body = suggest(CATALOGUE["copenhagen_plank"], COPENHAGEN, [hold_sets([30, 30])])
    assert body.reason == "all holds at 30 s: add load, or a harder hold"
    climbing = suggest(CATALOGUE["copenhagen_plank"], COPENHAGEN, [hold_sets([20, 22])])
    assert (
        climbing.reps == 27 and climbing.reason == "20, 22 s last time (20-30 s): 5 s more a hold"
    )


# -- the countdown ------------------------------------------------------------------


@given(target=st.integers(1, 600), elapsed=st.floats(0, 700))
def test_a_hold_saves_the_seconds_the_countdown_shows_held(target: int, elapsed: float) -> None:
    hold = hold_for(SetInput("wall_sit", 0.0, 1), "Wall sit", target, 100.0)
    at = 100.0 + elapsed
    view = hold_view(hold, at, None)
    held = hold.finished(at)
    assert held.reps == 1 and held.seconds is not None
    assert 1 <= held.seconds <= target
    shown_left = int(view.digits.split(":")[0]) * 60 + int(view.digits.split(":")[1])
    assert held.seconds == max(1, target - shown_left)  # 0:20 left of 0:45 saves 25 s
    assert hold.is_over(at) == (elapsed >= target)


def test_a_hold_view_reads_hold_not_rest() -> None:
    hold = Hold(SetInput("wall_sit", 0.0, 1, seconds=45), "Wall sit", 45, 0.0)
    view = hold_view(hold, 20.0, None)
    assert view.state == "hold" and view.digits == "0:25"
    assert view.headline.startswith("Hold: enter when you stop")
    assert view.status_line == "Hold 0:25  ·  Wall sit: hold 45 s, enter when you stop"


def test_seconds_typed_in_the_set_dialog() -> None:
    assert [parse_hold(t) for t in ("45", "45s", "1:30")] == [45, 45, 90]
    for bad in ("0", "3601", "long", "1:75", ""):
        with pytest.raises(InvalidValue, match="Seconds must"):
            parse_hold(bad)


def test_a_hold_reads_in_seconds_and_a_loaded_one_with_its_load() -> None:
    assert format_set(0.0, 1, "kg", seconds=45) == "45 s"
    assert format_set(20.0, 1, "kg", seconds=45) == "20 kg × 45 s"
    assert format_set(100.0, 6, "kg") == "100 kg × 6"


# -- records ------------------------------------------------------------------------


def test_a_longer_hold_is_a_pr_and_the_toast_says_longest_hold() -> None:
    records = beaten(Bests(None, None, None, 60), 0.0, 1, "working", 75)
    assert beaten_text(records, "kg") == "New PR: longest hold 75 s (was 60)"
    assert beaten(Bests(None, None, None, 60), 0.0, 1, "working", 60) == ()
    assert beaten(Bests(None, None, None, None), 0.0, 1, "working", 30) == ()  # the first
    assert beaten(Bests(None, None, None, 60), 0.0, 1, "warmup", 90) == ()


def open_store(path: Path) -> Store:
    store = Store.open(path)
    store.exercises.sync(PROGRAM.exercises.values())
    return store


def test_holds_on_file_flag_the_longest_and_count_no_volume(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    day = PROGRAM.days[0]
    when = START
    logged = []
    for seconds in (40, 45, 45, 60, 30):
        when += timedelta(minutes=2)
        logged.append(
            store.sessions.log_set(SetInput("wall_sit", 0.0, 1, seconds=seconds), day, when)
        )
    when += timedelta(minutes=2)
    store.sessions.log_set(SetInput("back_squat", 100.0, 5), day, when)
    flags = [s.pr for s in store.sessions.sets(logged[0].session_id)]
    assert flags == [False, True, False, True, False, False]  # the first set ever beat nothing
    assert [s.seconds for s in store.sessions.sets(logged[0].session_id)][:5] == [
        40,
        45,
        45,
        60,
        30,
    ]
    assert store.sessions.bests(SetInput("wall_sit", 0.0, 1, seconds=30)).seconds == 60
    [summary] = store.history.session_summaries()
    assert summary.volume_kg == 500.0  # the squat's 100 x 5; the holds move no kg
    records = store.history.records("wall_sit")
    assert records is not None and records.longest_hold is not None
    assert record_lines(records, "kg")[0][:2] == ("Longest hold", "60 s")
    # an edit to a longer hold moves the star; the import's one-pass rule agrees
    store.sessions.update_set(logged[4].id, SetInput("wall_sit", 0.0, 1, seconds=90))
    flags = [s.pr for s in store.sessions.sets(logged[0].session_id)]
    assert flags == [False, True, False, True, True, False]
    from gymtui.store.prs import refresh_all_prs

    with store.transaction() as conn:
        conn.execute("UPDATE sets SET pr = 1 - pr")
        refresh_all_prs(conn)
    assert [s.pr for s in store.sessions.sets(logged[0].session_id)] == flags
    store.close()


def test_a_hold_exports_and_imports_back_with_its_seconds(tmp_path: Path) -> None:
    store = open_store(tmp_path / "g.db")
    store.sessions.log_set(
        SetInput("copenhagen_plank", 0.0, 1, side="L", seconds=25), PROGRAM.days[0], START
    )
    [row] = list(store.imports.export_rows())
    assert (row["seconds"], row["reps"], row["side"]) == (25, 1, "L")
    store.close()


# -- imports --------------------------------------------------------------------------


def test_hold_names_are_told_from_cardio() -> None:
    for name in (
        "Plank",
        "Side Plank",
        "Wall Sit",
        "Dead Hang",
        "deadhang",
        "L Sit",
        "Hollow Body Hold",
        "Copenhagen plank",
        "Isometric split squat",
    ):
        assert is_hold(name), name
    for name in ("Running", "Treadmill", "Cycling", "Rowing (Machine)", "Jump Rope"):
        assert not is_hold(name), name


def _import(tmp_path: Path, name: str, unit: str) -> Store:
    store = open_store(tmp_path / "g.db")
    store.imports.write(parse(CORPUS / name, unit=unit))  # type: ignore[arg-type]
    return store


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the real-export corpus is not at {CORPUS}")
def test_a_real_strong_export_brings_its_planks_with_their_seconds(tmp_path: Path) -> None:
    store = _import(tmp_path, "strong_temahiser_fitnessdata_weightunit_lbs.csv", "lb")
    holds = store.conn.execute(
        "SELECT e.id, e.timed, count(*), min(t.seconds), max(t.seconds), total(t.reps) "
        "FROM sets t JOIN exercises e ON e.id = t.exercise_id WHERE t.seconds IS NOT NULL "
        "GROUP BY e.id ORDER BY e.id"
    ).fetchall()
    by_id = {r[0]: r[1:] for r in holds}
    assert by_id["plank"] == (1, 85, 5, 60, 85.0)  # the catalogue's plank, one hold a set
    assert by_id["user_side_plank"][:2] == (1, 52)  # made as a timed exercise of the user's
    # a jump rope's seconds are cardio: still skipped
    assert "user_jump_rope" not in by_id
    store.close()


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the real-export corpus is not at {CORPUS}")
def test_a_real_hevy_export_brings_its_planks_and_dead_hangs_not_its_runs(tmp_path: Path) -> None:
    store = _import(tmp_path, "hevy_ajccosta_hevyplotter_kg.csv", "kg")
    holds = dict(
        store.conn.execute(
            "SELECT e.name, count(*) FROM sets t JOIN exercises e ON e.id = t.exercise_id "
            "WHERE t.seconds IS NOT NULL GROUP BY e.name"
        ).fetchall()
    )
    assert holds == {"Dead Hang": 17, "Plank": 2}
    store.close()


def test_holds_go_out_in_gymtuis_export_and_come_back_byte_for_byte(
    paths: object, tmp_path: Path
) -> None:
    from gymtui.cli import main

    from helpers import db_rows

    store = open_store(paths.database)  # type: ignore[attr-defined]
    day = PROGRAM.days[0]
    store.sessions.log_set(SetInput("wall_sit", 0.0, 1, seconds=50), day, START)
    store.sessions.log_set(
        SetInput("copenhagen_plank", 5.0, 1, side="R", seconds=25),
        day,
        START + timedelta(minutes=2),
    )
    store.close()
    first = tmp_path / "first.csv"
    assert main(["export", "-o", str(first)]) == 0
    empty = tmp_path / "empty"
    assert main(["--data-dir", str(empty), "import", str(first)]) == 0
    second = tmp_path / "second.csv"
    assert main(["--data-dir", str(empty), "export", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert db_rows(
        empty / "gymtui.db", "SELECT exercise_id, weight_kg, reps, seconds, side FROM sets"
    ) == [("wall_sit", 0.0, 1, 50, None), ("copenhagen_plank", 5.0, 1, 25, "R")]
    assert first.read_text().splitlines()[0].endswith(",rest_taken_s,superset,seconds,pain")


@pytest.mark.skipif(not CORPUS.exists(), reason=f"the real-export corpus is not at {CORPUS}")
def test_a_real_fitbod_export_brings_its_holds_from_duration(tmp_path: Path) -> None:
    store = _import(tmp_path, "fitbod_datojulien_workoutdashboard_2025.csv", "kg")
    holds = dict(
        store.conn.execute(
            "SELECT e.name, count(*) FROM sets t JOIN exercises e ON e.id = t.exercise_id "
            "WHERE t.seconds IS NOT NULL GROUP BY e.name"
        ).fetchall()
    )
    assert holds["Weighted Wall Sit"] == 13 and holds["Superman Hold"] == 15
    assert "Stair Stepper" not in holds and "Side Bridge" not in holds
    store.close()


SET = st.tuples(
    st.booleans(),  # a hold
    st.sampled_from(["working", "working", "warmup"]),
    st.sampled_from([0.0, 20.0, 40.0]),
    st.integers(1, 12),  # reps, or seconds / 5
)


@settings(max_examples=30, deadline=None)
@given(sets=st.lists(SET, min_size=1, max_size=12))
def test_pr_flags_of_holds_and_sets_agree_however_they_are_worked_out(
    sets: list[tuple[bool, str, float, int]],
) -> None:
    """Logged one at a time, or all at once as a big import does, the flags are the rule's:
    a hold longer than every earlier hold, a set heavier (or of a better e1RM) than every
    earlier set of reps; a warm-up and the first of each never."""
    from gymtui.core.strength import e1rm
    from gymtui.store.prs import refresh_all_prs

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "g.db")
        when = START
        for hold, kind, weight, n in sets:
            when += timedelta(minutes=1)
            entry = SetInput(
                "wall_sit", weight, 1 if hold else n, kind, seconds=5 * n if hold else None
            )  # type: ignore[arg-type]
            store.sessions.log_set(entry, PROGRAM.days[0], when)
        logged = [s.pr for s in store.sessions.sets(1)]
        with store.transaction() as conn:
            conn.execute("UPDATE sets SET pr = 0")
            refresh_all_prs(conn)
        assert [s.pr for s in store.sessions.sets(1)] == logged
        store.close()
    expected: list[bool] = []
    longest: int | None = None
    heaviest: float | None = None
    best = 0.0
    for hold, kind, weight, n in sets:
        if kind == "warmup":
            expected.append(False)
        elif hold:
            expected.append(longest is not None and 5 * n > longest)
            longest = max(longest or 0, 5 * n)
        else:
            estimate = e1rm(weight, n)
            expected.append(heaviest is not None and (weight > heaviest or estimate > best + 1e-9))
            heaviest, best = max(heaviest or 0.0, weight), max(best, estimate)
    assert logged == expected
