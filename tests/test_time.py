"""Time as a lifter lives it: local calendar weeks across summer time, in any zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from gymtui.core.metrics import streak, weeks
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.gym import Gym
from gymtui.paths import Paths
from gymtui.store import Store

from conftest import FakeClock


@pytest.fixture
def auckland(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Pacific/Auckland")  # summer time starts Sun 27 Sep 2026, 02:00
    time.tzset()
    yield
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def local(*parts: int) -> datetime:
    return datetime(*parts).astimezone()  # type: ignore[misc]


def test_a_sunday_night_session_stays_in_its_week_after_the_clocks_change(auckland: None) -> None:
    sunday_night = local(2026, 9, 20, 23, 30)  # NZST, +12
    seen = local(2026, 9, 27, 12, 0)  # NZDT, +13
    this_week, last_week = weeks([sunday_night], 2, seen, count=2)
    assert (this_week.start.isoformat(), this_week.sessions) == ("2026-09-21", 0)
    assert (last_week.start.isoformat(), last_week.sessions) == ("2026-09-14", 1)


def test_the_streak_counts_calendar_weeks_across_summer_time(auckland: None) -> None:
    starts = [
        local(2026, 9, 14, 7, 0),
        local(2026, 9, 20, 23, 30),  # the last hour of a week before the change
        local(2026, 9, 21, 0, 30),  # the first of the next
        local(2026, 9, 27, 23, 0),  # after the change, the last hour of that week
    ]
    assert streak(starts, 2, local(2026, 9, 28, 9, 0)) == 2


def test_today_counts_this_weeks_sessions_in_local_time(auckland: None, paths: Paths) -> None:
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    for when in (local(2026, 9, 20, 23, 30), local(2026, 9, 22, 18, 0)):
        store.sessions.log_set(SetInput("back_squat", 100, 6), program.days[0], when)
        store.sessions.finish(store.sessions.current().id, when + timedelta(minutes=1))  # type: ignore[union-attr]
    clock = FakeClock(local(2026, 9, 27, 12, 0))
    view = Gym(store, program, clock).refresh()
    assert view.weekly.startswith("1 of 2 leg sessions this week")
