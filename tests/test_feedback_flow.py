"""Effort and pain in one key after a set: on Rest, the rack view and Today; on disk before the
toast says so; next time the suggestion backs off, sharp pain offers a swap that spares the
joint, an exercise that hurt twice running is flagged, and History shows the marks."""

from pathlib import Path

import pytest

from gymtui.cli import main
from gymtui.core.models import SetInput
from gymtui.core.pain import Pain
from gymtui.gym import Gym
from gymtui.paths import DATA_DIR_ENV, Paths, resolve_paths
from gymtui.ui.dialogs.exercise import ExercisePickerDialog
from gymtui.ui.dialogs.session import SessionDialog
from gymtui.ui.screens.rack import RackScreen
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.settings import toggle_effort_scale

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)
DAY_S = 24 * 3600


def marks(paths: Paths) -> list[tuple[str, float | None, str | None]]:
    return db_rows(paths.database, "SELECT kind, rpe, pain FROM sets ORDER BY id")


async def test_a_digit_on_rest_rates_the_set_just_done_and_another_re_rates_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter", "r")
        assert isinstance(app.screen, RestScreen)
        assert "6-9 0 effort · p pain" in text_of(app, "#rest-last")
        await pilot.press("8")
        assert marks(paths) == [("working", 8.0, None)]
        assert notifications(app)[-1] == "RPE 8 on Back squat set 1"
        assert "× 6 at 18:00 · @8" in text_of(app, "#rest-last")
        await pilot.press("0")  # 0 is RPE 10
        assert marks(paths) == [("working", 10.0, None)]
        assert notifications(app)[-1] == "RPE 10 on Back squat set 1"
        await pilot.press("5")  # not on the RPE scale: nothing changes
        assert marks(paths) == [("working", 10.0, None)]
        assert "5 is no effort on your scale" in notifications(app)[-1]
        await pilot.press("v")  # the rack view: the same keys
        assert isinstance(app.screen, RackScreen)
        await pilot.press("7")
        assert marks(paths) == [("working", 7.0, None)]
        await pilot.press("t")
        assert table_rows(app)[0][5] == "✓ 100 × 6 @7"  # Today's row shows it


