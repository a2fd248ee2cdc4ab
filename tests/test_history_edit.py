"""History you can correct: a session's sets edited, deleted and added, its note, the session
deleted or reopened; PR flags, the summary and Today's suggestions follow every change."""

from __future__ import annotations

from datetime import timedelta

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.session import SessionDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.history import HistoryScreen
from gymtui.ui.settings import toggle_flag

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)


def seed(paths: Paths, clock: FakeClock) -> None:
    """Day A ten days ago (4 x 100 x 6) and three days ago (4 x 105 x 6), with notes."""
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    for days, weight in ((10, 100.0), (3, 105.0)):
        when = clock.now() - timedelta(days=days)
        for n in range(4):
            note = "belt on" if (days, n) == (3, 0) else None
            store.sessions.log_set(
                SetInput("back_squat", weight, 6, note=note),
                program.days[0],
                when + timedelta(minutes=3 * n),
            )
        session = store.sessions.current()
        assert session is not None
        store.sessions.finish(session.id, when + timedelta(minutes=12))
    store.close()


def squat_flags(paths: Paths) -> list[tuple[float, int]]:
    return db_rows(paths.database, "SELECT weight_kg, pr FROM sets ORDER BY logged_at, id")


async def open_latest_session(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("h")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionDialog)


async def test_a_session_shows_its_notes_and_edits_move_the_stars(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock)
    # the first squat ever beat nothing: no star there
    assert [f for _, f in squat_flags(paths)] == [0, 0, 0, 0, 1, 0, 0, 0]
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_latest_session(pilot)
        assert text_of(app, "#session-note") == "No note: n adds one"
        rows = table_rows(app, "#session-sets")
        assert rows[0][1:3] == ["1", "105 kg × 6"] and rows[0][5] == "★"
        assert rows[0][6] == "belt on"
        assert text_of(app, "#set-note") == "Set note belt on"
        # The first set was really 95 kg: its star goes to the next 105.
        await pilot.press("e")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("ctrl+u", *"95", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDialog)
        assert [f for _, f in squat_flags(paths)] == [0, 0, 0, 0, 0, 1, 0, 0]
        rows = table_rows(app, "#session-sets")
        assert [r[5] for r in rows] == ["", "★", "", ""]
        assert rows[0][2] == "95 kg × 6"
        assert "Set updated." in notifications(app)
        # Delete the new record holder: the star passes on again.
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert squat_flags(paths) == [
            (100, 0),
            (100, 0),
            (100, 0),
            (100, 0),
            (95, 0),
            (105, 1),
            (105, 0),
        ]
        assert [r[1:3] for r in table_rows(app, "#session-sets")] == [
            ["1", "95 kg × 6"],
            ["2", "105 kg × 6"],
            ["3", "105 kg × 6"],
        ]
        assert "3 working sets" in text_of(app, "#summary-lines")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert table_rows(app, "#sessions-table")[0][3] == "3"  # the list follows


