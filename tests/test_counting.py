"""A left and a right set fill one planned set everywhere: Today, History's numbers, the
session list, the summary, the Muscles tab; and their volume is a both-legs set's."""

from __future__ import annotations

from test_history_edit import open_latest_session

from gymtui.core.models import SetInput
from gymtui.gym import Gym
from gymtui.paths import Paths

from conftest import FakeClock
from helpers import make_app, table_rows, text_of


def log_split_squats(paths: Paths, clock: FakeClock) -> None:
    """Bulgarian split squats at 20 kg x 8 a leg: left, right, then two both-legs sets."""
    gym = Gym.open(paths, clock)
    for side in ("L", "R", None, None):
        gym.log_set(SetInput("bulgarian_split_squat", 20, 8, side=side))  # type: ignore[arg-type]
        clock.advance(90)
    gym.close()


def test_a_pair_counts_once_in_history_the_summary_and_the_muscles(
    paths: Paths, clock: FakeClock
) -> None:
    log_split_squats(paths, clock)
    gym = Gym.open(paths, clock)
    [listed] = gym.history.sessions_page()
    assert (listed.working_sets, listed.volume_kg) == (3, 480)  # 3 sets of 20 kg x 8
    summary = gym.history.summary(listed.session.id)
    assert summary is not None
    assert (summary.working_sets, summary.volume_kg) == (3, 480)
    overview = gym.history.overview()
    assert overview.last_7_days["quadriceps"] == 3
    gym.close()


async def test_history_numbers_a_pair_as_one_set(paths: Paths, clock: FakeClock) -> None:
    log_split_squats(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_latest_session(pilot)
        rows = table_rows(app, "#session-sets")
        assert [(r[1], r[2]) for r in rows] == [
            ("1", "20 kg × 8 L"),
            ("1", "20 kg × 8 R"),
            ("2", "20 kg × 8"),
            ("3", "20 kg × 8"),
        ]


def test_a_running_session_says_so_far_instead_of_minus_100_percent(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    gym.log_set(SetInput("back_squat", 100, 6))
    first = gym.today().session
    assert first is not None
    gym.finish_session(first.id)
    clock.advance(3 * 86400)
    gym.choose_day("A")
    gym.log_set(SetInput("back_squat", 60, 5, kind="warmup"))
    running = gym.today().session
    assert running is not None
    summary = gym.history.summary(running.id)
    assert summary is not None
    assert "Volume 0 kg so far" in summary.lines("kg")
    assert not any("%" in line for line in summary.lines("kg"))
    gym.finish_session(running.id)
    done = gym.history.summary(running.id)
    assert done is not None and "Volume 0 kg (-100% on the last Day A)" in done.lines("kg")
    gym.close()


async def test_finish_counts_a_pair_once(paths: Paths, clock: FakeClock) -> None:
    log_split_squats(paths, clock)  # left, right, both, both: three planned sets
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert text_of(app, "#confirm-question").endswith("3 working sets logged.")
