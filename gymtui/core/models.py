"""The records that flow between the store, the training model and the screens.

Immutable NamedTuples: they cost a sixth of a frozen dataclass to define at start (README).
Modules that define records do without `from __future__ import annotations`: NamedTuple turns
every string annotation into a compiled ForwardRef, which tripled their cost."""

from datetime import datetime
from typing import Literal, NamedTuple

SetKind = Literal["warmup", "working", "drop", "failure"]
SET_KINDS: tuple[SetKind, ...] = ("warmup", "working", "drop", "failure")
Side = Literal["L", "R"]
MUSCLES = ("quadriceps", "hamstrings", "glutes", "calves")
STABILISERS = ("core", "lower back")


class Exercise(NamedTuple):
    """An exercise in the catalogue (built-in, from the program file, or the user's own)."""

    id: str
    name: str
    muscles: tuple[str, ...] = ()
    stabilisers: tuple[str, ...] = ()
    equipment: str = "other"
    one_legged: bool = False
    increment_kg: float = 2.5
    rest_s: int = 90
    cues: tuple[str, ...] = ()
    custom: bool = False
    body_weight_load: bool = False  # the user's switch: Progress adds the day's body weight
    bar_kg: float | None = None  # a bar of its own (a trap bar's 25 kg); None: the user's bar
    stack_step_kg: float | None = None  # a machine's stack step; None: the user's setting
    small_plate_kg: float | None = None  # a machine's small add-on plate (1.25, 2.5), if any
    timed: bool = False  # a hold (wall sit, plank): its sets are seconds, not reps
    synergists: tuple[str, ...] = ()  # leg muscles it works second: half a set each

    @property
    def uses_bar(self) -> bool:
        """Loaded on a barbell: plates per side and a warm-up ramp apply."""
        return self.equipment == "barbell"


ProgressionKind = Literal["default", "linear", "double"]


class Progression(NamedTuple):
    """How an exercise's weight moves from session to session (the program file says).

    default: add the step when every planned set met its reps, else repeat.
    linear: the same, and after `deload_after` missed sessions in a row at one weight, take
        `deload_pct` percent off.
    double: reps climb through a range (`reps = "10-12"`); when every set reaches the top, add
        the step and go back to the bottom.
    """

    kind: ProgressionKind = "default"
    deload_after: int = 3
    deload_pct: float = 10.0


class PlannedExercise(NamedTuple):
    """One exercise of a program day: how many sets of how many reps (or a rep range)."""

    exercise_id: str
    sets: int
    reps: int  # the target, or the bottom of a range
    rest_s: int | None = None
    reps_top: int | None = None  # the top of a rep range (double progression)
    progression: Progression = Progression()
    warmup: bool | None = None  # a warm-up ramp before it: None lets the program decide
    superset: str | None = None  # its superset's label: adjacent entries sharing one alternate
    # A hold (`seconds = 45` or `"30-45"` in the program file): `reps` and `reps_top` are then
    # seconds, so the rules that move reps (a range climbs, a target met steps up) move them.
    timed: bool = False
    rpe: float | None = None  # an RPE target (6.5-10): its weight comes from the RPE chart
    # top set and back-offs: set 1 is the top set, the others this percent of it
    backoff_pct: float | None = None

    @property
    def reps_text(self) -> str:
        """`6`, or `10-12` for a range; `45 s`, `30-45 s` for a hold."""
        text = f"{self.reps}-{self.reps_top}" if self.reps_top else str(self.reps)
        return f"{text} s" if self.timed else text


class RampStep(NamedTuple):
    """A step of a warm-up ramp: the empty bar, or a percentage of the working weight."""

    percent: float | None  # None: the empty bar
    reps: int

    @property
    def text(self) -> str:
        """`bar x 10`, `40% x 5` (shown with a times sign)."""
        weight = "bar" if self.percent is None else f"{self.percent:g}%"
        return f"{weight} × {self.reps}"


DEFAULT_RAMP = (RampStep(None, 10), RampStep(40, 5), RampStep(60, 3), RampStep(80, 2))


class WarmupScheme(NamedTuple):
    """The warm-up ramp: its steps, and which exercises get one ("first": the day's first
    barbell exercise; "barbell": every barbell exercise; "off")."""

    steps: tuple[RampStep, ...] = DEFAULT_RAMP
    applies_to: Literal["first", "barbell", "off"] = "first"


class Block(NamedTuple):
    """A planned block (mesocycle): `weeks` of progression, then a deload week with this
    share fewer sets and this share off the load (`[block]` in the program file)."""

    weeks: int
    deload_sets_pct: int = 40
    deload_load_pct: int = 10


