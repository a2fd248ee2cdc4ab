"""The program, edited in the app: gym.program_file's writes (program.toml kept as a person
wrote it, checked as a hand edit is, written whole) and the "Edit program" dialog, with what
Today shows after each save; a file broken by hand keeps the last good program running and
says where it is wrong."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import OptionList

from gymtui.core.exercises import ExerciseEdit
from gymtui.core.models import PlannedExercise
from gymtui.core.program import builtin_program_text
from gymtui.errors import ProgramError
from gymtui.gym import Gym
from gymtui.gym.program_file import LAST_GOOD
from gymtui.paths import Paths
from gymtui.ui.app import GymApp
from gymtui.ui.dialogs.program import ProgramDialog
from gymtui.ui.dialogs.program_forms import DayDialog, EntryDialog, WarmupDialog

from conftest import FakeClock
from helpers import make_app, notifications, table_rows, text_of

SIZE = (80, 24)
HEADER = "# The default program: legs twice a week, two complementary days.\n"


def today_plan(app: GymApp) -> list[tuple[str, str]]:
    """Today's rows as (exercise, set label), the exercise's name carried down."""
    rows, name = [], ""
    for row in table_rows(app):
        name = row[0] or name
        rows.append((name, row[1].lstrip("▶ ")))
    return rows


def option_texts(dialog: ProgramDialog, selector: str) -> list[str]:
    options = dialog.query_one(selector, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


# -- gym.program_file: what H1's "for good" and the editor write ----------------------------


def test_the_first_change_writes_the_built_in_file_with_its_comments(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    try:
        assert not paths.program_file.exists()
        gym.program_file.set_sets("A", "deadlift", 2)
        text = paths.program_file.read_text()
        assert text == builtin_program_text().replace(
            '{ exercise = "deadlift", sets = 4,', '{ exercise = "deadlift", sets = 2,'
        )
        assert stat.S_IMODE(paths.program_file.stat().st_mode) == 0o600
        assert (paths.data_dir / LAST_GOOD).read_text() == text
        assert [
            (r.exercise.id, r.label) for r in gym.today().rows if r.exercise.id == "deadlift"
        ] == [
            ("deadlift", "1/2"),
            ("deadlift", "2/2"),
        ]
        assert not list(paths.program_file.parent.glob(".program.toml.*"))  # no temp file left
    finally:
        gym.close()


def test_swap_add_remove_and_move_for_good(paths: Paths, clock: FakeClock) -> None:
    gym = Gym.open(paths, clock)
    try:
        program_file = gym.program_file
        program_file.swap("A", "back_squat", "hack_squat")
        program_file.add("A", PlannedExercise("leg_extension", 2, 12, rest_s=60), at=1)
        program_file.remove("A", "hamstring_curl")
        program_file.move("A", "standing_calf_raise", 0)
        day = gym.program.day("A")
        assert day is not None
        assert [(p.exercise_id, p.sets, p.reps) for p in day.exercises] == [
            ("standing_calf_raise", 3, 15),
            ("hack_squat", 4, 6),
            ("leg_extension", 2, 12),
            ("deadlift", 4, 5),
            ("bulgarian_split_squat", 3, 8),
        ]
        text = paths.program_file.read_text()
        assert text.startswith(HEADER)
        assert (
            "exercises = [\n"
            '  { exercise = "standing_calf_raise", sets = 3, reps = 15, progression = "linear" },\n'
            '  { exercise = "hack_squat", sets = 4, reps = 6, progression = "linear" },\n'
            '  { exercise = "leg_extension", sets = 2, reps = 12, rest_s = 60 },\n'
        ) in text
        assert today_names(gym)[:2] == ["standing_calf_raise", "hack_squat"]
    finally:
        gym.close()


def today_names(gym: Gym) -> list[str]:
    names: list[str] = []
    for row in gym.today().rows:
        if row.ramp is None and row.exercise.id not in names:
            names.append(row.exercise.id)
    return names


def test_a_change_the_checker_refuses_writes_nothing(paths: Paths, clock: FakeClock) -> None:
    gym = Gym.open(paths, clock)
    try:
        gym.program_file.set_sets("A", "deadlift", 3)
        before = paths.program_file.read_bytes()
        with pytest.raises(ProgramError) as problem:
            gym.program_file.set_sets("A", "deadlift", 21)
        assert str(problem.value) == (
            f"{paths.program_file}, line 27: day 1 ('A'), exercise 2: 'sets' must be from 1 to "
            "20, not 21"
        )
        with pytest.raises(ProgramError, match="day 'A' has no exercise 'leg_press'"):
            gym.program_file.remove("A", "leg_press")
        assert paths.program_file.read_bytes() == before
        day = gym.program.day("A")
        assert day is not None and day.exercises[1].sets == 3
    finally:
        gym.close()


def test_an_exercise_of_ones_own_is_written_into_the_file(paths: Paths, clock: FakeClock) -> None:
    gym = Gym.open(paths, clock)
    try:
        mine = gym.exercises.save(None, ExerciseEdit("Belt squat", muscles=("quadriceps",)))
        gym.program_file.swap("A", "back_squat", mine.id)
        text = paths.program_file.read_text()
        assert f'{{ exercise = "{mine.id}", sets = 4, reps = 6, progression = "linear" }}' in text
        assert f'[exercises.{mine.id}]\nname = "Belt squat"\nmuscles = ["quadriceps"]\n' in text
        assert today_names(gym)[0] == mine.id
    finally:
        gym.close()


def break_file(paths: Paths) -> None:
    text = paths.program_file.read_text()
    paths.program_file.write_text(text.replace('"deadlift", sets = 3', '"deadlift", sets = 0'))


def test_a_file_broken_by_hand_keeps_the_last_good_program(paths: Paths, clock: FakeClock) -> None:
    gym = Gym.open(paths, clock)
    gym.program_file.set_sets("A", "deadlift", 3)
    gym.close()
    break_file(paths)
    gym = Gym.open(paths, clock)  # it starts: the last good program runs
    try:
        assert gym.program_file.problem == (
            f"{paths.program_file}, line 27: day 1 ('A'), exercise 2: 'sets' must be from 1 to "
            "20, not 0\nThe last good program runs until it is fixed."
        )
        day = gym.program.day("A")
        assert day is not None and day.exercises[1].sets == 3
        broken = paths.program_file.read_bytes()
        with pytest.raises(ProgramError, match="line 27: day 1"):  # fixed by hand first
            gym.program_file.set_sets("A", "back_squat", 5)
        assert paths.program_file.read_bytes() == broken
    finally:
        gym.close()


def test_without_a_last_good_copy_the_built_in_program_runs(paths: Paths, clock: FakeClock) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.program_file.write_text("[[days]]\nkey = 'A'\nexercises = [{ exercise = 'deadlift' }]\n")
    gym = Gym.open(paths, clock)
    try:
        assert gym.program.name == "Legs twice a week"
        assert gym.program_file.problem == (
            f"{paths.program_file}, line 3: day 1 ('A'), exercise 1: 'reps' is missing\n"
            "The built-in program runs until it is fixed."
        )
    finally:
        gym.close()


def test_a_hand_edit_while_running_is_read_on_the_next_tick(paths: Paths, clock: FakeClock) -> None:
    gym = Gym.open(paths, clock)
    try:
        gym.program_file.set_sets("A", "deadlift", 3)
        assert not gym.program_file.reload_if_changed()  # its own write is no news
        text = paths.program_file.read_text()
        paths.program_file.write_text(text.replace('"deadlift", sets = 3', '"deadlift", sets = 2'))
        os.utime(paths.program_file, ns=(1, 1))  # a stamp of its own, however fast the disk
        assert gym.program_file.reload_if_changed()
        assert gym.program_file.problem is None
        assert [r.label for r in gym.today().rows if r.exercise.id == "deadlift"] == ["1/2", "2/2"]
        break_file(paths)
        os.utime(paths.program_file, ns=(2, 2))
        break_file(paths)
        paths.program_file.write_text(
            paths.program_file.read_text().replace('"deadlift", sets = 2', '"deadlift", sets = 0')
        )
        os.utime(paths.program_file, ns=(3, 3))
        assert not gym.program_file.reload_if_changed()
        assert gym.program_file.problem is not None
        assert "line 27: day 1 ('A'), exercise 2: 'sets' must be from 1 to 20, not 0" in (
            gym.program_file.problem
        )
        assert [r.label for r in gym.today().rows if r.exercise.id == "deadlift"] == ["1/2", "2/2"]
    finally:
        gym.close()


# -- the dialog ---------------------------------------------------------------------------


async def open_editor(pilot) -> ProgramDialog:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p", *"Edit program")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ProgramDialog)
    return dialog


async def test_edit_an_exercise_of_a_day_through_the_dialog(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_editor(pilot)
        assert option_texts(dialog, "#program-days") == ["A   Day A", "B   Day B"]
        assert option_texts(dialog, "#program-entries")[0] == (
            "Back squat            4 × 6      linear"
        )
        await pilot.press("tab", "enter")  # the exercises; back squat
        assert isinstance(app.screen, EntryDialog)
        await pilot.press("5", "tab", "tab", "tab", "tab", "tab", *"3:00", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert option_texts(dialog, "#program-entries")[0] == (
            "Back squat            5 × 6      linear  rest 3:00"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert [label for name, label in today_plan(app) if name == "Back squat"] == [
            "1/5",
            "2/5",
            "3/5",
            "4/5",
            "5/5",
        ]
    text = paths.program_file.read_text()
    assert text.startswith(HEADER)  # the built-in file's comments came along
    assert text == builtin_program_text().replace(
        '{ exercise = "back_squat", sets = 4, reps = 6, progression = "linear" }',
        '{ exercise = "back_squat", sets = 5, reps = 6, progression = "linear", rest_s = 180 }',
    )


async def test_a_value_the_checker_refuses_keeps_the_form_open_with_the_line(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press("tab", "enter")
        await pilot.press(*"tab" * 0, "ctrl+u", *"30", "enter")  # 30 sets
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        assert text_of(app, "#dialog-error") == (
            "program.toml, line 26: day 1 ('A'), exercise 1: 'sets' must be from 1 to 20, not 30"
        )
        await pilot.press("ctrl+u", "4", *["tab"] * 7, *"abcdefghij", "enter")  # a long label
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        assert "'superset' must be a short label of 1 to 8 characters" in text_of(
            app, "#dialog-error"
        )
        await pilot.press("ctrl+u", *"ninechars", "enter")  # refused again: the form stays
        await pilot.press("escape")
        await pilot.pause()
    assert not paths.program_file.exists()  # nothing was written


async def test_add_move_and_remove_exercises_and_a_day(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_editor(pilot)
        await pilot.press("tab", "down", "shift+down")  # deadlift below the split squat
        await pilot.pause()
        assert [t[:21].rstrip() for t in option_texts(dialog, "#program-entries")][:3] == [
            "Back squat",
            "Bulgarian split squat",
            "Deadlift",
        ]
        await pilot.press("n", *"leg extension")  # after the deadlift
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        await pilot.press("ctrl+u", "2", "tab", "ctrl+u", *"15-20", "enter")
        await pilot.pause()
        await pilot.press("end", "d", "y")  # the calf raise off the day
        await pilot.pause()
        assert [t[:21].rstrip() for t in option_texts(dialog, "#program-entries")] == [
            "Back squat",
            "Bulgarian split squat",
            "Deadlift",
            "Leg extension",
            "Hamstring curl",
        ]
        await pilot.press("shift+tab", "n")  # a new day after A
        assert isinstance(app.screen, DayDialog)
        await pilot.press(*"C", "tab", *"Day C", "tab", *"Calves", "enter")
        await pilot.pause()
        await pilot.press(*"seated calf", "enter")
        await pilot.pause()
        assert option_texts(dialog, "#program-days") == ["A   Day A", "C   Day C", "B   Day B"]
        await pilot.press("escape")
        await pilot.pause()
        assert [label for name, label in today_plan(app) if name == "Leg extension"] == [
            "1/2",
            "2/2",
        ]
    text = paths.program_file.read_text()
    assert (
        '  { exercise = "deadlift", sets = 4, reps = 5, progression = "linear" },\n'
        '  { exercise = "leg_extension", sets = 2, reps = "15-20" },\n'
        '  { exercise = "hamstring_curl", sets = 3, reps = 12, progression = "linear" },\n'
        "]\n\n"
        '[[days]]\nkey = "C"\nname = "Day C"\nfocus = "Calves"\nexercises = [\n'
        '  { exercise = "seated_calf_raise", sets = 3, reps = 10 },\n]\n\n'
        '[[days]]\nkey = "B"\n'
    ) in text
    assert "standing_calf_raise" not in text


async def test_the_warm_up_ramp_and_a_day_name(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_editor(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, WarmupDialog)
        await pilot.press("b", "tab", "ctrl+u", *"bar x 5, 50% x 3", "enter")
        await pilot.pause()
        assert text_of(app, "#program-warmup") == "Warm-up ramp (barbell): bar × 5, 50% × 3"
        await pilot.press("enter")  # on day A: its name and focus
        assert isinstance(app.screen, DayDialog)
        await pilot.press("ctrl+u", *"Heavy legs", "tab", "ctrl+u", "enter")
        await pilot.pause()
        assert option_texts(dialog, "#program-days")[0] == "A   Heavy legs"
        await pilot.press("p", "ctrl+u", *"Legs, three days", "tab", "ctrl+u", "3", "enter")
        await pilot.pause()
        assert text_of(app, "#dialog-title") == "Edit program · Legs, three days · program.toml"
        await pilot.press("escape")
        await pilot.pause()
        assert text_of(app, "#day-title").startswith("Heavy legs  (not started)")
        assert text_of(app, "#recovery").endswith("0 of 3 leg sessions this week")
    text = paths.program_file.read_text()
    assert '[warmup]\nexercises = "barbell"\nsteps = ["bar x 5", "50% x 3"]\n' in text
    assert '[[days]]\nkey = "A"\nname = "Heavy legs"\nexercises = [' in text
    assert '\nname = "Legs, three days"\ngoal_per_week = 3\n' in text


async def test_a_broken_file_at_start_and_while_running_keeps_the_program_and_says_where(
    paths: Paths, clock: FakeClock
) -> None:
    gym = Gym.open(paths, clock)
    gym.program_file.set_sets("A", "deadlift", 3)
    gym.close()
    break_file(paths)
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert (
            f"{paths.program_file}, line 27: day 1 ('A'), exercise 2: 'sets' must be from 1 to "
            "20, not 0\nThe last good program runs until it is fixed."
        ) in notifications(app)
        assert [label for name, label in today_plan(app) if name == "Deadlift"] == [
            "1/3",
            "2/3",
            "3/3",
        ]
        assert text_of(app, "#day-title").endswith("(not started)  program.toml:27 broken")
        dialog = await open_editor(pilot)
        assert text_of(app, "#program-problem").startswith(
            f"{paths.program_file}, line 27: day 1 ('A'), exercise 2:"
        )
        await pilot.press("tab", "enter", "ctrl+u", "5", "enter")  # refused: fix it first
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        assert "program.toml, line 27: day 1 ('A'), exercise 2: 'sets' must be" in text_of(
            app, "#dialog-error"
        )
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is not dialog
        # fixed by hand while it runs: the next tick reads it
        text = paths.program_file.read_text()
        paths.program_file.write_text(text.replace('"deadlift", sets = 0', '"deadlift", sets = 2'))
        os.utime(paths.program_file, ns=(5, 5))
        app.tick()
        await pilot.pause()
        assert "The program file is fixed: its program runs now." in notifications(app)
        assert not any("line 27" in n for n in notifications(app))  # its toast went with it
        assert text_of(app, "#day-title").endswith("Sun 22 Nov")
        assert [label for name, label in today_plan(app) if name == "Deadlift"] == ["1/2", "2/2"]
        # broken again: the toast says where, Today stays as it was
        break_file(paths)
        paths.program_file.write_text(
            paths.program_file.read_text().replace('"deadlift", sets = 2', '"deadlift", sets = 0')
        )
        os.utime(paths.program_file, ns=(6, 6))
        app.tick()
        await pilot.pause()
        assert (
            f"{paths.program_file}, line 27: day 1 ('A'), exercise 2: 'sets' must be from 1 to "
            "20, not 0\nThe program as it was keeps running."
        ) in notifications(app)
        assert text_of(app, "#day-title").endswith("(not started)  program.toml:27 broken")
        assert [label for name, label in today_plan(app) if name == "Deadlift"] == ["1/2", "2/2"]


def test_the_last_good_copy_is_only_rewritten_when_it_changed(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    gym = Gym.open(paths, clock)
    gym.program_file.set_sets("A", "deadlift", 3)
    gym.close()
    kept = paths.data_dir / LAST_GOOD
    os.utime(kept, ns=(7, 7))
    Gym.open(paths, clock).close()
    assert kept.stat().st_mtime_ns == 7


def test_a_write_that_fails_leaves_the_file_and_the_program_as_they_were(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    gym = Gym.open(paths, clock)
    try:
        gym.program_file.set_sets("A", "deadlift", 3)
        before = paths.program_file.read_bytes()

        def full_disk(fd: int, data: object) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "write", full_disk)
        with pytest.raises(ProgramError) as problem:
            gym.program_file.set_sets("A", "deadlift", 5)
        monkeypatch.undo()
        assert str(problem.value) == (
            f"{paths.program_file} cannot be written ([Errno 28] No space left on device): "
            "nothing changed."
        )
        assert paths.program_file.read_bytes() == before
        assert not list(paths.program_file.parent.glob(".program.toml.*"))
        day = gym.program.day("A")
        assert day is not None and day.exercises[1].sets == 3
    finally:
        gym.close()


async def test_a_superset_label_on_one_exercise_pairs_it_with_the_next_and_clearing_ends_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press("tab", "down", "down", "down", "enter")  # Day A's hamstring curl
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        await pilot.press(*["tab"] * 7, "a", "enter")  # as g does: with the next exercise
        await pilot.pause()
        assert not isinstance(app.screen, EntryDialog)
        text = paths.program_file.read_text()
        assert (
            '{ exercise = "hamstring_curl", sets = 3, reps = 12, progression = "linear", '
            'superset = "a" }' in text
        )
        assert (
            '{ exercise = "standing_calf_raise", sets = 3, reps = 15, progression = "linear", '
            'superset = "a" }' in text
        )
        assert text.startswith("# The default program")
        await pilot.press("enter")  # the hamstring curl again: its label cleared ends the pair
        await pilot.pause()
        await pilot.press(*["tab"] * 7, "ctrl+u", "enter")
        await pilot.pause()
    assert "superset" not in paths.program_file.read_text().split("[[days]]", 1)[1]


async def test_an_rpe_target_and_back_offs_set_in_the_dialog(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_editor(pilot)
        await pilot.press("tab", "enter")  # the exercises; back squat
        assert isinstance(app.screen, EntryDialog)
        await pilot.press(*["tab"] * 8, *"11", "tab", *"90", "enter")  # RPE 11: refused
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        assert text_of(app, "#dialog-error") == (
            "program.toml, line 26: day 1 ('A'), exercise 1: 'rpe' must be from 6.5 to 10 in "
            "half steps (like 8 or 8.5), not 11"
        )
        await pilot.press("shift+tab", "ctrl+u", "9", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert option_texts(dialog, "#program-entries")[0] == (
            "Back squat            4 × 6      linear  @9  back-offs 90%"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert [label for name, label in today_plan(app) if name == "Back squat"] == [
            "1/4",
            "2/4",
            "3/4",
            "4/4",
        ]
    assert paths.program_file.read_text() == builtin_program_text().replace(
        '{ exercise = "back_squat", sets = 4, reps = 6, progression = "linear" }',
        '{ exercise = "back_squat", sets = 4, reps = 6, progression = "linear", rpe = 9, '
        "backoff_pct = 90 }",
    )
