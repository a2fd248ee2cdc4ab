"""Today's plan is the lifter's: the order after a set, skip, swap, sets and exercises added,
removed and moved, undo, and `a` off the plan. Keys pressed; the screen and the file read."""

import json
from datetime import timedelta

from gymtui.core.models import SetInput
from gymtui.core.program import load_program
from gymtui.paths import Paths
from gymtui.store import Store
from gymtui.ui.dialogs.choice import ChoiceDialog
from gymtui.ui.dialogs.exercise import ExercisePickerDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)
PROGRAM = load_program()


def seed(paths: Paths, clock: FakeClock, sets: list[tuple[str, float, int]], day: int = 0) -> None:
    """A finished session of these sets three days ago (Day A: today is Day B)."""
    store = Store.open(paths.database)
    store.exercises.sync(PROGRAM.exercises.values())
    when = clock.now() - timedelta(days=3)
    for n, (ex, kg, reps) in enumerate(sets):
        store.sessions.log_set(
            SetInput(ex, kg, reps), PROGRAM.days[day], when + timedelta(minutes=n)
        )
    session = store.sessions.current()
    assert session is not None
    store.sessions.finish(session.id, when + timedelta(minutes=len(sets)))
    store.close()


def cursor_row(app) -> list[str]:  # type: ignore[no-untyped-def]
    return next(r for r in table_rows(app) if r[1].startswith("▶"))


def row_of(app, name: str, label: str) -> int:  # type: ignore[no-untyped-def]
    """The index of an exercise's row with this label (the cursor marker aside)."""
    rows = table_rows(app)
    at = next(i for i, r in enumerate(rows) if r[0] == name)
    return next(i for i in range(at, len(rows)) if rows[i][1].strip("▶ ") == label)


async def go_to(pilot, app, index: int) -> None:  # type: ignore[no-untyped-def]
    table = app.screen.table
    while table.cursor_row < index:
        await pilot.press("down")
    while table.cursor_row > index:
        await pilot.press("up")


async def test_a_calf_set_out_of_order_is_followed_by_the_next_calf_set(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock, [("back_squat", 100, 6)] * 4)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.view.day.key == "B"  # type: ignore[attr-defined]
        await go_to(pilot, app, row_of(app, "Seated calf raise", "1/3"))
        await pilot.press("enter", "4", "0", "enter")
        assert db_rows(paths.database, "SELECT exercise_id, weight_kg FROM sets WHERE id > 4") == [
            ("seated_calf_raise", 40.0)
        ]
        row = cursor_row(app)
        assert row[1] == "▶2/3" and row[4] == "40 ×12"  # the next calf set, not leg press
        assert app.screen.table.cursor_row == row_of(app, "Seated calf raise", "2/3")
        assert app.gym.rest_view().next_up.startswith("Set 2 of 3 - Seated calf raise 40 kg")
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-next").startswith("Next: Set 2 of 3 - Seated calf raise")
        await pilot.press("enter")  # Rest's enter logs what the next line says
        assert isinstance(app.screen, SetDialog)
        assert "Seated calf raise · set 2 of 3" in text_of(app, "#dialog-title")
        await pilot.press("enter")
        assert isinstance(app.screen, RestScreen)
        await pilot.press("t")
        assert cursor_row(app)[1] == "▶3/3"
        await pilot.press("enter", "enter")  # the calves done: the next unfinished one below
        # Nothing below the calves: back to the first unfinished exercise at the top.
        assert cursor_row(app)[0] == "Front squat"
    assert db_rows(paths.database, "SELECT count(*) FROM sets WHERE id > 4") == [(3,)]