class ProgramDay(NamedTuple):
    """A training day of the program (Day A, Day B, ...)."""

    key: str
    name: str
    focus: str
    exercises: tuple[PlannedExercise, ...]


class Program(NamedTuple):
    """The rotation of days the user trains, with the weekly goal."""

    name: str
    days: tuple[ProgramDay, ...]
    exercises: dict[str, Exercise]
    goal_per_week: int = 2
    source: str = "built-in"
    warmup: WarmupScheme = WarmupScheme()
    superset_rest_s: int | None = None  # between a superset's members; None: the user's
    block: Block | None = None  # planned blocks with a deload week; None: none

    def day(self, key: str | None) -> ProgramDay | None:
        """The day with this key, if the program has it."""
        return next((d for d in self.days if d.key == key), None)

    def plan_for(self, exercise_id: str, day: ProgramDay | None = None) -> PlannedExercise | None:
        """How the program plans an exercise: on `day` when that day has it, else on the
        first day that does (an exercise done off its day keeps its own rule and target)."""
        days = ((day,) if day is not None else ()) + self.days
        return next(
            (p for d in days for p in d.exercises if p.exercise_id == exercise_id),
            None,
        )


class Session(NamedTuple):
    """A training session: begins with its first set, ends when finished or idle."""

    id: int
    day_key: str | None
    day_name: str
    started_at: datetime
    finished_at: datetime | None
    source: str = "gymtui"
    note: str | None = None
    sleep: int | None = None  # the readiness check's answers (1-5), when given
    soreness: int | None = None


class LoggedSet(NamedTuple):
    """A set as stored on disk."""

    id: int
    session_id: int
    exercise_id: str
    set_number: int
    kind: SetKind
    weight_kg: float
    reps: int
    logged_at: datetime
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
    rest_taken_s: int | None = None
    pr: bool = False
    superset: str | None = None  # the superset it was done in: sets of a session sharing one
    seconds: int | None = None  # a hold's length (its reps are 1): None for a set of reps
    pain: str | None = None  # a pain mark, "knee sharp" (core.pain reads it)

    @property
    def is_hold(self) -> bool:
        """A timed set: seconds held, not reps."""
        return self.seconds is not None

    @property
    def amount(self) -> int:
        """What the set did against its target: seconds for a hold, else reps."""
        return self.seconds if self.seconds is not None else self.reps

    @property
    def is_working(self) -> bool:
        """Warm-ups count in no PR and no volume; every other kind does."""
        return self.kind != "warmup"

    @property
    def share(self) -> float:
        """Its part of a planned set: a left and a right set together are one set, with the
        volume of a both-legs set of the same reps per leg (store/counts.py says it in SQL)."""
        return 1.0 if self.side is None else 0.5

    @property
    def volume_kg(self) -> float:
        """Weight x reps, for its share of a set; a hold moves no kg (store/counts.py too)."""
        if self.seconds is not None:
            return 0.0
        return self.weight_kg * self.reps * self.share


class Suggestion(NamedTuple):
    """The weight to try today, the reps to aim for, and why (the tip line says it)."""

    weight_kg: float | None
    reason: str
    reps: int | None = None  # what to aim for on a set with no history of its own


class SetInput(NamedTuple):
    """A set as the user entered it, before it is stored."""

    exercise_id: str
    weight_kg: float
    reps: int
    kind: SetKind = "working"
    rpe: float | None = None
    note: str | None = None
    side: Side | None = None
    seconds: int | None = None  # a hold's seconds (then reps is 1)


# A set's columns on file, in the sets table's order, which gymtui's export keeps. LoggedSet has
# each (and `id` and `pr`, which the store keeps); SetInput has those a person types. The store's
# SQL, a set read back, an import's rows and the export's header are all made from these names:
# a new column is a migration, this line, a field of LoggedSet (of SetInput or ImportedSet too
# when a person types it or a file carries it), and tests/test_store.py checks they agree.
SET_COLUMNS = (
    "session_id",
    "exercise_id",
    "set_number",
    "kind",
    "weight_kg",
    "reps",
    "rpe",
    "note",
    "side",
    "logged_at",
    "rest_taken_s",
    "superset",  # added after `pr` (m007): on file it follows pr, which the store keeps
    "seconds",  # added after `pr` too (m009): a hold's length
    "pain",  # m010: a pain mark, "knee sharp"
)
# What a person types for a set beyond the exercise (SetInput's fields), in the table's order.
ENTERED_COLUMNS = tuple(c for c in SET_COLUMNS if c in SetInput._fields and c != "exercise_id")
