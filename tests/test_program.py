"""A user's program file replaces the built-in one; a malformed one is named precisely."""

from pathlib import Path

import pytest

from gymtui.core.program import load_program
from gymtui.errors import ProgramError

GOOD = """
name = "Three legs"
[exercises.sissy_squat]
name = "Sissy squat"
muscles = ["quadriceps"]
rest_s = 75

[[days]]
key = "Q"
name = "Quads"
exercises = [
  { exercise = "sissy_squat", sets = 2, reps = 20 },
  { exercise = "leg_press", sets = 3, reps = 10, rest_s = 100 },
]
"""


def test_user_program_replaces_default(tmp_path: Path) -> None:
    path = tmp_path / "program.toml"
    path.write_text(GOOD)
    program = load_program(path)
    assert program.name == "Three legs"
    assert [d.key for d in program.days] == ["Q"]
    assert program.exercises["sissy_squat"].rest_s == 75
    assert program.days[0].exercises[1].rest_s == 100


def test_missing_user_file_means_builtin(tmp_path: Path) -> None:
    assert load_program(tmp_path / "nope.toml").name == "Legs twice a week"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("days = [", "not valid TOML"),
        ("name = 'x'", "top level: 'days' is missing"),
        (
            "[[days]]\nkey='A'\nexercises=[{exercise='back_sqaut', sets=3, reps=5}]",
            "day 1 ('A'), exercise 1: unknown exercise 'back_sqaut' (did you mean 'back_squat'",
        ),
        (
            "[[days]]\nkey='A'\nexercises=[{exercise='deadlift', sets='four', reps=5}]",
            "day 1 ('A'), exercise 1: 'sets' must be a whole number, not 'four'",
        ),
        (
            "[[days]]\nkey='A'\nexercises=[{exercise='deadlift', sets=3, reps=0}]",
            "day 1 ('A'), exercise 1: 'reps' must be from 1 to 100, not 0",
        ),
        (
            "[exercises.x]\nname='X'\nmuscles=['biceps']\n[[days]]\nkey='A'\n"
            "exercises=[{exercise='x', sets=3, reps=5}]",
            "exercise 'x': unknown muscle 'biceps'",
        ),
    ],
)
def test_malformed_program_names_file_entry_and_problem(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "program.toml"
    path.write_text(text)
    with pytest.raises(ProgramError) as problem:
        load_program(path)
    assert str(problem.value).startswith(str(path))
    assert expected in str(problem.value)


def test_builtin_json_is_the_toml_files_parsed() -> None:
    """A start reads data/builtin.json; the TOML files are the source. After editing one,
    run scripts/builtin_json.py."""
    import json

    from gymtui.core.program import BUILTIN_JSON, builtin_from_toml
    from gymtui.data import read_data

    # compared as text, so that the order (the catalogue's) counts too
    assert json.dumps(json.loads(read_data(BUILTIN_JSON))) == json.dumps(builtin_from_toml()), (
        "gymtui/data/builtin.json is behind the TOML: run uv run python scripts/builtin_json.py"
    )