async def test_skip_leaves_the_next_up_survives_a_restart_and_is_undone(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock, [("back_squat", 100, 6)] * 4)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert cursor_row(app)[0] == "Front squat"
        await pilot.press("k")  # skip the highlighted: front squat
        rows = table_rows(app)
        assert rows[0][0] == "Front squat" and rows[0][4] == "skipped"
        assert all(r[4] == "skipped" for r in rows[:3])
        assert cursor_row(app)[0] == "Romanian deadlift"
        assert "Skipped today, no miss for progression: k brings it back" in text_of(app, "#detail")
        assert "Skipped Front squat · z to undo" in notifications(app)
        assert app.gym.rest_view().next_up.startswith("Set 1 of 3 - Romanian deadlift")
        await pilot.press("z")
        assert table_rows(app)[0][4] != "skipped"
        assert "Undone: Skipped Front squat" in notifications(app)
        await pilot.press("k")
    stored = json.loads(
        db_rows(paths.database, "SELECT value FROM settings WHERE key = 'today_edits'")[0][0]
    )
    assert (
        stored["day"] == "B"
        and stored["edits"] == [{"kind": "skip", "exercise_id": "front_squat"}]  # z took one out
    )
    app = make_app(paths, clock)  # a restart (or a kill -9: the row is committed)
    async with app.run_test(size=SIZE) as pilot:
        assert table_rows(app)[0][4] == "skipped"
        await pilot.press("enter", "6", "0", "enter")  # RDL 60: the session starts
        assert table_rows(app)[0][4] == "skipped"  # the edits went with it
        await pilot.press("up", "up", "up", "up")
        assert app.screen.table.cursor_row == 0
        await pilot.press("k")  # k again: back in the plan
        assert table_rows(app)[0][4] != "skipped"
        await pilot.press("f", "y")  # finish: the next session plans from the program again
        await pilot.press("escape")
        await pilot.press("s")
        assert all(r[4] != "skipped" for r in table_rows(app))


async def test_a_skip_after_some_sets_is_no_miss_next_time(paths: Paths, clock: FakeClock) -> None:
    seed(paths, clock, [("back_squat", 100, 6)] * 4)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # Day A again
        squat = row_of(app, "Back squat", "1/4")
        await go_to(pilot, app, squat)
        await pilot.press("enter", "1", "0", "5", "enter")  # 105 x 6, then the knee says no
        await pilot.press("k")
        rows = table_rows(app)
        squat = row_of(app, "Back squat", "1/4")  # the ramp went with the first working set
        assert rows[squat][5] == "✓ 105 × 6 ★"
        assert [r[4] for r in rows[squat + 1 : squat + 4]] == ["skipped"] * 3
        await pilot.press("f", "y")
        assert "Back squat: skipped, no miss -> 102.5 kg next time" in text_of(app, "#summary")
        await pilot.press("escape")
        clock.advance(3 * 24 * 3600)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        # 1 of 4 sets then skipped: as if not trained, the suggestion stands on the 4x6 at
        # 100 (a miss would have said "repeat 105")
        rows = table_rows(app)
        assert rows[row_of(app, "Back squat", "1/4")][4] == "102.5"


async def test_d_removes_a_planned_set_n_adds_one_and_z_undoes(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        first = table_rows(app)
        assert [r[1].strip("▶ ") for r in first if r[0] == "Back squat"][-1] == "1/4"
        await go_to(pilot, app, row_of(app, "Back squat", "1/4"))
        await pilot.press("d")  # not logged: one planned set fewer, no question
        labels = [r[1].strip("▶ ") for r in table_rows(app)[:3]]
        assert labels == ["1/3", "2/3", "3/3"]
        assert "Removed a set of Back squat · z to undo" in notifications(app)
        await pilot.press("z")
        assert table_rows(app)[3][1].strip("▶ ") == "4/4"
        await pilot.press("n")
        assert table_rows(app)[4][1].strip("▶ ") == "5/5"
        await pilot.press("enter", "1", "0", "0", "enter")
        assert isinstance(app.screen, TodayScreen)
        await go_to(pilot, app, 0)
        await pilot.press("d", "y")  # a logged set: asks, deletes, offers the undo
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]
        assert "Deleted set 1 of Back squat (100 kg × 6) · z to undo" in notifications(app)
        await pilot.press("z")
    assert db_rows(
        paths.database, "SELECT id, exercise_id, weight_kg, reps, set_number FROM sets"
    ) == [(1, "back_squat", 100.0, 6, 1)]