async def test_a_forgotten_set_is_added_in_its_session_and_bad_reps_save_nothing(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_latest_session(pilot)
        await pilot.press("end", "a")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        title = str(app.screen.query_one("#dialog-title").render())
        assert title.startswith("Add to Day A, Thu 19 Nov: Back squat")
        await pilot.press("tab", "ctrl+u", *"six", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)  # refused, with a reason
        assert "reps" in text_of(app, "#dialog-error").lower()
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(8,)]
        await pilot.press("ctrl+u", *"8", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDialog)
        added = db_rows(
            paths.database,
            "SELECT weight_kg, reps, set_number, pr, session_id, logged_at FROM sets "
            "ORDER BY id DESC LIMIT 1",
        )[0]
        last = db_rows(
            paths.database, "SELECT max(logged_at) FROM sets WHERE session_id = 2 AND id < 9"
        )[0][0]
        assert added[:5] == (105, 8, 5, 1, 2)  # 105 x 8 beats 105 x 6 on e1RM
        assert added[5] > last  # filed right after the session's last set
        assert table_rows(app, "#session-sets")[-1][1:3] == ["5", "105 kg × 8"]
        assert "5 working sets" in text_of(app, "#summary-lines")
        # Another exercise, picked by name.
        await pilot.press("x", *"leg press", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        await pilot.press(*"140", "tab", *"12", "enter")
        await pilot.pause()
        assert table_rows(app, "#session-sets")[-1][:3] == ["Leg press", "1", "140 kg × 12"]
        assert db_rows(paths.database, "SELECT count(*) FROM sets WHERE session_id = 2") == [(6,)]


async def test_the_session_note_is_written_and_cleared(paths: Paths, clock: FakeClock) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_latest_session(pilot)
        await pilot.press("n", *"Knee [b]fine[/b]", "enter")
        await pilot.pause()
        assert text_of(app, "#session-note") == "Note Knee [b]fine[/b]"  # markup shown as typed
        assert db_rows(paths.database, "SELECT note FROM sessions WHERE id = 2") == [
            ("Knee [b]fine[/b]",)
        ]
        await pilot.press("n", "ctrl+u", "enter")
        await pilot.pause()
        assert text_of(app, "#session-note") == "No note: n adds one"
        assert db_rows(paths.database, "SELECT note FROM sessions WHERE id = 2") == [(None,)]


async def test_deleting_a_session_asks_then_takes_its_sets_and_hands_back_the_records(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_latest_session(pilot)
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("n")  # not yet
        await pilot.pause()
        assert isinstance(app.screen, SessionDialog)
        assert db_rows(paths.database, "SELECT count(*) FROM sessions") == [(2,)]
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Deleted Day A of Thu 19 Nov 2026 and its 4 sets." in notifications(app)
        assert db_rows(paths.database, "SELECT count(*) FROM sessions") == [(1,)]
        assert squat_flags(paths) == [(100, 0), (100, 0), (100, 0), (100, 0)]
        assert len(table_rows(app, "#sessions-table")) == 1
        # Today's suggestion now reads the session that is left.
        await pilot.press("t", "s")  # Day B is next; switch to A
        await pilot.pause()
        first = next(r for r in table_rows(app) if r[1].endswith("1/4"))
        assert first[3:5] == ["100 × 6", "102.5"]  # from the session left, not the 105s


async def test_a_session_finished_too_early_is_reopened_and_today_logs_into_it(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        toggle_flag(app, "warmup_ramp", "Warm-up ramp")
        await pilot.pause()
        await pilot.press("enter", *"60", "enter")  # Day B's first set
        clock.advance(120)
        await pilot.press("f", "y")
        await pilot.pause()
        await pilot.press("escape")  # the summary
        await pilot.pause()
        assert "not started" in text_of(app, "#day-title")
        await open_latest_session(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert "Session reopened: Today logs into it (t)." in notifications(app)
        assert "in progress" in str(app.screen.query_one("#dialog-title").render())
        await pilot.press("escape", "t")
        await pilot.pause()
        assert "in progress" in text_of(app, "#day-title")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert db_rows(
            paths.database, "SELECT session_id, count(*) FROM sets GROUP BY session_id"
        ) == [(1, 4), (2, 4), (3, 2)]
        # An older session cannot be reopened: a set logged now would be dated days later.
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert any("Only the latest session can be reopened" in n for n in notifications(app))
        assert db_rows(paths.database, "SELECT count(*) FROM sessions WHERE finished_at IS NULL")[
            0
        ] == (1,)


async def test_a_session_deleted_in_another_window_closes_with_a_message(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_latest_session(pilot)
        other = Store.open(paths.database)
        other.sessions.delete(2)
        other.close()
        for _ in range(app.CHECK_OTHERS_EVERY):
            app.tick()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "That session is gone (deleted in another window?)." in notifications(app)
        assert len(table_rows(app, "#sessions-table")) == 1
