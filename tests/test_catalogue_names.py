"""The catalogue knows the leg exercises people log, other apps' names map onto it, and an
unknown name gets the leg muscles its words make clear (none for an upper-body name), so that
imported leg days can be told from upper-body days."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.exercises import guessed_exercise, muscles_from_name, same_name
from gymtui.core.models import MUSCLES, STABILISERS
from gymtui.core.program import builtin_catalogue
from gymtui.importers import parse
from gymtui.importers.names import aliases
from gymtui.store import Store

from test_import import PROGRAM
from test_real_exports import CORPUS, FILES, REFUSED, in_pounds

CATALOGUE = builtin_catalogue()
ALIASES = aliases()

# Names the real exports hold that became bare exercises of the user's own before the
# catalogue grew, with the exercise they are
MUST_MAP = {
    "Leg Press Machine": "leg_press",
    "Leg Press (Machine)": "leg_press",
    "Lying Leg Curl Machine": "hamstring_curl",
    "Seated Leg Curl Machine": "hamstring_curl",
    "Leg Extension Machine": "leg_extension",
    "Standing Calf Raise Machine": "standing_calf_raise",
    "Walking Lunges (Each Side)": "walking_lunge",
    "Walking Lunges": "walking_lunge",
    "Squat (Smith Machine)": "smith_squat",
    "Smith Machine Squat": "smith_squat",
    "Hack Squat": "hack_squat",
    "Hack Squat (Machine)": "hack_squat",
    "Hip Thrust (Barbell)": "hip_thrust",
    "Barbell Hip Thrust": "hip_thrust",
    "Barbell Back Squat": "back_squat",
    "Conventional Deadlift": "deadlift",
    "Deadlift - Trap Bar": "trap_bar_deadlift",
    "Trap Bar Deadlift": "trap_bar_deadlift",
    "Romanian Deadlift (Dumbbell)": "dumbbell_romanian_deadlift",
    "Dumbbell Romanian Deadlift": "dumbbell_romanian_deadlift",
    "Sumo Deadlift (Barbell)": "sumo_deadlift",
    "Good Morning (Barbell)": "good_morning",
    "Hip Abductor (Machine)": "hip_abduction",
    "Hip Adduction (Machine)": "hip_adduction",
    "Calf Press on Leg Press": "calf_press",
    "Calf Press (Machine)": "calf_press",
    "Seated Calf Raise (Plate Loaded)": "seated_calf_raise",
    "Sitting Calf Raise": "seated_calf_raise",
    "Bulgarian Split Squat": "bulgarian_split_squat",
    "Bulgarian Split Squad Smith Machine": "smith_bulgarian_split_squat",
    "Smith Single-Leg Split Squat": "smith_split_squat",
    "Single Leg Press (Machine)": "single_leg_press",
    "Single Leg Extensions": "single_leg_extension",
    "Standing Leg Curls": "standing_leg_curl",
    "Back Extension (Weighted Hyperextension)": "back_extension",
    "Hyperextensions": "back_extension",
    "Kettlebell Swing": "kettlebell_swing",
    "Box Jump": "box_jump",
    "Dumbbell Step Up": "step_up",
    "Reverse Lunge": "reverse_lunge",
    "Lateral Lunges (weighted)": "lateral_lunge",
    "Curtsy Lunge": "curtsy_lunge",
    "Nordic Hamstrings Curls": "nordic_curl",
    "Glute Ham Raise": "glute_ham_raise",
    "Pendulum Squat (Machine)": "pendulum_squat",
    "Box Squat (Barbell)": "box_squat",
    "Zercher Squat": "zercher_squat",
    "Pause Squat (Barbell)": "pause_squat",
    "Single Leg Romanian Deadlift (Dumbbell)": "single_leg_romanian_deadlift",
    "Glute Bridge": "glute_bridge",
    "Hip Thrust (Machine)": "machine_hip_thrust",
    "Pull Through": "cable_pull_through",
    "Single Leg Calf Raises": "single_leg_calf_raise",
    "Jump Squat": "jump_squat",
}

# Loaded differently from the catalogue's lift of the same movement: never its alias
NEVER_ALIASED = [
    "Lunge (Bodyweight)",
    "Squat (Bodyweight)",
    "Deadlift (Smith Machine)",
    "Deadlift (Dumbbell)",
    "Back Extension (Machine)",
    "Seated Leg Press (Machine)",
    "Lunge",
    "Squat (Machine)",
]


def mapped(name: str) -> str | None:
    """The catalogue exercise an import files this name under, when it maps."""
    key = same_name(name)
    if key in ALIASES:
        return ALIASES[key]
    return next((ex.id for ex in CATALOGUE.values() if same_name(ex.name) == key), None)


# -- the catalogue ------------------------------------------------------------------


def test_the_catalogue_holds_at_least_fifty_leg_exercises_each_ready_to_train() -> None:
    legs = [ex for ex in CATALOGUE.values() if set(ex.muscles) & set(MUSCLES)]
    assert len(legs) >= 50
    for ex in legs:
        assert len(ex.cues) == 3 and all(c.strip() for c in ex.cues), ex.id
        assert ex.rest_s > 0, ex.id
        assert 0 <= ex.increment_kg <= 50, ex.id
        assert set(ex.muscles) <= set(MUSCLES) and set(ex.stabilisers) <= set(STABILISERS)


def test_the_first_fourteen_exercises_keep_their_ids() -> None:
    """Users' databases store these ids."""
    assert list(CATALOGUE)[:14] == [
        "back_squat",
        "deadlift",
        "bulgarian_split_squat",
        "hamstring_curl",
        "standing_calf_raise",
        "front_squat",
        "romanian_deadlift",
        "walking_lunge",
        "leg_press",
        "seated_calf_raise",
        "hip_thrust",
        "leg_extension",
        "goblet_squat",
        "nordic_curl",
    ]


