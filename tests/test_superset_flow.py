"""Supersets in the app: a round logged from Today and Rest (the screen and the file), the
short and the full rest, "Superset" for today (g and the palette), and its rest length."""

from gymtui.core.models import SetInput
from gymtui.gym import Gym
from gymtui.paths import Paths
from gymtui.ui.dialogs.rest_lengths import RestLengthsDialog
from gymtui.ui.dialogs.set_dialog import SetDialog
from gymtui.ui.screens.rest import RestScreen
from gymtui.ui.screens.today import TodayScreen

from conftest import FakeClock
from helpers import db_rows, make_app, notifications, table_rows, text_of

SIZE = (100, 30)
PROGRAM = """
name = "Supersets"

[[days]]
key = "A"
name = "Day A"
exercises = [
  { exercise = "hamstring_curl", sets = 3, reps = 12, superset = "a", rest_s = 75 },
  { exercise = "standing_calf_raise", sets = 2, reps = 15, superset = "a" },
  { exercise = "leg_press", sets = 2, reps = 10 },
]
"""
H, C = "hamstring_curl", "standing_calf_raise"


def write_program(paths: Paths, text: str = PROGRAM) -> None:
    paths.program_file.parent.mkdir(parents=True, exist_ok=True)
    paths.program_file.write_text(text, encoding="utf-8")


def sets_on_file(paths: Paths) -> list[tuple[object, ...]]:
    return db_rows(paths.database, "SELECT exercise_id, weight_kg, superset FROM sets ORDER BY id")


async def test_a_superset_round_from_today_and_rest(paths: Paths, clock: FakeClock) -> None:
    write_program(paths)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        rows = table_rows(app)
        assert [r[:2] for r in rows] == [
            ["┌A1 Hamstring curl", "▶1/3"],
            ["│", " 2/3"],
            ["│", " 3/3"],
            ["├A2 Standing calf rai…", " 1/2"],  # cut at the 80-column width
            ["└", " 2/2"],
            ["Leg press", " 1/2"],
            ["", " 2/2"],
        ]
        # A1: the short rest, and the next set is the calf raise's
        await pilot.press("enter", *"40", "enter")
        assert sets_on_file(paths) == [(H, 40.0, "a")]
        rows = table_rows(app)
        assert rows[0][5] == "✓ 40 × 12"
        assert rows[3][1] == "▶1/2"
        status = text_of(app, "#rest-status")
        assert status.startswith("Rest 0:20")
        assert "next: Set 1 of 2 - Standing calf raise × 15 (superset)" in status
        # A2 ends the round: the full rest, the longest of the two (75 s against 60 s)
        await pilot.press("enter", *"60", "enter")
        assert sets_on_file(paths) == [(H, 40.0, "a"), (C, 60.0, "a")]
        assert table_rows(app)[1][1] == "▶2/3"
        assert text_of(app, "#rest-status").startswith("Rest 1:15")
        # round 2 from the Rest screen: its next line follows the round
        clock.advance(75)
        await pilot.press("r")
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-next") == (
            "Next: Set 2 of 3 - Hamstring curl 40 kg × 12 (superset)"
        )
        await pilot.press("enter")
        assert isinstance(app.screen, SetDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, RestScreen)
        assert text_of(app, "#rest-next") == (
            "Next: Set 2 of 2 - Standing calf raise 60 kg × 15 (superset)"
        )
        assert text_of(app, "#rest-status").startswith("Rest 0:20")
        await pilot.press("enter", "enter")
        assert text_of(app, "#rest-next") == (
            "Next: Set 3 of 3 - Hamstring curl 40 kg × 12 (superset)"
        )
        assert text_of(app, "#rest-status").startswith("Rest 1:15")
        # the calf raise has no third set: round 3 is the curl alone, then the day goes on
        await pilot.press("enter", "enter")
        assert text_of(app, "#rest-next").startswith("Next: Set 1 of 2 - Leg press")
        assert "(superset)" not in text_of(app, "#rest-next")
        assert text_of(app, "#rest-status").startswith("Rest 1:15")
        assert sets_on_file(paths) == [
            (H, 40.0, "a"),
            (C, 60.0, "a"),
            (H, 40.0, "a"),
            (C, 60.0, "a"),
            (H, 40.0, "a"),
        ]
        await pilot.press("t")
        assert isinstance(app.screen, TodayScreen)
        assert table_rows(app)[5][1] == "▶1/2"


