"""Only sessions with real leg work are leg days: recovery, the week, the streak, Weeks' gaps
and the A/B rotation follow them, and an import says how many it brought."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.core.training import day_of, is_leg_day
from gymtui.gym import Gym
from gymtui.importers import parse
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import FakeClock
from helpers import make_app, text_of

PROGRAM = load_program()
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes"


def strong_file(tmp: Path, sessions: list[tuple[datetime, str, list[tuple[str, int]]]]) -> Path:
    """A Strong export: per session its start, name and (exercise, sets) at 50 kg x 8."""
    lines = [HEADER]
    for start, name, work in sessions:
        when = start.strftime("%Y-%m-%d %H:%M:%S")
        for exercise, sets in work:
            lines += [f"{when},{name},1h,{exercise},{n},50,8,0,0," for n in range(1, sets + 1)]
    path = tmp / "strong.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_leg_day_rule() -> None:
    assert is_leg_day(3, 20)  # a full-body day with three leg sets
    assert not is_leg_day(2, 20)  # a push day with two calf raises
    assert is_leg_day(1, 1)  # the first set of today's leg session
    assert is_leg_day(2, 2)
    assert not is_leg_day(0, 0)
    assert not is_leg_day(0, 12)


def test_an_imported_session_is_matched_to_the_program_day_it_was() -> None:
    assert day_of(PROGRAM, ["back_squat", "deadlift", "bench"]) == PROGRAM.days[0]
    assert day_of(PROGRAM, ["front_squat", "leg_press"]) == PROGRAM.days[1]
    assert day_of(PROGRAM, ["bench"]) is None
    assert day_of(PROGRAM, ["back_squat", "front_squat"]) is None  # one each: no guess


def seed(paths: Paths, clock: FakeClock, tmp: Path) -> None:
    """Day A (squats, deadlifts) five days ago; a push day with one calf raise set
    yesterday and a pull day two days ago, all imported from Strong."""
    now = clock.now()
    store = Store.open(paths.database)
    store.exercises.sync(PROGRAM.exercises.values())
    file = strong_file(
        tmp,
        [
            (now - timedelta(days=5), "Legs", [("Squat (Barbell)", 4), ("Deadlift (Barbell)", 3)]),
            (now - timedelta(days=2), "Pull", [("Pull Up", 4), ("Bent Over Row (Barbell)", 4)]),
            (
                now - timedelta(days=1),
                "Push - Incline #40",
                [("Bench Press (Barbell)", 5), ("Calf Raise (Machine)", 1)],
            ),
        ],
    )
    summary = store.imports.write(parse(file, unit="kg"))
    assert summary.sessions_added == 3
    assert summary.leg_days == 1
    store.close()


def test_upper_body_days_feed_no_recovery_week_or_rotation(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    seed(paths, clock, tmp_path)
    gym = Gym.open(paths, clock)
    view = gym.today()
    assert view.recovery.text == "Ready: it has been 5 days since legs"
    assert view.day.key == "B"  # the imported leg day had Day A's lifts
    overview = gym.history.overview()
    assert len(overview.starts) == 1  # Weeks and the streak see one leg day
    gym.close()


async def test_today_counts_from_the_last_leg_day(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    seed(paths, clock, tmp_path)
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)):
        assert "5 days since legs" in text_of(app, "#recovery")
        # Sunday: the Tuesday leg day counts, Friday's pull and Saturday's push do not
        assert "1 of 2 leg sessions this week" in text_of(app, "#recovery")
        assert text_of(app, "#day-title").startswith("Day B")


def test_a_session_in_progress_is_a_leg_day_from_its_first_leg_set(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    gym.log_set(SetInput("back_squat", 100, 5))
    assert "1 of 2 leg sessions this week" in gym.today().weekly
    gym.close()


def test_an_older_import_s_bare_exercises_get_the_muscles_their_names_make_clear(
    paths: Paths, clock: FakeClock
) -> None:
    """A file imported before names were read: 'Leg Press Machine' had no muscles, so no
    session with it was a leg day. The first start after the upgrade reads the names, once."""
    import sqlite3

    store = Store.open(paths.database)
    store.exercises.sync(PROGRAM.exercises.values())
    store.conn.execute("DELETE FROM settings WHERE key = 'muscles_from_names'")
    for ex_id, name in [("user_leg_press_machine", "Leg Press Machine"), ("user_bench", "Bench")]:
        store.conn.execute(
            "INSERT INTO exercises (id, name, custom) VALUES (?, ?, 1)", [ex_id, name]
        )
    store.conn.execute("UPDATE exercises SET muscles = 'calves' WHERE id = 'back_squat'")
    store.conn.commit()
    store.close()
    gym = Gym.open(paths, clock)  # the catalogue differs (back squat): the upgrade's write
    gym.close()
    with sqlite3.connect(paths.database) as conn:
        muscles = dict(conn.execute("SELECT id, muscles FROM exercises WHERE custom = 1"))
        assert muscles == {"user_leg_press_machine": "quadriceps,glutes", "user_bench": ""}
        conn.execute("UPDATE exercises SET muscles = '' WHERE id = 'user_leg_press_machine'")
        conn.execute("UPDATE exercises SET muscles = 'calves' WHERE id = 'back_squat'")
    Gym.open(paths, clock).close()  # once only: a user's own choice of none is kept after
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute(
            "SELECT muscles FROM exercises WHERE id = 'user_leg_press_machine'"
        ).fetchone() == ("",)


def test_back_extensions_on_a_back_day_make_no_leg_day(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    now = clock.now()
    store = Store.open(paths.database)
    store.exercises.sync(PROGRAM.exercises.values())
    file = strong_file(
        tmp_path,
        [
            (now - timedelta(days=9), "Legs", [("Squat (Barbell)", 4)]),
            (
                now - timedelta(days=2),
                "Back",
                [("Bent Over Row (Barbell)", 4), ("Back Extension (Weighted Hyperextension)", 3)],
            ),
        ],
    )
    summary = store.imports.write(parse(file, unit="kg"))
    assert summary.leg_days == 1
    store.close()
    gym = Gym.open(paths, clock)
    assert gym.today().recovery.text == "Ready: it has been 9 days since legs"
    gym.close()


def test_a_day_chosen_before_a_deleted_session_does_not_come_back(
    paths: Paths, clock: FakeClock
) -> None:
    """Log and finish Day A; switch to A again; delete that session; train and finish again:
    the next day is B. SQLite gave the deleted session's id to the new one, and the choice,
    kept with that id alone, came back: Day A twice, with 'Recovering' on it."""
    gym = Gym.open(paths, clock)
    first = gym.log_set(SetInput("back_squat", 100, 5)).set.session_id
    gym.finish_session(first)
    assert gym.today().day.key == "B"
    gym.choose_day("A")
    assert gym.today().day.key == "A"
    gym.corrections.delete_session(first)
    clock.advance(3 * 86_400)
    again = gym.log_set(SetInput("back_squat", 100, 5)).set.session_id
    assert again == first  # the id SQLite hands out again
    gym.finish_session(again)
    assert gym.today().day.key == "B"
    gym.close()
