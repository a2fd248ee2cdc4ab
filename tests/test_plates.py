"""Plates per side, the warm-up ramp and the progression rules: the pure rules, with properties."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.models import LoggedSet, Progression
from gymtui.core.plates import (
    Inventory,
    default_inventory,
    load,
    parse_plates,
    plate_plan,
    simple_kg,
)
from gymtui.core.program import load_program, parse_program
from gymtui.core.progression import matches_scheme, misses_in_a_row, suggest
from gymtui.core.settings import Settings
from gymtui.core.training import ramp
from gymtui.core.values import KG_PER_LB
from gymtui.errors import InvalidValue, ProgramError

KG = default_inventory("kg")
LB = default_inventory("lb")
PROGRAM = load_program()
SQUAT = PROGRAM.exercises["back_squat"]
FRONT = PROGRAM.exercises["front_squat"]
LINEAR = PROGRAM.days[0].exercises[0]  # back squat 4x6, linear
DOUBLE = PROGRAM.days[1].exercises[0]  # front squat 3x8-10, double
NOW = datetime(2026, 11, 22, 18, tzinfo=UTC)

sizes = st.lists(
    st.sampled_from([25, 20, 15, 10, 5, 2.5, 1.25, 0.5, 45, 35]), min_size=1, unique=True
)
inventories = st.builds(
    lambda unit, bar, plates, pairs, collar: Inventory(
        unit,
        bar,
        tuple((size, pairs) for size in sorted(plates, reverse=True)),
        collar,
    ),
    st.sampled_from(["kg", "lb"]),
    st.sampled_from([20.0, 15.0, 10.0, 45.0]),
    sizes,
    st.sampled_from([None, 1, 2, 4]),
    st.sampled_from([0.0, 2.5]),
)


def in_unit(kg: float, inventory: Inventory) -> float:
    return kg if inventory.unit == "kg" else kg / KG_PER_LB


def test_the_issues_example_and_its_wording() -> None:
    assert load(100, KG).text() == "100 kg: 25 + 15 a side"
    assert load(20, KG).text() == "20 kg: empty bar"
    assert load(15, KG).text() == "15 kg is lighter than the 20 kg bar"
    assert load(101, KG).text() == "101 kg can't be loaded: 100 kg is 25 + 15 a side"
    assert load(500, KG).plates_text() == "9×25 + 15 a side"
    assert load(225 * KG_PER_LB, LB).text() == "225 lb: 45 + 45 a side"
    collars = KG._replace(collar=2.5)
    assert load(100, collars).text() == "100 kg: 25 + 10 + 2.5 a side"


@given(inventories, st.floats(min_value=0, max_value=400))
def test_a_load_is_the_nearest_the_plates_make(inventory: Inventory, kg: float) -> None:
    loading = load(kg, inventory)
    side = loading.per_side
    assert list(side) == sorted(side, reverse=True)  # heaviest inside
    for size, pairs in inventory.plates:  # never more plates than there are
        assert pairs is None or side.count(size) <= pairs
    assert set(side) <= {size for size, _ in inventory.plates}
    assert loading.total == pytest.approx(inventory.empty + 2 * sum(side))
    wanted = in_unit(kg, inventory)
    if loading.exact:
        assert loading.total == pytest.approx(wanted, abs=0.01)
    if wanted <= inventory.empty:
        assert side == ()


@given(st.floats(min_value=20, max_value=300))
def test_with_every_plate_at_hand_nothing_nearer_is_missed(kg: float) -> None:
    # Standard kg plates make every multiple of 2.5 kg: the nearest is within 1.25 kg.
    assert abs(load(kg, KG).total - kg) <= 1.25 + 1e-9


@given(st.floats(min_value=25, max_value=300), st.floats(min_value=0.02, max_value=0.1))
def test_a_simple_warmup_weight_stays_within_its_tolerance(kg: float, tolerance: float) -> None:
    simple = simple_kg(kg, KG, tolerance)
    exact = load(simple, KG)
    assert exact.exact
    if abs(load(kg, KG).total - kg) <= kg * tolerance:
        assert abs(simple - kg) <= kg * tolerance + 1e-9
        assert len(exact.per_side) <= len(load(kg, KG).per_side)


@given(inventories, st.lists(st.floats(min_value=0, max_value=250), min_size=1, max_size=8))
def test_a_plate_plan_moves_exactly_the_plates_it_says(
    inventory: Inventory, weights: list[float]
) -> None:
    on_bar: list[float] = []
    for kg, step in zip(weights, plate_plan(weights, inventory), strict=True):
        assert step.loading.total == pytest.approx(load(kg, inventory).total)  # same weight
        for plate in step.removed:  # taken off from the outside in
            assert on_bar.pop() == plate
        on_bar += step.added
        assert tuple(on_bar) == step.loading.per_side
        assert on_bar == sorted(on_bar, reverse=True)


def test_a_plate_plan_builds_toward_the_working_weight() -> None:
    plan = plate_plan([20, 50, 70, 100, 120, 120], KG)
    assert [s.loading.plates_text() for s in plan] == [
        "empty bar",
        "15 a side",
        "25 a side",
        "25 + 15 a side",
        "25 + 25 a side",
        "25 + 25 a side",
    ]
    assert [s.change_text() for s in plan][1:] == [
        "+15 each side",
        "-15 +25 each side",
        "+15 each side",
        "-15 +25 each side",
        "no change",
    ]


def test_plates_are_parsed_with_clear_errors() -> None:
    assert parse_plates("20x2, 10 5 2,5 1.25", "kg") == (
        (20.0, 2),
        (10.0, None),
        (5.0, None),
        (2.5, None),
        (1.25, None),
    )
    for bad, says in [
        ("", "List at least one plate size"),
        ("20 ten", "(got 'ten')"),
        ("20 20", "listed twice"),
        ("20x0", "leave out a plate"),
        ("0", "more than 0"),
    ]:
        with pytest.raises(InvalidValue, match=says.replace("(", r"\(").replace(")", r"\)")):
            parse_plates(bad, "kg")


def test_settings_keep_a_kit_per_unit_and_ignore_a_bad_stored_one() -> None:
    settings = Settings.from_stored(
        {"bar_lb": "35", "plates_lb": "45 25 10 5", "collar_kg": "2.5", "plates_kg": "junk"}
    )
    # the lb kit's bar and plates as stored; its dumbbells and stack step the defaults
    assert settings.inventory("lb") == default_inventory("lb")._replace(
        bar=35.0, plates=((45.0, None), (25.0, None), (10.0, None), (5.0, None))
    )
    assert settings.inventory("kg") == KG._replace(collar=2.5)  # junk plates: the defaults
    assert Settings.from_stored(settings.to_stored()) == settings._replace(plates_kg=None)


@given(st.floats(min_value=20, max_value=300))
def test_a_ramp_climbs_to_the_working_weight_on_loadable_steps(working: float) -> None:
    steps = ramp(working, PROGRAM.warmup.steps, SQUAT, "kg", KG)
    weights = [kg for kg, _, _ in steps]
    assert weights == sorted(set(weights))  # strictly heavier each step
    assert all(20 <= kg < working for kg in weights)
    assert all(load(kg, KG).exact for kg in weights)
    if working > 20.01:
        assert steps[0][:2] == (20.0, 10)  # the empty bar first


def test_the_default_ramp_for_100_kg() -> None:
    steps = ramp(100, PROGRAM.warmup.steps, SQUAT, "kg", KG)
    assert [(kg, reps) for kg, reps, _ in steps] == [(20, 10), (40, 5), (60, 3), (80, 2)]
    assert ramp(None, PROGRAM.warmup.steps, SQUAT, "kg", KG) == []


def sets(weight: float, *reps: int, days_ago: int = 0) -> list[LoggedSet]:
    when = NOW - timedelta(days=days_ago)
    return [
        LoggedSet(i, days_ago, "x", i, "working", weight, r, when + timedelta(minutes=i))
        for i, r in enumerate(reps)
    ]


def test_linear_progression_repeats_then_deloads_after_three_misses() -> None:
    met = sets(100, 6, 6, 6, 6, days_ago=9)
    miss = [sets(100, 6, 6, 5, 5, days_ago=d) for d in (7, 5, 3)]
    assert suggest(SQUAT, LINEAR, [met]).reason == "all 4×6 met last time: +2.5 kg"
    assert suggest(SQUAT, LINEAR, [miss[2], met]).reason == "1st miss: repeat 100 kg"
    assert suggest(SQUAT, LINEAR, [miss[2], miss[1], met]).reason == "2nd miss: repeat 100 kg"
    deload = suggest(SQUAT, LINEAR, [miss[2], miss[1], miss[0]], "kg", KG)
    assert (deload.weight_kg, deload.reason) == (90, "3rd miss: deload 10% to 90 kg")
    # a miss at another weight starts the count again
    assert misses_in_a_row([miss[2], sets(97.5, 6, 6, 5, 5), miss[0]], LINEAR) == 1


def test_double_progression_climbs_reps_then_adds_weight() -> None:
    climbing = suggest(FRONT, DOUBLE, [sets(60, 10, 9, 8)])
    assert (climbing.weight_kg, climbing.reason) == (
        60,
        "10, 9, 8 last time (8-10): same weight, a rep more a set",
    )
    topped = suggest(FRONT, DOUBLE, [sets(60, 10, 10, 10)])
    assert (topped.weight_kg, topped.reps) == (62.5, 8)
    assert topped.reason == "all 3×10 reached last time: +2.5 kg, back to 8 reps"


def test_a_suggestion_the_plates_cannot_make_says_so() -> None:
    coarse = Inventory("kg", 20, parse_plates("25 20 10 5", "kg"))
    made = suggest(SQUAT, LINEAR, [sets(100, 6, 6, 6, 6)], "kg", coarse)
    # 110, the next the plates make, is over what 4x6 at 100 says you can do for 6: 100
    assert made.weight_kg == 100
    assert made.reason == (
        "all 4×6 met last time: e1RM 120 kg caps 6 reps at 100 kg"
        " (102.5 kg can't be loaded on your plates)"
    )
    lighter = suggest(SQUAT, LINEAR, [sets(60, 6, 6, 6, 6)], "kg", coarse)
    assert lighter.weight_kg == 60  # 62.5 can't be made, 70 is too far over e1RM 72


@given(
    st.lists(st.integers(min_value=1, max_value=14), min_size=3, max_size=3),
    st.sampled_from([40.0, 60.0, 82.5]),
)
def test_double_progression_never_drops_weight(reps: list[int], weight: float) -> None:
    made = suggest(FRONT, DOUBLE, [sets(weight, *reps)], "kg", KG)
    assert made.weight_kg is not None
    if not matches_scheme(sets(weight, *reps), DOUBLE):  # singles for eights: from e1RM
        assert made.weight_kg < weight and "from e1RM" in made.reason
        return
    if all(r >= 10 for r in reps):
        assert made.weight_kg > weight and made.reps == 8
    else:
        assert made.weight_kg == weight


@given(st.lists(st.booleans(), min_size=1, max_size=6), st.sampled_from([60.0, 100.0, 142.5]))
def test_linear_progression_moves_as_the_rule_says(hits: list[bool], weight: float) -> None:
    recent = [
        sets(weight, *([6] * 4 if hit else [6, 6, 6, 4]), days_ago=i) for i, hit in enumerate(hits)
    ]
    made = suggest(SQUAT, LINEAR, recent, "kg", KG)
    assert made.weight_kg is not None
    misses = next((i for i, hit in enumerate(hits) if hit), len(hits))
    if hits[0]:
        assert made.weight_kg > weight
    elif misses >= 3:
        assert made.weight_kg < weight
    else:
        assert made.weight_kg == weight


def program(**entry: object) -> dict[str, object]:
    return {"days": [{"key": "A", "exercises": [{"exercise": "back_squat", "sets": 3, **entry}]}]}


def test_the_program_file_says_the_rules_and_refuses_bad_ones() -> None:
    made = parse_program(program(reps="10-12"), "p.toml")
    planned = made.days[0].exercises[0]
    assert (planned.reps, planned.reps_top, planned.progression.kind) == (10, 12, "double")
    linear = (
        parse_program(program(reps=5, progression="linear", deload_after=2, deload_pct=5), "p.toml")
        .days[0]
        .exercises[0]
    )
    assert linear.progression == Progression("linear", 2, 5.0)
    for entry, says in [
        ({"reps": "12-10"}, "must go up"),
        ({"reps": "ten"}, "a range like"),
        ({"reps": 5, "progression": "double"}, "needs a rep range"),
        ({"reps": "8-10", "progression": "linear"}, 'goes with progression = "double"'),
        ({"reps": 5, "progression": "wave"}, "must be one of default, linear, double"),
        ({"reps": 5, "deload_pct": 80}, "'deload_pct' must be"),
    ]:
        with pytest.raises(ProgramError, match=says):
            parse_program(program(**entry), "p.toml")
    ramp_file = {
        **program(reps=5),
        "warmup": {"steps": ["bar x 8", "50% x 5"], "exercises": "barbell"},
    }
    scheme = parse_program(ramp_file, "p.toml").warmup
    assert [s.text for s in scheme.steps] == [
        "bar × 8",
        "50% × 5",
    ] and scheme.applies_to == "barbell"
    with pytest.raises(ProgramError, match=r'\[warmup\]: each step must look like "bar x 10"'):
        parse_program({**program(reps=5), "warmup": {"steps": ["half x 5"]}}, "p.toml")


def test_the_readmes_program_example_is_a_valid_program() -> None:
    import tomllib
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index('```toml\nname = "My legs"') + len("```toml\n")
    made = parse_program(tomllib.loads(readme[start : readme.index("```", start)]), "README")
    squat, deadlift, sissy, front, box = made.days[0].exercises
    assert (front.rpe, front.backoff_pct) == (8, None)
    assert (box.rpe, box.backoff_pct, box.sets) == (9, 90, 4)
    assert squat.progression == Progression("linear", 3, 7.5)
    assert deadlift.warmup is True
    assert (sissy.reps_text, sissy.progression.kind) == ("12-15", "double")
    assert [s.text for s in made.warmup.steps] == ["bar × 10", "50% × 5", "75% × 3"]
    *_, wall_sit, copenhagen = made.days[1].exercises
    assert (wall_sit.timed, wall_sit.reps_text) == (True, "45 s")
    assert (copenhagen.reps_text, copenhagen.progression.kind) == ("20-30 s", "double")