def test_catalogue_names_are_distinct() -> None:
    names = [same_name(ex.name) for ex in CATALOGUE.values()]
    assert len(names) == len(set(names))


# -- the alias table ----------------------------------------------------------------


def test_every_alias_points_at_a_catalogue_exercise() -> None:
    assert len(ALIASES) >= 300
    assert {target for target in ALIASES.values()} <= set(CATALOGUE)


def test_no_alias_hides_a_catalogue_name() -> None:
    """An alias is looked up before the names: one that equals a catalogue exercise's name
    must point at that exercise."""
    for ex in CATALOGUE.values():
        assert ALIASES.get(same_name(ex.name), ex.id) == ex.id, ex.name


@pytest.mark.parametrize("name", sorted(MUST_MAP))
def test_other_apps_names_map_onto_the_catalogue(name: str) -> None:
    assert mapped(name) == MUST_MAP[name]


@pytest.mark.parametrize("name", NEVER_ALIASED)
def test_a_variant_that_loads_differently_is_no_alias(name: str) -> None:
    assert mapped(name) is None


def test_smith_and_trap_bar_variants_never_join_the_barbell_lifts() -> None:
    barbell = {"back_squat", "deadlift", "romanian_deadlift", "front_squat", "hip_thrust"}
    for key, target in ALIASES.items():
        if re.search(r"smith|trap bar|hex|dumbbell|machine|bodyweight", key):
            assert target not in barbell, key


# -- muscles from an unknown name ---------------------------------------------------

Q, H, G, C = "quadriceps", "hamstrings", "glutes", "calves"