async def test_undo_restores_a_deleted_set_as_it_was(paths: Paths, clock: FakeClock) -> None:
    seed(paths, clock, [("back_squat", 100, 6)] * 4)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        squat = row_of(app, "Back squat", "1/4")
        await go_to(pilot, app, squat)
        for _ in range(3):
            await pilot.press("enter", "enter")
            clock.advance(120)
        # every column, then pr again last (columns added after pr follow it on file)
        before = db_rows(paths.database, "SELECT *, pr FROM sets WHERE id > 4 ORDER BY id")
        assert [r[-1] for r in before] == [1, 0, 0]  # the first 102.5 beat 100: a PR
        squat = row_of(app, "Back squat", "1/4")  # the ramp went with the first working set
        await go_to(pilot, app, squat)
        await pilot.press("d", "y")
        after = db_rows(
            paths.database, "SELECT id, set_number, pr FROM sets WHERE id > 4 ORDER BY id"
        )
        assert after == [(6, 1, 1), (7, 2, 0)]  # the star went to the next set
        clock.advance(5)
        await pilot.press("z")
        assert db_rows(paths.database, "SELECT *, pr FROM sets WHERE id > 4 ORDER BY id") == before
        assert "✓ 102.5 × 6 ★" in table_rows(app)[squat][5]
        clock.advance(20)
        await go_to(pilot, app, squat)
        await pilot.press("d", "y")
        clock.advance(11)  # the undo is offered for 10 s
        await pilot.press("z")
        assert "Nothing to undo" in notifications(app)[-1]
    assert db_rows(paths.database, "SELECT count(*) FROM sets WHERE id > 4") == [(2,)]


async def test_move_add_and_remove_exercises_for_today(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        names = lambda: [r[0] for r in table_rows(app) if r[0]]  # noqa: E731
        assert names()[:2] == ["Back squat", "Deadlift"]
        await pilot.press("right_square_bracket")  # back squat down one
        assert names()[:2] == ["Deadlift", "Back squat"]
        await pilot.press("left_square_bracket")
        assert names()[:2] == ["Back squat", "Deadlift"]
        await pilot.press("left_square_bracket")  # first already: said, nothing written
        assert notifications(app)[-1] == "Back squat is first already."
        edits = db_rows(paths.database, "SELECT value FROM settings WHERE key = 'today_edits'")
        assert len(json.loads(edits[0][0])["edits"]) == 2
        await pilot.press("i")
        assert isinstance(app.screen, ExercisePickerDialog)
        await pilot.press("h", "i", "p", " ", "t", "h", "r", "u", "s", "t", "enter")
        assert names()[:3] == ["Back squat", "Hip thrust", "Deadlift"]
        labels = [
            r[1].strip("▶ ")
            for r in table_rows(app)
            if r[0] == "Hip thrust" or r[1].strip("▶ ").endswith("/3")
        ]
        assert "1/3" in labels
        await go_to(pilot, app, row_of(app, "Hip thrust", "1/3"))
        await pilot.press("X")
        assert "Hip thrust" not in names()
        await pilot.press("z")
        assert "Hip thrust" in names()
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE):
        assert [r[0] for r in table_rows(app) if r[0]][:3] == [
            "Back squat",
            "Hip thrust",
            "Deadlift",
        ]


