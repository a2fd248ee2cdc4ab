"""Equipment per exercise: its own bar, your dumbbells, a machine's stack, body weight."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.core.equipment import (
    EQUIPMENT,
    equipment_of,
    fit,
    fit_down,
    handled,
    kit_for,
    lightest_kg,
    load_text,
)
from gymtui.core.models import Exercise, LoggedSet, PlannedExercise, Progression
from gymtui.core.plates import (
    default_inventory,
    dumbbells_text,
    load,
    parse_dumbbells,
)
from gymtui.core.program import builtin_catalogue, load_program, parse_program
from gymtui.core.progression import ceiling_kg, recent_best_e1rm, suggest
from gymtui.core.settings import Settings
from gymtui.core.training import ramp
from gymtui.core.values import KG_PER_LB
from gymtui.data import read_data
from gymtui.errors import InvalidValue, ProgramError

NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
KG = default_inventory("kg")
CATALOGUE = builtin_catalogue()


def test_the_catalogue_speaks_one_vocabulary() -> None:
    text = read_data("exercises.toml")
    kinds = {ex.equipment for ex in CATALOGUE.values()}
    assert kinds <= set(EQUIPMENT), kinds - set(EQUIPMENT)
    # as written in the file, too: no "dumbbell" beside "dumbbells", no "trap bar" kind
    written = {
        line.split("=", 1)[1].strip().strip('"')
        for line in text.splitlines()
        if line.startswith("equipment =")
    }
    assert written <= set(EQUIPMENT), written - set(EQUIPMENT)
    assert CATALOGUE["trap_bar_deadlift"].equipment == "barbell"
    assert CATALOGUE["trap_bar_deadlift"].bar_kg == 25
    assert CATALOGUE["safety_bar_squat"].bar_kg == 30
    assert CATALOGUE["back_squat"].bar_kg is None  # the user's own bar
    assert CATALOGUE["goblet_squat"].equipment == "dumbbells"
    assert CATALOGUE["nordic_curl"].equipment == "bodyweight"
    assert CATALOGUE["leg_press"].stack_step_kg == 2.5  # plate-loaded: its smallest pair


def test_spellings_and_named_bars_map_onto_the_vocabulary() -> None:
    assert equipment_of("Dumbbell") == ("dumbbells", None)
    assert equipment_of("body weight") == ("bodyweight", None)
    assert equipment_of("trap bar") == ("barbell", 25.0)
    assert equipment_of("Safety-squat bar") == ("barbell", 30.0)
    assert equipment_of("EZ bar") == ("barbell", 10.0)
    assert equipment_of("bands") == ("other", None)  # a hand-written word the old files had
    assert equipment_of("None") == ("bodyweight", None)
    with pytest.raises(InvalidValue, match="unknown equipment 'rock'"):
        equipment_of("rock")


def program_with(body: str) -> str:
    return f"""
name = "Mine"
[[days]]
key = "A"
name = "A"
focus = "x"
exercises = [{{ exercise = "mine", sets = 3, reps = 5 }}]