@pytest.mark.parametrize(
    ("name", "muscles"),
    [
        ("Leg Curl (Cable)", (H,)),
        ("Swiss Ball Leg Curls", (H,)),
        ("TRX Hamstring Pull-In", (H,)),
        ("Loop Band Leg Extension", (Q,)),
        ("Squat (Bodyweight)", (Q, G)),
        ("Kneeling Squat", (Q, G)),
        ("Overhead Dumbbell Lunge", (Q, G)),
        ("Leg press (hinge)", (Q, G)),
        ("close seated legpress 6", (Q, G)),
        ("Barbell Step-Up", (Q, G)),
        ("Wall Sits :45", (Q,)),
        ("Standing Calf Raise (Dumbbell)", (C,)),
        ("Machine Inner Calves", (C,)),
        ("Calf Raise on Leg Press", (C,)),
        ("Smith Machine Calf Raise", (C,)),
        ("Glute extension.", (G,)),
        ("Loop Band Glute Kickback", (G,)),
        ("Mini Loop Band Side-Lying Hip Abduction", (G,)),
        ("Straight Leg Kickback", (G,)),
        ("Hip Thrust (Bodyweight)", (H, G)),
        ("Elevated Hip Bridge", (H, G)),
        ("Deadlift (Smith Machine)", (H, G)),
        ("KB deadlift", (H, G)),
        ("Smith Machine Stiff-Legged Deadlift", (H, G)),
        ("Loop Band Good Morning", (H, G)),
        ("Kettlebell One Arm Swing 50''", (H, G)),
        ("Stability Ball Hyperextension", ()),  # a lower-back exercise: no leg day of its own
        ("single leg box jump", (Q, G, C)),
        # upper body, abs, and names that say nothing clear: no leg muscle
        ("Bench Press", ()),
        ("Bench Press (Barbell)", ()),
        ("Leg Raise", ()),
        ("Hanging Leg Raise", ()),
        ("Lying Leg Raises", ()),
        ("Decline Leg Raise", ()),
        ("Side Leg Raises", ()),
        ("Shoulder Press (Machine)", ()),
        ("Chest Press (Machine)", ()),
        ("Push Up", ()),
        ("Pull Up", ()),
        ("Chin Up", ()),
        ("Lat Pulldown (Cable)", ()),
        ("Chest Fly", ()),
        ("Bicep Curl (Barbell)", ()),
        ("Barbell Curl", ()),
        ("Hammer Curl (Dumbbell)", ()),
        ("Preacher Curl", ()),
        ("Wrist curl", ()),
        ("Tricep Extension", ()),
        ("Triceps Kickback (Dumbbell)", ()),
        ("Dumbbell Kickbacks", ()),
        ("Bent Over Row (Barbell)", ()),
        ("Lateral Raise (Dumbbell)", ()),
        ("Overhead Press", ()),
        ("Dumbbell Squat To Shoulder Press", ()),
        ("Romanian Deadlift to Shrug", ()),
        ("Side Plank Hip Abductions", ()),
        ("Leg outward fly", ()),
        ("Bicycle Crunch Raised Legs", ()),
        ("Ab Wheel", ()),
        ("Side Bridge", ()),
        ("Bridge", ()),
        ("Hip flexor Lift", ()),
        ("Thruster", ()),
        ("Clean", ()),
        ("Running", ()),
        ("", ()),
    ],
)
def test_muscles_from_name(name: str, muscles: tuple[str, ...]) -> None:
    assert muscles_from_name(name)[0] == muscles


def test_a_hinge_name_brings_the_lower_back_as_stabiliser() -> None:
    assert muscles_from_name("Dumbbell Deadlift") == ((H, G), ("lower back",))
    assert muscles_from_name("Leg Extension")[1] == ()


def test_a_guessed_exercise_is_barbell_and_per_leg_only_when_its_name_says_so() -> None:
    lunge = guessed_exercise("Barbell Lunge")
    assert lunge.muscles == (Q, G) and lunge.barbell and not lunge.one_legged
    squat = guessed_exercise("Single Leg Squat (Smith Machine)")
    assert squat.one_legged and not squat.barbell
    curl = guessed_exercise("Barbell Curl")
    assert curl.barbell and curl.muscles == () and not curl.one_legged
    assert not guessed_exercise("Walking Lunges (Each Side)").one_legged  # each side: unclear


LEG_WORDS = [
    "squat",
    "lunge",
    "leg",
    "press",
    "calf",
    "glute",
    "hip",
    "thrust",
    "deadlift",
    "curl",
    "extension",
    "step",
    "up",
    "hamstring",
    "bridge",
    "kickback",
    "single",
    "machine",
    "barbell",
    "dumbbell",
    "(cable)",
    "seated",
    "standing",
]
UPPER_BODY = [
    "bench",
    "Bench Press",
    "Shoulder Press",
    "shoulder press",
    "Chest Press",
    "chest-press",
    "Bicep Curl",
    "Biceps curl",
    "Preacher Curl",
    "Hammer Curl",
    "Row",
    "rows",
    "Lat Pulldown",
    "Pull-Down",
    "Lateral Raise",
    "Leg Raise",
    "leg-raise",
    "Leg Raises",
    "Front Raise",
    "Chest Fly",
    "Tricep Extension",
    "Push Up",
    "Pull-Up",
]


@given(
    before=st.lists(st.sampled_from(LEG_WORDS), max_size=4),
    upper=st.sampled_from(UPPER_BODY),
    after=st.lists(st.sampled_from(LEG_WORDS), max_size=4),
    sep=st.sampled_from([" ", "  ", " - ", " (", ") "]),
)
def test_a_name_with_an_upper_body_word_never_gets_a_leg_muscle(
    before: list[str], upper: str, after: list[str], sep: str
) -> None:
    name = sep.join([*before, upper, *after])
    assert muscles_from_name(name) == ((), ())