async def test_swap_picks_rack_free_stand_ins_first_and_starts_from_e1rm(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock, [("back_squat", 140, 5)] * 4)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # Day A
        await go_to(pilot, app, row_of(app, "Back squat", "1/4"))
        await pilot.press("c")
        picker = app.screen
        assert isinstance(picker, ExercisePickerDialog)
        shown = [str(o.prompt) for o in picker.query_one("#choices").options][:3]  # type: ignore[attr-defined]
        assert set(shown) == {
            "Hack squat  machine",
            "Leg press  machine",
            "Smith machine squat  smith machine",
        }
        await pilot.press("h", "a", "c", "k", "enter")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("t")  # for today
        rows = table_rows(app)
        hack = row_of(app, "Hack squat", "1/4")
        assert "Back squat" not in [r[0] for r in rows]
        # e1RM of 140 x 5 is 163.3 kg; 6 reps allow 136.1; x 0.6 = 81.7, down to 80 (its steps)
        assert rows[hack][4] == "80"
        await go_to(pilot, app, hack)
        assert "first time: from back squat e1RM 163.5 kg × 0.6: 80 kg" in text_of(app, "#detail")
        await pilot.press("enter", "enter")
        await pilot.press("f", "y")  # the summary plans it by the squat's 4 x 6 and linear rule
        summary = text_of(app, "#summary")
        assert "Hack squat: 1st miss: repeat 80 kg -> 80 kg next time" in summary
    assert db_rows(
        paths.database, "SELECT exercise_id, weight_kg, reps FROM sets WHERE id > 4"
    ) == [("hack_squat", 80.0, 6)]


async def test_a_on_an_exercise_off_the_plan_prefills_the_set_before(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "h", "i", "p", " ", "t", "h", "r", "u", "s", "t", "enter")
        await pilot.press("6", "0", "tab", "ctrl+u", "1", "0", "enter")
        hip = next(i for i, r in enumerate(table_rows(app)) if r[0] == "Hip thrust")
        await go_to(pilot, app, hip)
        await pilot.press("a")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("enter")  # reps and weight from the set before: saved
        assert isinstance(app.screen, TodayScreen)
    assert db_rows(paths.database, "SELECT exercise_id, weight_kg, reps FROM sets") == [
        ("hip_thrust", 60.0, 10),
        ("hip_thrust", 60.0, 10),
    ]


async def test_skip_and_swap_from_the_command_palette(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"skip exercise")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert table_rows(app)[0][4] == "skipped"
        assert "Skipped Back squat · z to undo" in notifications(app)
        await pilot.press("ctrl+p", *"swap exercise")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ExercisePickerDialog)
        await pilot.press("escape")
    stored = db_rows(paths.database, "SELECT value FROM settings WHERE key = 'today_edits'")
    assert json.loads(stored[0][0])["edits"] == [{"kind": "skip", "exercise_id": "back_squat"}]


async def test_swap_for_good_writes_the_program_and_keeps_its_comments(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock, [("back_squat", 140, 5)] * 4)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # Day A
        await go_to(pilot, app, row_of(app, "Back squat", "1/4"))
        await pilot.press("c", *"hack", "enter", "g")
        assert "Hack squat replaces Back squat on Day A for good" in notifications(app)[-1]
        hack = row_of(app, "Hack squat", "1/4")
        assert table_rows(app)[hack][4] == "80"  # a first time: from the squat's e1RM still
    text = paths.program_file.read_text()
    assert text.startswith("# ")  # the built-in file's comments are kept
    assert '{ exercise = "hack_squat", sets = 4, reps = 6, progression = "linear" }' in text
    assert 'exercise = "back_squat"' not in text
    app = make_app(paths, clock)  # the program as written is the one that runs
    async with app.run_test(size=SIZE):
        assert text_of(app, "#day-title").startswith("Day A")  # still the day chosen
        assert "Back squat" not in [r[0] for r in table_rows(app)]
        assert "Hack squat" in [r[0] for r in table_rows(app)]