[exercises.mine]
name = "My lift"
{body}
"""


def parse(text: str) -> Exercise:
    import tomllib

    return parse_program(tomllib.loads(text), "program.toml", text).exercises["mine"]


def test_the_program_file_says_an_exercise_s_kit_and_refuses_a_wrong_one() -> None:
    assert parse(program_with('equipment = "trap bar"')).bar_kg == 25
    ez = parse(program_with('equipment = "barbell"\nbar_kg = 15'))
    assert (ez.equipment, ez.bar_kg) == ("barbell", 15)
    machine = parse(program_with('equipment = "machine"\nstack_step_kg = 7\nsmall_plate_kg = 1.25'))
    assert (machine.stack_step_kg, machine.small_plate_kg) == (7, 1.25)
    for body, says in [
        ('equipment = "rock"', "line 11: exercise 'mine': unknown equipment 'rock'"),
        ('equipment = "machine"\nbar_kg = 25', "'bar_kg' is for a barbell, and this is machine"),
        ('equipment = "barbell"\nbar_kg = 0', "'bar_kg' must be from 1 to 100, not 0"),
        ('equipment = "dumbbells"\nstack_step_kg = 5', "'stack_step_kg' is for a machine"),
        ('equipment = "machine"\nsmall_plate_kg = "big"', "'small_plate_kg' must be a number"),
    ]:
        with pytest.raises(ProgramError, match=says.replace("(", r"\(")):
            parse(program_with(body))


def test_dumbbells_are_parsed_with_clear_errors_and_written_back() -> None:
    sizes = parse_dumbbells("2-30 step 2, 32.5 35 40", "kg")
    assert sizes[:3] == (2, 4, 6) and sizes[-4:] == (30, 32.5, 35, 40) and len(sizes) == 18
    assert dumbbells_text(sizes) == "2-30 step 2, 32.5, 35, 40"
    assert parse_dumbbells(dumbbells_text(sizes), "kg") == sizes
    assert parse_dumbbells("5 10,5 12", "kg") == (5, 10.5, 12)  # a decimal comma
    for bad, says in [
        ("", "List the dumbbells you have in kg"),
        ("2-30 step x", "got 'x'"),
        ("30-2 step 2", "30-2: a run of dumbbells goes from light to heavy"),
        ("step 2", "'step' goes after a run"),
        ("0 2 4", "more than 0 and at most 100 kg (got 0)"),
        ("1-100 step 0.01", "At most 200 dumbbell sizes"),
    ]:
        with pytest.raises(InvalidValue, match=says.replace("(", r"\(").replace(")", r"\)")):
            parse_dumbbells(bad, "kg")


def test_settings_keep_dumbbells_and_a_stack_step_per_unit() -> None:
    settings = Settings.from_stored(
        {"dumbbells_kg": "2.5-25 step 2.5", "stack_step_kg": "7", "dumbbells_lb": "junk"}
    )
    kit = settings.inventory("kg")
    assert kit.dumbbells == tuple(2.5 * n for n in range(1, 11)) and kit.stack_step == 7
    assert settings.inventory("lb").dumbbells == default_inventory("lb").dumbbells
    assert ("dumbbells_lb", "junk") in settings.unreadable
    assert Settings.from_stored(settings.to_stored()) == settings._replace(dumbbells_lb=None)


def test_a_trap_bar_loads_its_own_25_kg_bar() -> None:
    trap = CATALOGUE["trap_bar_deadlift"]
    kit = kit_for(trap, KG)
    assert kit.empty == 25 and kit_for(CATALOGUE["deadlift"], KG) is KG
    assert load(105, kit).text() == "105 kg: 25 + 15 a side on the 25 kg bar"
    assert load(25, kit).text() == "25 kg: empty bar"
    # the ramp starts with that bar: "bar x 10" is 25 kg
    steps = ramp(140, load_program().warmup.steps, trap, "kg", KG)
    assert steps[0][0] == 25 and all(kg > 25 for kg, _, _ in steps[1:])
    # in pounds the 25 kg bar is 55 lb
    assert kit_for(trap, default_inventory("lb")).bar == 55


def test_dumbbells_and_a_stack_say_how_they_are_loaded() -> None:
    bells = CATALOGUE["goblet_squat"]
    assert load_text(bells, 22, KG) == "Dumbbells 22 kg in each hand"
    stack = Exercise("m", "M", equipment="machine", stack_step_kg=5, small_plate_kg=2.5)
    assert load_text(stack, 45, KG) == "Stack 45 kg"
    assert load_text(stack, 47.5, KG) == "Stack 45 kg + the 2.5 kg plate"
    assert fit(46.5, stack, KG) == 47.5 and fit(43, stack, KG) == 42.5
    assert fit_down(47, stack, KG) == 45 and lightest_kg(stack, KG) == 5
    past = Exercise("db", "DB", equipment="dumbbells")
    bells = KG._replace(dumbbells=(10.0, 20.0))
    assert fit(51, past, bells) == 20 and fit_down(5, past, bells) == 10
    assert fit(0, stack, KG) == 0  # body weight: nothing to load


def session(sets: list[tuple[float, int]], ex: str, days_ago: float = 3) -> list[LoggedSet]:
    start = NOW - timedelta(days=days_ago)
    return [
        LoggedSet(n, 1, ex, n, "working", kg, reps, start + timedelta(minutes=n))
        for n, (kg, reps) in enumerate(sets, 1)
    ]


def test_a_dumbbell_exercise_suggests_a_dumbbell_you_own() -> None:
    bells = Exercise("db", "DB lunge", equipment="dumbbells", increment_kg=2.5)
    kit = KG._replace(dumbbells=parse_dumbbells("2-30 step 2, 32.5 35 40", "kg"))
    plan = PlannedExercise("db", 3, 8)
    made = suggest(bells, plan, [session([(24, 8)] * 3, "db")], "kg", kit, NOW)
    assert made.weight_kg == 26  # 26.5 is no dumbbell: the nearest heavier
    assert made.reason == "all 3×8 met last time: +2 kg (26.5 kg is no dumbbell you have)"
    made = suggest(bells, plan, [session([(30, 8)] * 3, "db")], "kg", kit, NOW)
    assert made.weight_kg == 32.5
    made = suggest(bells, plan, [session([(40, 8)] * 3, "db")], "kg", kit, NOW)
    assert made.weight_kg == 40
    assert made.reason == (
        "all 3×8 met last time: nothing heavier to load (42.5 kg is no dumbbell you have)"
    )


def test_a_machine_suggests_what_its_stack_makes() -> None:
    curl = CATALOGUE["hamstring_curl"]  # no stack step of its own: the setting's
    stack5 = KG._replace(stack_step=5.0)
    plan = PlannedExercise("hamstring_curl", 3, 12, progression=Progression("linear"))
    # a heavier session within six weeks lets the e1RM bound take the stack's 5 kg jump
    recent = [
        session([(40, 12)] * 3, "hamstring_curl"),
        session([(50, 12)], "hamstring_curl", days_ago=10),
    ]
    made = suggest(curl, plan, recent, "kg", stack5, NOW)
    assert made.weight_kg == 45
    assert made.reason == "all 3×12 met last time: +5 kg (42.5 kg is not on the stack)"
    # with its 2.5 kg add-on plate the stack makes 42.5
    small = curl._replace(small_plate_kg=2.5)
    made = suggest(small, plan, recent, "kg", stack5, NOW)
    assert made.weight_kg == 42.5 and made.reason == "all 3×12 met last time: +2.5 kg"
    # the e1RM bound wins over the stack: 40 x 12 alone caps 12 reps at 42.5, which the 5 kg
    # stack can't make, so the suggestion stays at 40
    alone = suggest(curl, plan, recent[:1], "kg", stack5, NOW)
    assert alone.weight_kg == 40 and "caps 12 reps at 40 kg" in alone.reason
    # the default stack step, 2.5 kg, makes the catalogue's 2.5 kg step
    assert suggest(curl, plan, recent[:1], "kg", KG, NOW).weight_kg == 42.5


def test_a_body_weight_exercise_suggests_reps_not_a_load() -> None:
    nordic = CATALOGUE["nordic_curl"]
    plan = PlannedExercise("nordic_curl", 3, 6)
    made = suggest(nordic, plan, [session([(0, 6), (0, 7), (0, 6)], "nordic_curl")], "kg", KG, NOW)
    assert (made.weight_kg, made.reps) == (0, 8)
    assert made.reason == "all 3×6 met last time: a rep more a set, 8"
    made = suggest(nordic, plan, [session([(0, 6), (0, 5)], "nordic_curl")], "kg", KG, NOW)
    assert (made.weight_kg, made.reason) == (0, "not every set hit 6 last time: repeat body weight")
    assert not handled(nordic, KG, "kg")
    # a load you add (a vest) is a weight like any other: the rule's step, rounded
    made = suggest(nordic, plan, [session([(10, 6)] * 3, "nordic_curl")], "kg", KG, NOW)
    assert made.weight_kg == 10  # the nordic's step is 0: add reps or load
    assert made.reason == "all 3×6 met last time: add reps or load"


KITS = {
    "barbell": Exercise("x", "X", equipment="barbell", increment_kg=2.5),
    "trap bar": Exercise("x", "X", equipment="barbell", increment_kg=5, bar_kg=25),
    "ez bar": Exercise("x", "X", equipment="barbell", increment_kg=2.5, bar_kg=10),
    "dumbbells": Exercise("x", "X", equipment="dumbbells", increment_kg=2),
    "stack": Exercise("x", "X", equipment="machine", increment_kg=2.5),
    "stack and plate": Exercise(
        "x", "X", equipment="machine", increment_kg=2.5, stack_step_kg=7, small_plate_kg=2.5
    ),
    "plate-loaded": Exercise("x", "X", equipment="machine", increment_kg=5, stack_step_kg=2.5),
    "bodyweight": Exercise("x", "X", equipment="bodyweight", increment_kg=0),
}
DUMBBELLS = {"kg": ["2-50 step 2", "2.5-25 step 2.5, 30 35 40", "5 10 15"], "lb": ["5-100 step 5"]}

sets_strategy = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=250).map(lambda x: round(x * 4) / 4),
        st.integers(min_value=1, max_value=30),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(
    history=st.lists(st.tuples(sets_strategy, st.integers(1, 40)), min_size=1, max_size=4),
    kind=st.sampled_from(sorted(KITS)),
    unit=st.sampled_from(["kg", "lb"]),
    bells=st.integers(0, 2),
    stack=st.sampled_from([2.5, 5.0, 10.0]),
    rule=st.sampled_from(["default", "linear", "double"]),
    days_since=st.integers(0, 60),
)
def test_every_suggestion_is_loadable_on_its_equipment_and_within_the_e1rm_bound(
    history: list[tuple[list[tuple[float, int]], int]],
    kind: str,
    unit: str,
    bells: int,
    stack: float,
    rule: str,
    days_since: int,
) -> None:
    exercise = KITS[kind]
    options = DUMBBELLS[unit]
    base = default_inventory(unit)  # type: ignore[arg-type]
    kit = base._replace(
        dumbbells=parse_dumbbells(options[bells % len(options)], unit),  # type: ignore[arg-type]
        stack_step=stack,
    )
    planned = PlannedExercise(
        "x",
        3,
        8,
        reps_top=12 if rule == "double" else None,
        progression=Progression(rule),  # type: ignore[arg-type]
    )
    recent, ago = [], float(days_since)
    for n, (sets, gap) in enumerate(history):
        recent.append(session(sets, "x", ago))
        recent[-1] = [s._replace(session_id=n + 1, id=100 * n + s.id) for s in recent[-1]]
        ago += gap
    made = suggest(exercise, planned, recent, unit, kit, NOW)  # type: ignore[arg-type]
    if not made.weight_kg:
        return
    # loadable: fitting it to the kit leaves it as it is
    if handled(exercise, kit, unit):  # type: ignore[arg-type]
        assert abs(fit(made.weight_kg, exercise, kit) - made.weight_kg) < 1e-6, made
    if exercise.uses_bar:
        on_bar = load(made.weight_kg, kit_for(exercise, kit))
        assert on_bar.exact, (made, on_bar.text())
    if exercise.equipment == "dumbbells":
        per_hand = made.weight_kg if unit == "kg" else made.weight_kg / KG_PER_LB
        assert any(abs(per_hand - d) < 1e-6 for d in kit.dumbbells), made
    # within the bound: what the recent e1RM allows for its reps plus a step, or the
    # lightest the kit makes
    best = recent_best_e1rm(recent)
    bound = ceiling_kg(best, made.reps or planned.reps, exercise.increment_kg)
    if handled(exercise, kit, unit):  # type: ignore[arg-type]
        bound = max(bound, lightest_kg(exercise, kit))
    assert made.weight_kg <= bound + 1e-6, (made, best, bound)


def test_an_imported_name_brings_the_equipment_it_names() -> None:
    from gymtui.core.exercises import guessed_exercise

    guesses = {
        name: (guessed_exercise(name).equipment, guessed_exercise(name).bar_kg)
        for name in (
            "Deadlift (Trap Bar)",
            "Hex bar deadlift",
            "Romanian Deadlift (Dumbbell)",
            "Leg Press (Machine)",
            "Squat (Smith Machine)",
            "Barbell Lunge",
            "Cable Kickback",
            "Sissy squat",
        )
    }
    assert guesses == {
        "Deadlift (Trap Bar)": ("barbell", 25.0),
        "Hex bar deadlift": ("barbell", 25.0),
        "Romanian Deadlift (Dumbbell)": ("dumbbells", None),
        "Leg Press (Machine)": ("machine", None),
        "Squat (Smith Machine)": ("smith machine", None),
        "Barbell Lunge": ("barbell", None),
        "Cable Kickback": ("cable", None),
        "Sissy squat": ("other", None),
    }


def test_an_import_keeps_a_trap_bar_s_own_bar(tmp_path: object) -> None:
    from pathlib import Path

    from gymtui.core.exercises import guessed_exercise
    from gymtui.store import Store

    assert isinstance(tmp_path, Path)
    store = Store.open(tmp_path / "g.db")
    made = store.exercises.insert_own(
        "Deadlift (Trap Bar)", lambda _: False, guessed_exercise("Deadlift (Trap Bar)")
    )
    assert store.exercises.all()[made.id].bar_kg == 25
    assert [
        tuple(r)
        for r in store.conn.execute(
            "SELECT equipment, bar_kg FROM exercises WHERE id = ?", [made.id]
        )
    ] == [("barbell", 25.0)]
    store.close()


def test_the_program_writer_keeps_an_exercise_s_own_kit() -> None:
    import tomllib

    from gymtui.core.program_edit import exercise_fields

    belt = Exercise(
        "mine",
        "My lift",
        ("quadriceps",),
        equipment="machine",
        stack_step_kg=5,
        small_plate_kg=1.25,
    )
    fields = exercise_fields(belt)
    assert (fields["equipment"], fields["stack_step_kg"], fields["small_plate_kg"]) == (
        "machine",
        5,
        1.25,
    )
    assert "bar_kg" not in fields
    body = "\n".join(f"{k} = {v!r}".replace("'", '"') for k, v in fields.items() if k != "name")
    back = parse(program_with(body))
    assert (back.stack_step_kg, back.small_plate_kg) == (5, 1.25)
    assert tomllib.loads(program_with(body))["exercises"]["mine"]["equipment"] == "machine"