async def test_on_the_rir_scale_a_digit_is_reps_in_reserve_kept_as_rpe(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        toggle_effort_scale(app)
        assert db_rows(paths.database, "SELECT value FROM settings WHERE key='effort_scale'") == [
            ("rir",)
        ]
        await pilot.press("enter", "1", "0", "0", "enter", "r")
        assert "4-0 effort · p pain" in text_of(app, "#rest-last")
        await pilot.press("2")
        assert marks(paths) == [("working", 8.0, None)]
        assert notifications(app)[-1] == "2 in reserve (RPE 8) on Back squat set 1"
        await pilot.press("9")  # RPE's digit means nothing in reserve
        assert marks(paths) == [("working", 8.0, None)]
        assert notifications(app)[-1] == (
            "9 is no effort on your scale: rate a set with 4 3 2 1 0 reps in reserve."
        )


async def test_no_set_and_a_warm_up_are_refused_with_a_message(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8")
        assert notifications(app)[-1] == "No set logged yet: log a set, then rate it or note pain."
        await pilot.press("r", "p")
        assert isinstance(app.screen, RestScreen)  # no dialog for no set
        await pilot.press("t", "w", "6", "0", "enter")  # a warm-up
        await pilot.press("r", "8")
        assert marks(paths) == [("warmup", None, None)]
        assert notifications(app)[-1].startswith("No effort or pain on a warm-up")
        await pilot.press("p")
        assert isinstance(app.screen, RestScreen)


async def test_p_on_rest_notes_sharp_knee_pain_and_history_shows_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter", "r", "p")
        assert "Pain on Back squat set 1: where?" in text_of(app, "#choice-question")
        await pilot.press("enter")  # enter logs sets: here it picks nothing
        await pilot.press("k")
        assert "Knee pain on Back squat set 1: how bad?" in text_of(app, "#choice-question")
        await pilot.press("s")
        assert marks(paths) == [("working", None, "knee sharp")]
        assert notifications(app)[-1] == "Sharp knee pain noted on Back squat set 1"
        assert "⚡knee!" in text_of(app, "#rest-last")
        await pilot.press("t")
        assert table_rows(app)[0][5] == "✓ 100 × 6 ⚡knee!"
        await pilot.press("h")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        [session] = table_rows(app, "#sessions-table")
        assert session[5] == "⚡"
        await pilot.press("enter")
        assert isinstance(app.screen, SessionDialog)
        [detail] = table_rows(app, "#session-sets")
        assert detail[3] == "⚡knee!"
        await pilot.press("escape", "r", "p", "c")  # a marked set: c clears the mark
        assert marks(paths) == [("working", None, None)]
        assert notifications(app)[-1] == "Pain mark cleared on Back squat set 1"
        await pilot.press("p", "h", "escape")  # escape: nothing noted
        assert marks(paths) == [("working", None, None)]


async def test_on_today_the_highlighted_set_is_rated_and_z_undoes_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        clock.advance(180)
        await pilot.press("enter", "enter")  # set 2
        await pilot.press("up", "up", "9")  # the cursor on set 1
        assert marks(paths) == [("working", 9.0, None), ("working", None, None)]
        assert notifications(app)[-1] == "RPE 9 on Back squat set 1"
        await pilot.press("down", "down", "8")  # on set 3, not logged: the latest, set 2
        assert marks(paths) == [("working", 9.0, None), ("working", 8.0, None)]
        await pilot.press("z")
        assert marks(paths) == [("working", 9.0, None), ("working", None, None)]
        assert "Undone: The effort on Back squat set 2" in notifications(app)[-1]
        await pilot.press("up", "P", "b", "m")  # P on Today (p is the plate plan)
        assert marks(paths)[1] == ("working", None, "back mild")
        assert table_rows(app)[1][5] == "✓ 100 × 6 ⚡back"


def squat_session(gym: Gym, clock: FakeClock, pain: Pain | None) -> None:
    for _ in range(4):
        logged = gym.log_set(SetInput("back_squat", 100, 6))
        clock.advance(180)
    if pain is not None:
        gym.feedback.mark_pain(logged.set.id, pain)
    view = gym.refresh()
    assert view.session is not None
    gym.finish_session(view.session.id)


async def test_next_time_pain_backs_off_offers_a_sparing_swap_and_flags_twice_running(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    squat_session(gym, clock, Pain("knee", "mild"))
    clock.advance(3 * DAY_S)
    gym.choose_day("A")
    gym.refresh()
    view = gym.today()
    assert view.suggestions["back_squat"].weight_kg == 90  # 102.5 less 10 %, loadable down
    assert view.suggestions["back_squat"].reason == "mild knee pain last time: 10 % back to 90 kg"
    squat_session(gym, clock, Pain("knee", "sharp"))
    gym.close()
    clock.advance(3 * DAY_S)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # Day A again
        await pilot.pause()
        squat = next(i for i, r in enumerate(table_rows(app)) if r[1].strip("▶ ") == "1/4")
        assert table_rows(app)[0][0] == "Back squat ⚡"  # hurt two sessions running
        app.screen.table.move_cursor(row=squat)  # type: ignore[attr-defined]
        await pilot.pause()
        detail = text_of(app, "#detail")
        assert "⚡ Hurt 2 sessions running" in detail
        assert "sharp knee pain: 10 % back to" in detail
        assert "or c: box squat, leg press" in detail
        await pilot.press("c")
        assert isinstance(app.screen, ExercisePickerDialog)
        assert "sparing the knee first" in app.screen.title_text
        first = app.screen.query_one("#choices").get_option_at_index(0)  # type: ignore[attr-defined]
        assert str(first.prompt).startswith("Box squat ")


def test_the_export_carries_pain_and_its_import_reads_it_back(
    paths: Paths, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gym = Gym.open(paths, clock)
    logged = gym.log_set(SetInput("back_squat", 100, 6))
    gym.feedback.rate("8", logged.set.id)
    gym.feedback.mark_pain(logged.set.id, Pain("back", "sharp"))
    gym.close()
    exported = tmp_path / "mine.csv"
    assert main(["export", "-o", str(exported)]) == 0
    header, row = exported.read_text().splitlines()
    assert header.endswith(",pain") and row.endswith(",back sharp")
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "other"))
    other = resolve_paths()
    assert main(["import", str(exported)]) == 0
    assert marks(other) == [("working", 8.0, "back sharp")]
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{header}\n{row.replace('back sharp', 'elbow sharp')}\n")
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "third"))
    assert main(["import", str(bad)]) == 2  # a mark it does not know: refused, nothing saved


async def test_the_summary_says_next_time_backs_off_after_pain(
    paths: Paths, clock: FakeClock
) -> None:
    from gymtui.ui.dialogs.summary import SummaryDialog

    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter", "r", "p", "k", "m", "t", "f", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryDialog)
        assert text_of(app, "#summary").splitlines()[-1] == (
            "  Back squat: mild knee pain: 10 % back to 90 kg -> 90 kg next time"
        )


async def test_a_digit_after_a_pair_of_legs_rates_the_planned_set_both_legs(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    for side in ("L", "R"):
        gym.log_set(SetInput("bulgarian_split_squat", 20, 8, side=side))  # type: ignore[arg-type]
        clock.advance(60)
    assert gym.feedback.rate("8") == "RPE 8 on Bulgarian split squat set 1"
    gym.close()
    assert marks(paths) == [("working", 8.0, None), ("working", 8.0, None)]
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        done = [r[5] for r in table_rows(app) if r[5]]
        assert done == ["✓ 20 × 8 L+R @8"]