async def test_superset_for_today_with_g_and_the_palette(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        rows = table_rows(app)
        curl = next(n for n, r in enumerate(rows) if r[0] == "Hamstring curl")
        # the last exercise has nothing after it: said, and nothing changes
        await pilot.press(*["down"] * (len(rows) - 1), "g")
        assert any("no next one to pair with" in n for n in notifications(app))
        assert table_rows(app) == rows
        await pilot.press(*["up"] * (len(rows) - 1 - curl), "g")
        said = "Superset for today: Hamstring curl and Standing calf raise, set by set in turn."
        assert said in notifications(app)
        rows = table_rows(app)
        assert rows[curl][0] == "┌A1 Hamstring curl"
        assert rows[curl + 3][0].startswith("├A2 Standing calf")
        assert rows[-1][0] == "└"
        assert db_rows(paths.database, "SELECT count(*) FROM sets") == [(0,)]
        # a set of the curl goes into the superset: the calf raise is next, after 0:20
        await pilot.press("enter", *"40", "enter")
        assert sets_on_file(paths) == [(H, 40.0, "today1")]
        assert table_rows(app)[curl + 3][1] == "▶1/3"
        assert text_of(app, "#rest-status").startswith("Rest 0:20")
    # it lasts through the session: a restart shows it still
    again = make_app(paths, clock)
    async with again.run_test(size=SIZE) as pilot:
        assert table_rows(again)[curl][0] == "┌A1 Hamstring curl"
        # the palette's "Superset" ends it
        await pilot.press("ctrl+p", *"Superset: pair")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert any(n.startswith("Superset ended for today") for n in notifications(again))
        assert table_rows(again)[curl][0] == "Hamstring curl"


async def test_the_superset_rest_is_set_with_the_other_rest_lengths(
    paths: Paths, clock: FakeClock
) -> None:
    write_program(paths, PROGRAM.replace('name = "S', 'superset_rest_s = 25\nname = "S'))
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"40", "enter")
        assert text_of(app, "#rest-status").startswith("Rest 0:25")  # the program's
        await pilot.press("r", "l")
        dialog = app.screen
        assert isinstance(dialog, RestLengthsDialog)
        field = dialog.query_one("#superset")
        assert getattr(field, "placeholder", "") == "default 0:25"
        field.focus()
        await pilot.press(*"35", "enter")
        assert isinstance(app.screen, RestScreen)
        assert db_rows(
            paths.database, "SELECT value FROM settings WHERE key = 'superset_rest_s'"
        ) == [("35",)]
        await pilot.press("enter", *"60", "enter")  # the calf raise: round 1 over
        assert text_of(app, "#rest-status").startswith("Rest 1:15")
        await pilot.press("enter", "enter")  # the curl, set 2: the user's 35 s now
        assert text_of(app, "#rest-status").startswith("Rest 0:35")


def test_space_starts_the_rest_a_superset_member_calls_for(paths: Paths, clock: FakeClock) -> None:
    """With auto-start off, the rest started by hand after a member's set is the short one
    while the round goes on, the full one after it."""
    write_program(paths)
    gym = Gym.open(paths, clock)
    try:
        gym.update_settings(rest_autostart=False)
        gym.log_set(SetInput(H, 40, 12))
        assert gym.timer.state == "idle"
        assert gym.rest_start() and gym.rest_view().length_s == 20
        gym.log_set(SetInput(C, 60, 15))
        assert gym.rest_start() and gym.rest_view().length_s == 75
        gym.log_set(SetInput(C, 60, 15, kind="warmup"))  # a warm-up: its own rest
        assert gym.rest_start() and gym.rest_view().length_s == 45
    finally:
        gym.close()
    assert sets_on_file(paths) == [(H, 40.0, "a"), (C, 60.0, "a"), (C, 60.0, "a")]


def test_a_pairing_for_today_lasts_through_the_session_and_ends_with_it(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    try:
        said = gym.supersets.toggle("hamstring_curl")  # before the session: for the next one
        assert said.startswith("Superset for today: Hamstring curl and Standing calf raise")
        gym.log_set(SetInput("back_squat", 100, 6))  # the session starts: still paired
        assert gym.today().rows[-1].planned is not None
        assert {r.planned.superset for r in gym.today().rows if r.planned} == {None, "today1"}
        session = gym.today().session
        assert session is not None
        gym.finish_session(session.id)
        clock.advance(3 * 24 * 3600)
        gym.choose_day("A")  # Day A again, another session: the program as written
        assert {r.planned.superset for r in gym.refresh().rows if r.planned} == {None}
        assert db_rows(paths.database, "SELECT superset FROM sets") == [(None,)]
    finally:
        gym.close()
