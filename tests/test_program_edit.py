"""The program file edited as text (core.program_edit): comments and layout stay, every edit
gives a file the program checker accepts, and it loads to the program the edits describe."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.core.models import Exercise, PlannedExercise, Progression
from gymtui.core.program import builtin_program_text, check_text
from gymtui.core.program_edit import (
    ProgramText,
    parse_target,
    planned_fields,
)
from gymtui.errors import InvalidValue, ProgramError

COMMENTED = """# my own program: do not lose this line
name = "Mine"  # the name

[[days]]
key = "A"  # heavy
name = "Heavy"
exercises = [
  # the squat first, always
  { exercise = "back_squat", sets = 4, reps = 6, progression = "linear" },  # belt on
  { exercise = "deadlift", sets = 3, reps = 5 },
  # calves last
  { exercise = "standing_calf_raise", sets = 3, reps = 15 },
]

# the light day
[[days]]
key = "B"

[[days.exercises]]
exercise = "front_squat"  # front rack
sets = 3
reps = "8-10"

[[days.exercises]]
exercise = "leg_press"
sets = 3
reps = 12
"""


def edited(text: str, *changes: Any) -> str:
    doc = ProgramText(text, "program.toml")
    for change in changes:
        change(doc)
    return doc.text()


def test_an_edit_keeps_every_comment_and_every_line_it_does_not_touch() -> None:
    text = edited(COMMENTED, lambda d: d.set_entry("A", 1, {"sets": 5, "rest_s": 180}))
    before, after = COMMENTED.splitlines(), text.splitlines()
    assert len(before) == len(after)
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert changed == [
        (
            '  { exercise = "deadlift", sets = 3, reps = 5 },',
            '  { exercise = "deadlift", sets = 5, reps = 5, rest_s = 180 },',
        )
    ]


def test_a_moved_entry_takes_its_comments_along() -> None:
    # Private names of tomlkit (Array's item groups): this fails if tomlkit changes them.
    text = edited(COMMENTED, lambda d: d.move_entry("A", 0, 2))
    assert text.splitlines()[6:13] == [
        "exercises = [",
        '  { exercise = "deadlift", sets = 3, reps = 5 },',
        "  # calves last",
        '  { exercise = "standing_calf_raise", sets = 3, reps = 15 },',
        "  # the squat first, always",
        '  { exercise = "back_squat", sets = 4, reps = 6, progression = "linear" },  # belt on',
        "]",
    ]
    back = edited(text, lambda d: d.move_entry("A", 2, 0))
    assert back == COMMENTED
    last_without_comma = COMMENTED.replace("reps = 15 },", "reps = 15 }")
    first = edited(last_without_comma, lambda d: d.move_entry("A", 2, 0))
    assert check_text(first, "program.toml").days[0].exercises[0].exercise_id == (
        "standing_calf_raise"
    )


def test_a_day_moves_and_goes_with_the_comment_lines_above_it() -> None:
    moved = edited(COMMENTED, lambda d: d.move_day("B", 0))
    assert moved.startswith(
        '# my own program: do not lose this line\nname = "Mine"  # the name\n\n'
        '# the light day\n[[days]]\nkey = "B"\n'
    )
    assert '  { exercise = "standing_calf_raise", sets = 3, reps = 15 },\n]\n' in moved
    assert edited(moved, lambda d: d.move_day("A", 0)) == COMMENTED
    gone = edited(COMMENTED, lambda d: d.remove_day("A"))
    assert gone == (
        '# my own program: do not lose this line\nname = "Mine"  # the name\n\n'
        + COMMENTED[COMMENTED.index("# the light day") :]
    )
    with_warmup = COMMENTED + '\n# the ramp\n[warmup]\nexercises = "off"\n'
    assert edited(with_warmup, lambda d: d.move_day("B", 0)).endswith(
        'sets = 3, reps = 15 },\n]\n\n# the ramp\n[warmup]\nexercises = "off"\n'
    )


def test_top_level_fields_go_above_the_first_table() -> None:
    text = edited(
        COMMENTED, lambda d: d.set_top("goal_per_week", 3), lambda d: d.set_top("name", None)
    )
    assert text.startswith(
        "# my own program: do not lose this line\ngoal_per_week = 3\n\n[[days]]\n"
    )
    assert check_text(text, "program.toml").goal_per_week == 3


def test_tables_of_exercises_are_edited_too() -> None:
    text = edited(
        COMMENTED,
        lambda d: d.move_entry("B", 1, 0),
        lambda d: d.set_entry("B", 1, {"sets": 4}),
        lambda d: d.add_entry("B", {"exercise": "leg_extension", "sets": 2, "reps": 15}),
    )
    assert '[[days.exercises]]\nexercise = "front_squat"  # front rack\nsets = 4\n' in text
    assert text.endswith('[[days.exercises]]\nexercise = "leg_extension"\nsets = 2\nreps = 15\n')
    program = check_text(text, "program.toml")
    assert [p.exercise_id for p in program.days[1].exercises] == [
        "leg_press",
        "front_squat",
        "leg_extension",
    ]


def test_a_new_day_is_written_as_the_file_writes_its_days() -> None:
    text = edited(
        builtin_program_text(),
        lambda d: d.add_day(
            "C", "Day C", "Calves", {"exercise": "leg_press", "sets": 3, "reps": 10}
        ),
    )
    assert text.endswith(
        '[[days]]\nkey = "C"\nname = "Day C"\nfocus = "Calves"\nexercises = [\n'
        '  { exercise = "leg_press", sets = 3, reps = 10 },\n]\n'
    )
    assert text.startswith(builtin_program_text().rstrip("\n"))


def test_refusals_say_what_and_change_nothing() -> None:
    doc = ProgramText(COMMENTED, "program.toml")
    with pytest.raises(ProgramError, match="a program needs at least one day"):
        edited(
            "[[days]]\nkey = 'A'\nexercises = [{ exercise = 'deadlift', sets = 1, reps = 1 }]\n",
            lambda d: d.remove_day("A"),
        )
    with pytest.raises(ProgramError, match="day 'A' needs at least one exercise"):
        edited(
            "[[days]]\nkey = 'A'\nexercises = [{ exercise = 'deadlift', sets = 1, reps = 1 }]\n",
            lambda d: d.remove_entry("A", 0),
        )
    with pytest.raises(ProgramError, match="the key 'B' is used by another day"):
        doc.add_day("B", "B", "", {"exercise": "deadlift", "sets": 1, "reps": 1})
    with pytest.raises(ProgramError, match="there is no day 'Z'"):
        doc.set_day("Z", name="Z")
    with pytest.raises(ProgramError, match=r"program\.toml: not valid TOML"):
        ProgramText("[[days]\n", "program.toml")
    assert doc.text() == COMMENTED


def test_the_checker_refuses_what_the_editor_may_write_wrong_naming_the_line() -> None:
    bad = edited(COMMENTED, lambda d: d.set_entry("A", 1, {"sets": 0}))
    with pytest.raises(ProgramError) as problem:
        check_text(bad, "program.toml")
    assert str(problem.value) == (
        "program.toml, line 10: day 1 ('A'), exercise 2: 'sets' must be from 1 to 20, not 0"
    )


@pytest.mark.parametrize(
    ("entries", "says"),
    [
        (["a", None, "a"], "superset 'a' must be on exercises next to each other"),
        (["a", None, None], "superset 'a' is on 1 exercise: a superset has 2 or 3"),
        (["b", "b", "b", "b"], "superset 'b' is on 4 exercises"),
        (["far too long", "far too long"], "'superset' must be a short label"),
    ],
)
def test_superset_labels_are_checked(entries: list[str | None], says: str) -> None:
    ids = ["back_squat", "deadlift", "leg_press", "leg_extension"]
    text = (
        "[[days]]\nkey = 'A'\nexercises = [\n"
        + "".join(
            f"  {{ exercise = '{ids[i]}', sets = 3, reps = 8"
            + (f", superset = '{label}'" if label else "")
            + " },\n"
            for i, label in enumerate(entries)
        )
        + "]\n"
    )
    with pytest.raises(ProgramError, match=says):
        check_text(text, "program.toml")


def test_a_superset_on_neighbours_is_accepted() -> None:
    text = edited(
        builtin_program_text(),
        lambda d: d.set_entry("B", 3, {"superset": "a"}),
        lambda d: d.set_entry("B", 4, {"superset": "a"}),
    )
    assert '{ exercise = "leg_press", sets = 3, reps = "10-12", superset = "a" }' in text
    check_text(text, "program.toml")


def test_targets_as_typed() -> None:
    assert parse_target("8") == {"reps": 8, "seconds": None}
    assert parse_target(" 10 - 12 ") == {"reps": "10-12", "seconds": None}
    assert parse_target("45s") == {"seconds": 45, "reps": None}
    assert parse_target("30-45 s") == {"seconds": "30-45", "reps": None}
    with pytest.raises(InvalidValue, match="Reps look like 8 or 10-12"):
        parse_target("eight")


def test_an_exercise_of_ones_own_is_written_out() -> None:
    mine = Exercise("belt_squat", "Belt squat", ("quadriceps",), (), "machine", False, 5.0, 120)
    text = edited(
        builtin_program_text(),
        lambda d: d.set_entry("A", 0, {"exercise": "belt_squat"}),
        lambda d: d.define_exercise(mine),
    )
    assert text.endswith(
        '[exercises.belt_squat]\nname = "Belt squat"\nmuscles = ["quadriceps"]\n'
        'equipment = "machine"\nincrement_kg = 5.0\nrest_s = 120\n'
    )
    assert check_text(text, "program.toml").exercises["belt_squat"].name == "Belt squat"


# -- the property: random edits always give a file the checker accepts, as they describe ----

IDS = ["back_squat", "deadlift", "leg_press", "leg_extension", "hamstring_curl", "hip_thrust"]


@st.composite
def planned(draw: st.DrawFn) -> PlannedExercise:
    ranged = draw(st.booleans())
    low = draw(st.integers(1, 30))
    kind = "double" if ranged else draw(st.sampled_from(["default", "linear"]))
    return PlannedExercise(
        draw(st.sampled_from(IDS)),
        sets=draw(st.integers(1, 20)),
        reps=low,
        rest_s=draw(st.none() | st.integers(1, 3600)),
        reps_top=draw(st.integers(low + 1, 100)) if ranged else None,
        progression=Progression(
            kind, draw(st.integers(1, 20)), draw(st.sampled_from([5, 7.5, 10, 50]))
        ),
        warmup=draw(st.none() | st.booleans()),
    )


EDITS = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 9), st.integers(0, 9), planned()),
    st.tuples(st.just("remove"), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("move"), st.integers(0, 9), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("sets"), st.integers(0, 9), st.integers(0, 9), st.integers(1, 20)),
    st.tuples(st.just("swap"), st.integers(0, 9), st.integers(0, 9), st.sampled_from(IDS)),
    st.tuples(st.just("day"), planned()),
    st.tuples(st.just("drop_day"), st.integers(0, 9)),
    st.tuples(st.just("move_day"), st.integers(0, 9), st.integers(0, 9)),
)


def apply(
    doc: ProgramText, model: list[tuple[str, list[PlannedExercise]]], edit: tuple[Any, ...]
) -> None:
    """Make `edit` on the file and on the model (a list of days and their entries)."""
    what, *args = edit
    if what == "day":
        key = next(f"N{n}" for n in range(len(model) + 1) if f"N{n}" not in dict(model))
        doc.add_day(key, f"Day {key}", "", planned_fields(args[0]))
        model.append((key, [args[0]]))
        return
    day_at = args[0] % len(model)
    key, entries = model[day_at]
    if what == "drop_day":
        if len(model) > 1:
            doc.remove_day(key)
            del model[day_at]
    elif what == "move_day":
        to = args[1] % len(model)
        doc.move_day(key, to)
        model.insert(to, model.pop(day_at))
    elif what == "add":
        at = args[1] % (len(entries) + 1)
        doc.add_entry(key, planned_fields(args[2]), at)
        entries.insert(at, args[2])
    else:
        index = args[1] % len(entries)
        if what == "remove" and len(entries) > 1:
            doc.remove_entry(key, index)
            del entries[index]
        elif what == "move":
            to = args[2] % len(entries)
            doc.move_entry(key, index, to)
            entries.insert(to, entries.pop(index))
        elif what == "sets":
            doc.set_entry(key, index, {"sets": args[2]})
            entries[index] = entries[index]._replace(sets=args[2])
        elif what == "swap":
            doc.set_entry(key, index, {"exercise": args[2]})
            entries[index] = entries[index]._replace(exercise_id=args[2])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([builtin_program_text(), COMMENTED]), st.lists(EDITS, max_size=8))
def test_random_edits_give_a_file_the_checker_accepts_as_they_describe(
    start: str, edits: list[tuple[Any, ...]]
) -> None:
    before = check_text(start, "program.toml")
    model = [(d.key, list(d.exercises)) for d in before.days]
    doc = ProgramText(start, "program.toml")
    for edit in edits:
        apply(doc, model, edit)
        # every step is a file a person could have written: the same checker accepts it
        program = check_text(doc.text(), "program.toml")
        assert [(d.key, list(d.exercises)) for d in program.days] == model
    text = doc.text()
    if not any(edit[0] in ("remove", "drop_day") for edit in edits):
        for line in start.splitlines():  # nothing taken out: every comment line is still there
            if line.strip().startswith("#"):
                assert line in text