@given(st.text(max_size=40))
def test_muscles_from_any_text_are_the_catalogue_s(text: str) -> None:
    muscles, stabilisers = muscles_from_name(text)
    assert set(muscles) <= set(MUSCLES) and set(stabilisers) <= set(STABILISERS)
    assert stabilisers == () or muscles  # a stabiliser only with a muscle it steadies


# -- imports --------------------------------------------------------------------------

STRONG = (
    (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
    )
    + """2024-03-01 18:00:00,"Legs","Leg Press Machine",1,100,kg,10,,0,,,
2024-03-01 18:00:00,"Legs","Squat (Smith Machine)",1,60,kg,8,,0,,,
2024-03-01 18:00:00,"Legs","Barbell Lunge",1,40,kg,8,,0,,,
2024-03-01 18:00:00,"Legs","Single Leg Squat (Smith Machine)",1,20,kg,8,,0,,,
2024-03-02 18:00:00,"Push","Bench Press (Barbell)",1,80,kg,5,,0,,,
2024-03-02 18:00:00,"Push","Hanging Leg Raise",1,0,kg,12,,0,,,
2024-03-02 18:00:00,"Push","Barbell Curl",1,30,kg,10,,0,,,
"""
)


def test_an_import_gives_new_exercises_the_muscles_their_names_make_clear(
    tmp_path: Path,
) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(STRONG, encoding="utf-8")
    store = Store.open(tmp_path / "gymtui.db")
    store.exercises.sync(PROGRAM.exercises.values())
    summary = store.imports.write(parse(path))
    made = {ex.name: ex for ex in store.exercises.all().values() if ex.custom}
    store.close()
    assert sorted(summary.created) == sorted(made)
    assert set(made) == {
        "Barbell Lunge",
        "Single Leg Squat (Smith Machine)",
        "Bench Press (Barbell)",
        "Hanging Leg Raise",
        "Barbell Curl",
    }
    assert made["Barbell Lunge"].muscles == (Q, G) and made["Barbell Lunge"].uses_bar
    assert made["Single Leg Squat (Smith Machine)"].one_legged
    assert made["Hanging Leg Raise"].muscles == () == made["Bench Press (Barbell)"].muscles
    assert made["Barbell Curl"].muscles == () and made["Barbell Curl"].uses_bar
    assert summary.matched["Squat (Smith Machine)"] == "Smith machine squat"
    assert summary.matched["Leg Press Machine"] == "Leg press"


# An upper-body or trunk word, spotted independently of muscles_from_name
UPPER = re.compile(
    r"\b(bench|chest|shoulders?|biceps?|triceps?|preacher|hammer curls?|rows?|pulldowns?"
    r"|pull ?ups?|chin ?ups?|fly|lateral raises?|front raises?|leg raises?|crunch(es)?"
    r"|sit ?ups?|shrugs?|dips?|skull ?crushers?|overhead press|military|wrist|plank)\b"
)


@pytest.mark.skipif(not FILES, reason=f"the real-export corpus is not at {CORPUS}")
@pytest.mark.parametrize("name", sorted(set(FILES) - set(REFUSED)) or ["none"])
def test_a_real_export_maps_its_leg_names_and_no_upper_body_name_gets_a_leg_muscle(
    name: str, tmp_path: Path
) -> None:
    unit = "lb" if in_pounds(FILES[name][1]) else "kg"
    parsed = parse(CORPUS / name, unit=unit, skip_bad_rows=True)
    store = Store.open(tmp_path / "gymtui.db")
    store.exercises.sync(PROGRAM.exercises.values())
    summary = store.imports.write(parsed)
    exercises = store.exercises.all()
    store.close()
    in_file = {s.exercise_name for session in parsed.sessions for s in session.sets}
    made = {ex.name: ex for ex in exercises.values() if ex.custom}
    assert sorted(made) == sorted(summary.created)
    for known, ex_id in MUST_MAP.items():
        if known in in_file:
            assert known not in made, known
            filed = summary.matched.get(known, known)
            assert same_name(filed) == same_name(exercises[ex_id].name), known
    for ex in made.values():
        words = re.sub(r"[^a-z0-9]+", " ", ex.name.lower())
        if UPPER.search(words):
            assert ex.muscles == () and ex.stabilisers == (), ex.name