async def test_todays_plan_kept_for_good_writes_the_day_once_and_keeps_skips_for_today(
    paths: Paths, clock: FakeClock
) -> None:
    seed(paths, clock, [("back_squat", 100, 6)] * 4)  # Day A: today is Day B
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("K", "y")  # nothing changed yet: nothing to keep, nothing written
        assert "nothing to keep" in notifications(app)[-1]
        assert not paths.program_file.exists()
        await go_to(pilot, app, row_of(app, "Leg press", "1/3"))
        await pilot.press("left_square_bracket", "n")  # leg press up one place, a 4th set
        await go_to(pilot, app, row_of(app, "Walking lunge", "1/3"))
        await pilot.press("X")  # walking lunge out
        await go_to(pilot, app, row_of(app, "Front squat", "1/3"))
        await pilot.press("k")  # front squat skipped: today only
        shown_before = [(r[0], r[1].strip("▶ ")) for r in table_rows(app)]
        await pilot.press("K", "y")
        assert "Day B in program.toml is today's plan now" in notifications(app)[-1]
        # the same plan on screen: the program has the changes and they are not made twice
        assert [(r[0], r[1].strip("▶ ")) for r in table_rows(app)] == shown_before
        assert "skipped" in table_rows(app)[row_of(app, "Front squat", "1/3")][4]
    text = paths.program_file.read_text()
    assert text.startswith("# The default program")  # the comments are kept
    day_b = text[text.index('key = "B"') :]
    order = [day_b.index(f'"{ex}"') for ex in ("front_squat", "romanian_deadlift", "leg_press")]
    assert order == sorted(order) and "walking_lunge" not in day_b
    assert '{ exercise = "leg_press", sets = 4, reps = "10-12" }' in day_b
    assert '{ exercise = "front_squat", sets = 3, reps = "8-10" }' in day_b  # a skip stays today's
    app = make_app(paths, clock)  # a restart: the program as written, the skip still today's
    async with app.run_test(size=SIZE):
        names = list(dict.fromkeys(r[0] for r in table_rows(app) if r[0]))
        assert names[:4] == ["Front squat", "Romanian deadlift", "Leg press", "Seated calf raise"]
        row_of(app, "Leg press", "4/4")  # four planned sets, from the file
        assert "skipped" in table_rows(app)[row_of(app, "Front squat", "1/3")][4]


async def test_d_pressed_again_on_the_last_set_takes_sets_of_the_same_exercise(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)  # Day A: Back squat 4 sets, then Deadlift
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, row_of(app, "Back squat", "4/4"))
        await pilot.press("d")
        # the cursor stays on the squat, on its last set now
        assert app.screen.table.cursor_row == row_of(app, "Back squat", "3/3")
        await pilot.press("d", "d")
        labels = [r[1].strip("▶ ") for r in table_rows(app)]
        assert labels[labels.index("1/1") + 1] == "1/4"  # the deadlift's four sets untouched
        await pilot.press("d")  # the squat's last set: refused, the deadlift keeps its sets
        assert "The last set of Back squat" in notifications(app)[-1]
        assert row_of(app, "Deadlift", "4/4")  # the deadlift keeps its four sets


async def test_a_set_added_today_makes_no_miss_of_last_time(paths: Paths, clock: FakeClock) -> None:
    seed(paths, clock, [("back_squat", 100, 6)] * 4)  # all 4x6 met
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # Day A
        squat = row_of(app, "Back squat", "1/4")
        assert table_rows(app)[squat][4] == "102.5"
        await go_to(pilot, app, squat)
        await pilot.press("n")  # a fifth set today: last time's four sets still met the plan
        assert row_of(app, "Back squat", "5/5")
        assert table_rows(app)[row_of(app, "Back squat", "1/5")][4] == "102.5"
        await pilot.press("d")  # and one fewer than the program: the same
        await pilot.press("d")
        assert table_rows(app)[row_of(app, "Back squat", "1/3")][4] == "102.5"


async def test_a_first_time_skipped_after_a_set_is_in_the_summary(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)  # no history at all
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "1", "0", "0", "enter", "k", "f", "y")
        assert "Back squat: skipped, no miss -> a first time again" in text_of(app, "#summary")


async def test_an_exercise_added_today_is_swapped_for_today_only(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *"leg extension")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await go_to(pilot, app, row_of(app, "Leg extension", "1/3"))
        await pilot.press("c", *"hack", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert [key for key, _ in app.screen.answers] == ["t"]  # no entry to swap for good
        await pilot.press("g")  # not offered: nothing happens, nothing written
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("t")
        names = [r[0] for r in table_rows(app)]
        assert "Hack squat" in names and "Leg extension" not in names
    assert not paths.program_file.exists()
