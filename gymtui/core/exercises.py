"""The user's own exercises: how names are tidied and compared, and what an edit may hold.

Pure rules, no storage: the store applies an `ExerciseEdit`, the editor builds one from what
was typed, and both refuse the same things with the same words.
"""

import functools
import re
import unicodedata
from collections.abc import Collection, Mapping
from datetime import datetime
from typing import NamedTuple

from gymtui.core.models import MUSCLES, STABILISERS, Exercise
from gymtui.core.values import Unit, from_kg, parse_number, to_kg
from gymtui.errors import InvalidValue

MAX_NAME = 60
MAX_STEP_KG = 50.0
_INNER_SPACE = re.compile(r"\(\s+|\s+\)")


@functools.lru_cache(maxsize=4096)  # an export repeats a few hundred names on every row
def tidy_name(name: str) -> str:
    """A name as it is kept: no control characters (an escape sequence in an export must not
    reach the terminal), spaces squeezed, none just inside brackets ("Curl (barbell )")."""
    printable = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in name
    )
    squeezed = " ".join(printable.split())
    return _INNER_SPACE.sub(lambda m: m.group().strip(), squeezed)


def normalise_name(name: str) -> str:
    """Lower case with spaces squeezed: how exercise names are compared."""
    return " ".join(name.lower().split())


def same_name(name: str) -> str:
    """The key two exercise names share when they are the same exercise."""
    return normalise_name(tidy_name(name))


def search_rank(name: str, needle: str) -> int | None:
    """How well a name matches what was typed (`normalise_name`d), best first: 0 the name
    itself, 1 it starts with it, 2 a word does, 3 it is inside; None when it is not there.
    Typing "leg press" picks Leg press, not Calf press on leg press."""
    key = normalise_name(name)
    if needle not in key:
        return None
    if key == needle:
        return 0
    if key.startswith(needle):
        return 1
    return 2 if f" {needle}" in f" {key}" or f"({needle}" in key else 3


def parse_exercise_name(text: str, taken: Mapping[str, str] | None = None) -> str:
    """A name for the user's own exercise: tidied, 1 to 60 characters, and not the name of
    another exercise (`taken` maps their `same_name` keys to their names, which the
    refusal quotes: the exercise that has the name, not what was typed)."""
    name = tidy_name(text)
    if not name:
        raise InvalidValue("Name the exercise (it cannot be empty).")
    if len(name) > MAX_NAME:
        raise InvalidValue(f"The name must be at most {MAX_NAME} characters (it has {len(name)}).")
    other = (taken or {}).get(same_name(name))
    if other is not None:
        raise InvalidValue(f"There is already an exercise called {other}: choose another name.")
    return name


def parse_step(text: str, unit: Unit) -> float:
    """The weight step for progression, typed in `unit`, in kg: from 0 (reps only) to 50 kg."""
    value = parse_number(text)
    top = from_kg(MAX_STEP_KG, unit)
    if value is None or to_kg(value, unit) > MAX_STEP_KG + 1e-9:
        raise InvalidValue(
            f"Step must be a number of {unit} from 0 to {top:g}, like 2.5 (got {text.strip()!r})."
        )
    return to_kg(value, unit)


