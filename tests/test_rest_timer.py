"""The rest timer state machine, on an injected clock; nothing sleeps."""

from datetime import UTC, datetime, timedelta

import pytest

from gymtui.core.program import load_program
from gymtui.core.rest import RestTimer, rest_length
from gymtui.core.values import parse_rest
from gymtui.errors import InvalidValue

T0 = 5_000.0
WALL = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
PROGRAM = load_program()


def test_counts_down_against_the_deadline() -> None:
    timer = RestTimer()
    timer.start(180, T0)
    assert timer.remaining(T0) == 180
    assert timer.remaining(T0 + 19.25) == pytest.approx(160.75)
    assert not timer.is_over(T0 + 179.9)
    assert timer.is_over(T0 + 180)


def test_pause_and_resume_keep_the_remainder() -> None:
    timer = RestTimer()
    timer.start(90, T0)
    timer.toggle_pause(T0 + 30)
    assert timer.state == "paused"
    assert timer.remaining(T0 + 500) == 60  # time passing while paused changes nothing
    timer.toggle_pause(T0 + 500)
    assert timer.remaining(T0 + 510) == 50


def test_add_and_take_away_15_seconds() -> None:
    timer = RestTimer()
    timer.start(60, T0)
    timer.adjust(15, T0 + 10)
    assert timer.remaining(T0 + 10) == 65
    timer.adjust(-15, T0 + 10)
    timer.adjust(-15, T0 + 10)
    assert timer.remaining(T0 + 10) == 35
    timer.adjust(-60, T0 + 10)  # past zero: the rest ends now
    assert timer.is_over(T0 + 10)


def test_adding_time_after_expiry_rearms_the_alert() -> None:
    timer = RestTimer()
    timer.start(30, T0)
    assert timer.poll_alert(T0 + 31)
    timer.adjust(15, T0 + 31)
    assert not timer.is_over(T0 + 40)
    assert timer.poll_alert(T0 + 46)


def test_skip_ends_without_alert() -> None:
    timer = RestTimer()
    timer.start(60, T0)
    timer.skip()
    assert timer.state == "idle"
    assert not timer.poll_alert(T0 + 120)


def test_alert_fires_exactly_once() -> None:
    timer = RestTimer()
    timer.start(60, T0)
    polls = [timer.poll_alert(T0 + t / 10) for t in range(0, 1200)]
    assert polls.count(True) == 1
    assert polls.index(True) == 600
    assert timer.remaining(T0 + 102) == -42  # counts up after zero


def test_suspend_jump_is_counted() -> None:
    timer = RestTimer()
    timer.start(180, T0)
    # a laptop lid shut for 10 minutes: CLOCK_BOOTTIME jumped 600 s between two reads
    assert timer.remaining(T0 + 600) == -420
    assert timer.poll_alert(T0 + 600)
    assert not timer.poll_alert(T0 + 601)


def test_restart_from_saved_state_continues_the_same_countdown() -> None:
    timer = RestTimer()
    timer.start(180, T0, after_set_id=7)
    saved = timer.to_saved(T0 + 30, WALL + timedelta(seconds=30))
    # the app restarts 20 s later; the new process's steady clock has another origin
    again = RestTimer.from_saved(saved, 42.0, WALL + timedelta(seconds=50))
    assert again.remaining(42.0) == pytest.approx(130)
    assert again.after_set_id == 7
    paused = RestTimer()
    paused.start(100, T0)
    paused.toggle_pause(T0 + 40)
    back = RestTimer.from_saved(paused.to_saved(T0 + 40, WALL), 1.0, WALL + timedelta(hours=1))
    assert back.state == "paused" and back.remaining(99.0) == 60


def test_alerted_state_survives_restart_so_no_second_alert() -> None:
    timer = RestTimer()
    timer.start(10, T0)
    assert timer.poll_alert(T0 + 11)
    again = RestTimer.from_saved(timer.to_saved(T0 + 11, WALL), 0.0, WALL)
    assert not again.poll_alert(5.0)


def test_rest_length_order() -> None:
    squat = PROGRAM.exercises["back_squat"]
    calf = PROGRAM.exercises["standing_calf_raise"]
    planned = PROGRAM.days[0].exercises[0]
    assert rest_length(squat, planned, "working", None) == 180
    assert rest_length(calf, None, "working", None) == 60
    assert rest_length(squat, planned, "working", 240) == 240  # the user's own setting first
    from gymtui.core.models import PlannedExercise

    assert (
        rest_length(squat, PlannedExercise("back_squat", 4, 6, rest_s=200), "working", None) == 200
    )
    assert rest_length(squat, planned, "warmup", 240, warmup_rest_s=30) == 30
    from gymtui.core.models import Exercise

    mine = Exercise("user_x", "X", custom=True)
    assert rest_length(mine, None, "working", None, default_rest_s=75) == 75


def test_parse_rest() -> None:
    assert parse_rest("2:30") == 150
    assert parse_rest("90") == 90
    assert parse_rest("45s") == 45
    assert parse_rest(" ") is None
    for bad in ("5", "31:00", "two minutes", "1:75"):
        with pytest.raises(InvalidValue, match="Rest must"):
            parse_rest(bad)
    with pytest.raises(InvalidValue, match=r"from 0:10 to 30:00 \(got 1000000 s\)"):
        parse_rest("1000000")  # a number too big, not a wrong shape
