"""History queries: summaries, PR marks, records, progress, muscles, with their edge cases."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.metrics import e1rm, gap_verdict, record_lines, sets_per_muscle, streak, weeks
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.core.values import Unit
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import START

PROGRAM = load_program()
DAY_A = PROGRAM.days[0]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "g.db")
    s.exercises.sync(PROGRAM.exercises.values())
    return s


def session(store: Store, days: float, *sets: tuple[str, float, int, str]) -> int:
    when = START + timedelta(days=days)
    session_id = 0
    for n, (ex, kg, reps, kind) in enumerate(sets):
        saved = store.sessions.log_set(
            SetInput(ex, kg, reps, kind), DAY_A, when + timedelta(minutes=n)
        )  # type: ignore[arg-type]
        session_id = saved.session_id
    store.sessions.finish(session_id, when + timedelta(minutes=len(sets)))
    return session_id


def test_e1rm_formula_caps_reps_and_keeps_singles() -> None:
    assert e1rm(100, 1) == 100
    assert e1rm(100, 6) == pytest.approx(120)
    assert e1rm(100, 10) == e1rm(100, 20)


def test_summary_excludes_warmups_from_sets_and_volume(store: Store) -> None:
    session(
        store,
        0,
        ("back_squat", 60, 8, "warmup"),
        ("back_squat", 100, 6, "working"),
        ("back_squat", 100, 5, "drop"),
    )
    [summary] = store.history.session_summaries()
    assert summary.working_sets == 2
    assert summary.volume_kg == 1100
    assert summary.duration == timedelta(minutes=3)


def test_pr_marks(store: Store) -> None:
    first = session(store, 0, ("back_squat", 100, 6, "working"))
    same = session(store, 3, ("back_squat", 100, 6, "working"))  # equal: no PR
    warm = session(store, 6, ("back_squat", 200, 1, "warmup"), ("back_squat", 90, 6, "working"))
    more_reps = session(store, 9, ("back_squat", 100, 7, "working"))  # e1RM PR, same weight
    single = session(store, 12, ("back_squat", 120, 1, "working"))  # heavier: weight PR
    marks = {s.session.id: s.has_pr for s in store.history.session_summaries()}
    # the first set ever has nothing to beat: no star (Today and the summary agree)
    assert marks == {first: False, same: False, warm: False, more_reps: True, single: True}


def test_editing_or_deleting_a_set_recomputes_later_pr_marks(store: Store) -> None:
    session(store, 0, ("deadlift", 140, 5, "working"))
    later = session(store, 3, ("deadlift", 145, 5, "working"))
    [old] = store.sessions.sets(store.history.session_summaries()[-1].session.id)
    store.sessions.update_set(old.id, SetInput("deadlift", 150, 5))
    assert {s.session.id: s.has_pr for s in store.history.session_summaries()}[later] is False
    store.sessions.update_set(old.id, SetInput("deadlift", 130, 5))
    assert {s.session.id: s.has_pr for s in store.history.session_summaries()}[later] is True
    store.sessions.delete_set(old.id)  # now the first deadlift ever: nothing to beat
    assert {s.session.id: s.has_pr for s in store.history.session_summaries()}[later] is False


def lines(store: Store, unit: Unit) -> list[tuple[str, str, datetime]]:
    records = store.history.records("back_squat")
    assert records is not None
    return record_lines(records, unit)


def test_records_with_dates_ignore_warmups(store: Store) -> None:
    session(
        store,
        0,
        ("back_squat", 200, 1, "warmup"),
        ("back_squat", 100, 6, "working"),
        ("back_squat", 100, 8, "working"),
    )
    session(store, 3, ("back_squat", 110, 3, "working"), ("back_squat", 100, 7, "working"))
    records = {label: (value, when.date()) for label, value, when in lines(store, "kg")}
    day0, day3 = START.date(), (START + timedelta(days=3)).date()
    assert records["Heaviest"] == ("110 kg × 3", day3)
    assert records["Best e1RM"] == ("126.5 kg (100 × 8)", day0)  # an estimate: to 0.5
    assert records["Reps at 100 kg"] == ("8 reps", day0)
    assert records["Best volume"] == ("1400 kg", day0)


def test_records_in_pounds(store: Store) -> None:
    session(store, 0, ("back_squat", 102.058, 5, "working"))
    records = {label: value for label, value, _ in lines(store, "lb")}
    assert records["Heaviest"] == "225 lb × 5"


def test_progress_points_and_ranges(store: Store) -> None:
    session(store, 0, ("back_squat", 100, 6, "working"), ("back_squat", 105, 2, "working"))
    session(store, 400, ("back_squat", 110, 6, "working"))
    points = store.history.progress("back_squat")
    assert [(p.top_weight, round(p.best_e1rm, 1)) for p in points] == [(105, 120.0), (110, 132.0)]
    assert len(store.history.progress("back_squat", since=START + timedelta(days=100))) == 1


def test_muscles_weeks_gaps_and_streak(store: Store) -> None:
    session(store, -5, ("back_squat", 100, 6, "working"), ("hamstring_curl", 40, 12, "working"))
    session(store, -3, ("standing_calf_raise", 60, 15, "working"))
    counts = store.history.working_sets_by_exercise(START - timedelta(days=7), START)
    # the squat works the hamstrings second and the curl the calves: half a set each
    assert sets_per_muscle(counts, PROGRAM.exercises) == {
        "quadriceps": 1,
        "hamstrings": 1.5,
        "glutes": 1,
        "calves": 1.5,
    }
    assert gap_verdict(30) == "too soon" and gap_verdict(60) == "in window"
    assert gap_verdict(100) == "long gap"
    starts = store.history.leg_day_starts()  # what Weeks reads: these sessions are all leg days
    rows = weeks(starts, 2, START, count=2)
    assert [r.sessions for r in rows] == [2, 0]  # 22 Nov 2026 is a Sunday: both in this week
    assert rows[0].gaps[0][1] == "in window"
    assert streak(starts, 2, START) == 1
    assert streak(starts, 2, START + timedelta(days=7)) == 1  # next week not met yet: still 1
    assert streak(starts, 2, START + timedelta(days=14)) == 0


def test_long_streak_is_counted_beyond_the_first_window(store: Store) -> None:
    from gymtui.core.training import week_start

    monday = week_start(START)
    for week in range(30):
        for day in (0, 3):
            when = monday - timedelta(weeks=week) + timedelta(days=day, hours=9)
            if when < START:
                saved = store.sessions.log_set(SetInput("deadlift", 100, 5), DAY_A, when)
                store.sessions.finish(saved.session_id, when)
    starts = store.history.leg_day_starts()  # what Weeks reads: these sessions are all leg days
    assert streak(starts, 2, START) == 30
    assert starts == sorted(starts) and len(starts) == 60
    rows = weeks(starts, 2, START)  # every week back to the first session's
    assert len(rows) == 30 and all(r.met for r in rows[1:])


def test_two_sessions_on_one_day_are_one_leg_day() -> None:
    from gymtui.core.metrics import leg_days

    monday = datetime(2026, 11, 16, 7, 0, tzinfo=UTC)
    starts = [
        monday,
        monday + timedelta(hours=11),  # the same Monday, in the evening
        monday + timedelta(days=3),
    ]
    assert leg_days(starts) == [monday, monday + timedelta(days=3)]
    [row] = weeks(starts, 2, START, count=1)
    assert row.sessions == 2 and row.met
    assert [verdict for _, verdict in row.gaps] == ["in window"]  # 72 h, not 11 h "too soon"
    assert streak(starts, 2, START) == 1
    assert streak(starts[:2], 2, START) == 0  # one day, two sessions: not two leg days


@given(
    st.floats(min_value=1, max_value=300),
    st.integers(min_value=1, max_value=30),
    st.floats(min_value=1, max_value=300),
    st.integers(min_value=1, max_value=30),
)
def test_a_set_breaks_exactly_the_records_it_beats(
    best_w: float, best_r: int, weight: float, reps: int
) -> None:
    from gymtui.core.metrics import Bests, beaten

    before = Bests(best_w, e1rm(best_w, best_r), best_r if weight == best_w else None)
    found = {b.what for b in beaten(before, weight, reps, "working")}
    assert ("heaviest" in found) == (weight > best_w + 1e-9)
    assert ("e1rm" in found) == (e1rm(weight, reps) > e1rm(best_w, best_r) + 1e-9)
    assert ("reps" in found) == (weight == best_w and reps > best_r)
    assert beaten(before, weight, reps, "warmup") == ()
    assert beaten(Bests(None, None, None), weight, reps, "working") == ()  # nothing to beat


def test_the_demo_follows_the_apps_own_progression_rule(paths: Paths) -> None:
    from gymtui.core.progression import suggest
    from gymtui.demo import PLATES, make_demo

    make_demo(paths, START, weeks=80)
    store = Store.open(paths.database)
    planned = {p.exercise_id: p for day in PROGRAM.days for p in day.exercises}
    checked = 0
    for exercise_id, plan in planned.items():
        sessions = [
            r[0]
            for r in store.conn.execute(
                "SELECT session_id FROM sets WHERE exercise_id = ? GROUP BY session_id "
                "ORDER BY min(logged_at)",
                [exercise_id],
            )
        ]
        for i, now in enumerate(sessions[1:], start=1):
            recent = [
                [s for s in store.sessions.sets(before) if s.exercise_id == exercise_id]
                for before in reversed(sessions[max(0, i - 3) : i])
            ]
            suggested = suggest(PROGRAM.exercises[exercise_id], plan, recent, "kg", PLATES)
            lifted = {
                s.weight_kg
                for s in store.sessions.sets(now)
                if s.exercise_id == exercise_id and s.is_working
            }
            assert lifted == {suggested.weight_kg}, (exercise_id, now)
            checked += 1
    store.close()
    assert checked > 500