def muscle_groups(chosen: Collection[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split chosen muscles into the worked ones and the stabilisers, in the catalogue's order."""
    return tuple(m for m in MUSCLES if m in chosen), tuple(m for m in STABILISERS if m in chosen)


def synergist_problem(muscle: str, muscles: Collection[str]) -> str:
    """Why a muscle cannot be a synergist (a leg muscle the exercise works second)."""
    if muscle not in MUSCLES:
        return f"unknown synergist {muscle!r} (use {', '.join(MUSCLES)}: leg muscles only)"
    return f"{muscle} is one of its muscles: a synergist is one it works second (half a set)"


class ExerciseEdit(NamedTuple):
    """Everything the user sets on their own exercise (rest: their own length, None: default)."""

    name: str
    muscles: tuple[str, ...] = ()
    stabilisers: tuple[str, ...] = ()
    equipment: str = "other"  # one of core.equipment.EQUIPMENT
    one_legged: bool = False
    increment_kg: float = 2.5
    rest_s: int | None = None
    body_weight_load: bool = False
    # the exercise's own kit (a trap bar's 25 kg, a machine's stack); None: the user's
    bar_kg: float | None = None
    stack_step_kg: float | None = None
    small_plate_kg: float | None = None
    timed: bool = False  # a hold: its sets are seconds, not reps
    synergists: tuple[str, ...] = ()  # leg muscles it works second: half a set each

    @property
    def barbell(self) -> bool:
        """Loaded on a bar: plates per side and a warm-up ramp apply."""
        return self.equipment == "barbell"


class ExerciseInfo(NamedTuple):
    """An exercise as the exercise list shows it: how much it was used, and its own rest."""

    exercise: Exercise
    sets: int = 0
    last_done: datetime | None = None
    own_rest_s: int | None = None
    in_program: bool = False

    @property
    def editable(self) -> bool:
        """The user's own exercises change here; the catalogue's come from gymtui or the
        program file (their rest alone is the user's)."""
        return self.exercise.custom


def merge_problem(source: ExerciseInfo, target: ExerciseInfo | None = None) -> str | None:
    """Why `source` cannot be merged (into `target`, when given), or None when it can."""
    name = source.exercise.name
    if target is not None and source.exercise.id == target.exercise.id:
        return f"Choose another exercise to merge {name} into."
    if not source.exercise.custom:
        return (
            f"{name} comes with gymtui or your program file, so it stays. To merge, highlight "
            f"the other exercise and merge it into {name}."
        )
    return None


def delete_problem(info: ExerciseInfo) -> str | None:
    """Why an exercise cannot be deleted, or None when it can."""
    name = info.exercise.name
    if not info.exercise.custom:
        return f"{name} comes with gymtui or your program file: it cannot be deleted."
    if info.sets:
        sets = f"{info.sets} set" if info.sets == 1 else f"{info.sets:,} sets"
        return f"{name} has {sets}: merge it into another exercise instead (m)."
    return None


# -- muscles an unknown name makes clear ------------------------------------------------

# Words of upper-body and trunk exercises: a name with any of them gets no leg muscle, even
# when it holds a leg-ish word too ("Hanging Leg Raise", "Squat To Shoulder Press").
_UPPER_BODY = re.compile(
    r"\b(bench|chest|pecs?|fly|flyes?|flies|shoulders?|military|arnold|push ?ups?|pushups?"
    r"|pull ?ups?|pullups?|chin ?ups?|chinups?|pull ?downs?|pulldowns?|lats?|rows?|rowing"
    r"|shrugs?|biceps?|triceps?|preacher|hammer curls?|wrists?|forearms?|skull ?crushers?"
    r"|dips?|crunch(es)?|sit ?ups?|situps?|planks?|(leg|knee)s? raises?|toes to bar|abs?"
    r"|obliques?|(lateral|front|side|y) raises?|delts?|deltoids?|face pulls?|pullovers?"
    r"|push press)\b"
)
# Leg words, each with the muscles it names and the stabilisers that come with it; every
# muscle of every rule that matches counts ("Calf Press on Leg Press" is a calf exercise:
# calves win over the press, see muscles_from_name).
_LEG_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"\b({words})\b"), muscles, stabilisers)
    for words, muscles, stabilisers in (
        (r"(leg|hamstrings?) curls?|hamstrings?|nordic", ("hamstrings",), ()),
        (r"glute ham raises?|ghd", ("hamstrings", "glutes"), ()),
        (r"leg extensions?|wall sits?", ("quadriceps",), ()),
        (r"squats?|lunges?|leg ?press(es)?|step ?ups?", ("quadriceps", "glutes"), ()),
        (r"box jumps?|broad jumps?|sled|prowler", ("quadriceps", "glutes", "calves"), ()),
        (r"calf|calves", ("calves",), ()),
        (
            r"glutes?|hip thrusts?|(glute|hip|leg|floor) bridges?|abduct(ion|ions|or|ors)?"
            r"|hip extensions?|(leg|donkey) kickbacks?",
            ("glutes",),
            (),
        ),
        (r"hip thrusts?|(glute|hip|leg|floor) bridges?", ("hamstrings",), ()),
        (
            r"deadlifts?|dead lifts?|rdls?|good ?mornings?|stiff leg(ged)?|pull ?throughs?"
            r"|(kettlebell|kb) (one arm |one hand )?swings?",
            ("hamstrings", "glutes"),
            ("lower back",),
        ),
    )
)
_CALVES_ONLY = re.compile(r"\b(calf|calves)\b")
# The muscles a name's movement works second, as the catalogue names them (exercises.toml's
# header): a squat, press, lunge or jump the hamstrings, a deadlift off the floor the
# quadriceps, a leg curl the calves. First match wins; a straight-leg hinge names none.
_SECOND_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"\b({words})\b"), muscles)
    for words, muscles in (
        (r"romanian|rdls?|stiff leg(ged)?|straight leg(ged)?|good ?mornings?", ()),
        (r"(leg|hamstrings?|lying|seated) curls?|nordic|glute ham raises?|ghd", ("calves",)),
        (r"deadlifts?|dead lifts?", ("quadriceps",)),
        (r"wall sits?", ("glutes", "hamstrings")),
        (
            r"squats?|lunges?|leg ?press(es)?|step ?ups?|box jumps?|broad jumps?|sled|prowler",
            ("hamstrings",),
        ),
    )
)
_ONE_LEG = re.compile(r"\b(single|one) leg(ged)?\b")
# What an imported name says it is loaded with, first match wins: "Deadlift (Trap Bar)" is on
# a 25 kg bar, "Romanian Deadlift (Dumbbell)" is per hand, "Leg Press (Machine)" on a stack.
_KIT_WORDS: tuple[tuple[re.Pattern[str], str, float | None], ...] = tuple(
    (re.compile(rf"\b({words})\b"), equipment, bar)
    for words, equipment, bar in (
        (r"trap bar|hex bar", "barbell", 25.0),
        (r"safety (squat )?bar|ssb", "barbell", 30.0),
        (r"smith( machine)?", "smith machine", None),
        (r"barbell", "barbell", None),
        (r"dumbbells?|db", "dumbbells", None),
        (r"machine|selectori[sz]ed", "machine", None),
        (r"cable", "cable", None),
        (r"kettlebells?|kb", "kettlebell", None),
        (r"body ?weight|bw", "bodyweight", None),
    )
)


