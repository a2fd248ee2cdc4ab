"""Faults a real terminal produces: keys in one read, markup and escape bytes in user text."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.widgets import Input, OptionList

from gymtui.core.exercises import ExerciseEdit
from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.app import GymApp
from gymtui.ui.dialogs.exercise import ExercisePickerDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows

SIZE = (100, 30)
CHARS = {"backspace": "\x7f", "enter": "\r", "tab": "\t", "end": None, "escape": "\x1b"}


def burst(app: GymApp, *keys: str) -> None:
    """Keys as a terminal delivers them in one read: all queued before any is handled."""
    for key in keys:
        app.post_message(events.Key(key, CHARS.get(key, key if len(key) == 1 else None)))


async def test_enter_burst_after_a_set_neither_crashes_nor_double_saves(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter")
        burst(app, "enter", "enter", "enter", "enter", "enter")
        await pilot.pause(0.3)
        assert app._exception is None and app.is_running
        stored = db_rows(paths.database, "SELECT count(*) FROM sets")[0][0]
        shown = sum(1 for row in table_rows(app) if row[5].startswith("✓"))
        assert stored == shown
        # open, save, and what came while the dialog closed was dropped: one more set
        assert stored == 2


async def test_a_dialog_dismissed_twice_in_one_read_closes_once(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        burst(app, "1", "0", "0", "enter", "enter", "escape", "enter")
        await pilot.pause(0.3)
        assert app._exception is None
        assert db_rows(paths.database, "SELECT weight_kg, reps FROM sets") == [(100.0, 6)]


async def test_editing_keys_in_one_read_keep_their_order(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "tab")
        reps = app.screen.query_one("#reps", Input)
        assert reps.value == "6"
        burst(app, "end", "backspace", "backspace", "backspace", "1", "2")
        await pilot.pause(0.2)
        assert reps.value == "12"
        burst(app, "backspace", "a", "b", "c")
        await pilot.pause(0.2)
        assert reps.value == "1abc"


async def test_a_whole_set_typed_in_one_read(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        burst(app, "1", "0", "2", ",", "5", "tab", "backspace", "5", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TodayScreen)
        assert db_rows(paths.database, "SELECT weight_kg, reps FROM sets") == [(102.5, 5)]


async def test_enter_saves_from_the_kind_field_and_a_letter_picks_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "6", "0", "tab", "tab", "tab", "tab")
        assert app.focused is not None and app.focused.id == "kind"
        await pilot.press("w", "enter")
        assert isinstance(app.screen, TodayScreen)
        assert db_rows(paths.database, "SELECT weight_kg, kind FROM sets") == [(60.0, "warmup")]


async def test_enter_saves_from_the_side_field(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.gym.choose_day("A")
        await pilot.press("x")
        await pilot.press(*"bulgarian", "enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("2", "0", "tab", "8", *["tab"] * 4)
        assert app.focused is not None and app.focused.id == "side"
        await pilot.press("l", "enter")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("x", *"bulgarian", "enter")  # the same exercise again
        assert str(app.screen.query_one("#dialog-title").render()) == (
            "Bulgarian split squat · set 2"
        )
    assert db_rows(paths.database, "SELECT weight_kg, reps, side FROM sets") == [(20.0, 8, "L")]


async def test_markup_typed_in_the_exercise_picker(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExercisePickerDialog)
        await pilot.press("[", "/")
        await pilot.pause()
        assert app._exception is None
        await pilot.press("enter", "enter")  # a new exercise: the editor, taken as it is
        await pilot.pause()
        assert isinstance(app.screen, SetDialog)
        await pilot.press("1", "0", "tab", "5", "enter")
        assert any(n.startswith("Saved: [/ 10 kg") for n in notifications(app))
    assert db_rows(paths.database, "SELECT name FROM exercises WHERE custom = 1") == [("[/",)]


NASTY = (
    st.lists(
        st.sampled_from([*"[]/\\$@#=:bi ", "\x1b", "\x07", "\x9b", "é", "[/", "[b]", "[/]"]),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda s: bool(s.strip()))
)


def _seed_named(paths: Paths, name: str, note: str) -> str:
    program = load_program()
    store = Store.open(paths.database)
    store.exercises.sync(program.exercises.values())
    made = store.exercises.create(ExerciseEdit(" ".join(name.split())))  # as an import keeps it
    when = FakeClock().now() - timedelta(days=3)
    store.sessions.log_set(SetInput(made.id, 50, 5, note=note), program.days[0], when)
    store.sessions.log_set(SetInput(made.id, 55, 5), program.days[0], when + timedelta(minutes=2))
    store.close()
    return made.id


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=NASTY, note=NASTY)
async def test_any_name_and_note_pass_through_every_screen(
    tmp_path: Path, name: str, note: str
) -> None:
    from gymtui.paths import resolve_paths

    folder = tmp_path / uuid.uuid4().hex  # hypothesis shares tmp_path between examples
    paths = resolve_paths(folder)
    exercise_id = _seed_named(paths, name, note)
    clock = FakeClock()
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", *[c for c in name if c.isprintable()][:6])
        await pilot.press("escape")
        app.gym.choose_day("A")
        await pilot.pause()
        # log the user's exercise from the picker, with the note, then look everywhere
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, ExercisePickerDialog)
        dialog.query_one("#filter", Input).value = name.strip()
        await pilot.pause()
        choices = dialog.query_one(OptionList)
        choices.highlighted = choices.get_option_index(exercise_id)
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        assert app.screen.query_one("#reps", Input).value == "5"  # as last time
        app.screen.query_one("#note", Input).value = note
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("t", "question_mark")
        await pilot.pause()
        assert app._exception is None and app.is_running


async def test_a_window_too_small_says_so_and_comes_back(paths: Paths, clock: FakeClock) -> None:
    from textual.widgets import Static

    from gymtui.ui.widgets.plan_table import PlanTable

    app = make_app(paths, clock)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#too-small", Static)
        assert notice.display and "Make the window larger" in str(notice.render())
        assert not app.screen.query_one("#plan", PlanTable).display
        await pilot.press("h")  # every screen says it
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#too-small", Static).display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one("#too-small", Static).display
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#plan", PlanTable).display
        assert not app.screen.query_one("#too-small", Static).display
        await pilot.resize_terminal(60, 18)  # the smallest that works
        await pilot.pause()
        assert not app.screen.query_one("#too-small", Static).display