def _words(name: str) -> str:
    """A name as lower-case words: "Step-Up (Dumbbell)" is "step up dumbbell"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", tidy_name(name).lower()).split())


def muscles_from_name(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The leg muscles and stabilisers an exercise's name makes clear, in the catalogue's
    order: none for an upper-body name or a name that says nothing clear."""
    words = _words(name)
    if _UPPER_BODY.search(words):
        return (), ()
    if _CALVES_ONLY.search(words):  # a calf raise on a leg press or a Smith squat rack
        return ("calves",), ()
    chosen: set[str] = set()
    for pattern, muscles, stabilisers in _LEG_WORDS:
        if pattern.search(words):
            chosen.update(muscles, stabilisers)
    return muscle_groups(chosen)


def synergists_from_name(name: str, muscles: Collection[str]) -> tuple[str, ...]:
    """The leg muscles an exercise's name says it works second: never one of its `muscles`,
    none for a name with no leg muscle."""
    if not muscles:
        return ()
    words = _words(name)
    found = next((second for pattern, second in _SECOND_WORDS if pattern.search(words)), ())
    return tuple(m for m in found if m not in muscles)


def guessed_exercise(name: str) -> ExerciseEdit:
    """An imported name's exercise of the user's own: the muscles its words make clear, the
    equipment it names (a trap bar with its 25 kg bar), per leg when it says single or one
    leg."""
    muscles, stabilisers = muscles_from_name(name)
    words = _words(name)
    equipment, bar = next(((e, b) for p, e, b in _KIT_WORDS if p.search(words)), ("other", None))
    return ExerciseEdit(
        name=name,
        muscles=muscles,
        stabilisers=stabilisers,
        equipment=equipment,
        bar_kg=bar,
        one_legged=bool(muscles) and bool(_ONE_LEG.search(words)),
        synergists=synergists_from_name(name, muscles),
    )
