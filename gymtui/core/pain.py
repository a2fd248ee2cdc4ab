"""Pain after a set, and what it changes next time (pure rules).

A set may carry a pain mark: where (knee, hip, lower back, other) and how (mild, sharp). The
exercise's last session decides: mild pain backs the suggestion off 10 % (rounded down to a
weight that can be loaded, never up); sharp pain offers a swap to an exercise that spares the
joint. An exercise that hurt two sessions running is flagged on Today.
"""

from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

from gymtui.core.equipment import fit_down, handled
from gymtui.core.models import Exercise, LoggedSet, Suggestion
from gymtui.core.plates import Inventory
from gymtui.core.progression import step_down
from gymtui.core.values import Unit, format_weight, loadable_down

Joint = Literal["knee", "hip", "back", "other"]
Level = Literal["mild", "sharp"]
JOINTS: tuple[Joint, ...] = ("knee", "hip", "back", "other")
LEVELS: tuple[Level, ...] = ("mild", "sharp")
JOINT_NAMES: dict[Joint, str] = {"knee": "knee", "hip": "hip", "back": "lower back", "other": ""}
# The pain dialog's one-key answers
JOINT_KEYS: dict[str, Joint] = {"k": "knee", "h": "hip", "b": "back", "o": "other"}
LEVEL_KEYS: dict[str, Level] = {"m": "mild", "s": "sharp"}
BACK_OFF_PERCENT = 10  # mild pain last time: this much off the suggestion
PAIN_MARK = "⚡"  # a set with pain, on Today and in History
# Data: exercises that spare a joint, best first (catalogue ids; those the catalogue lacks are
# passed over). Sharp pain offers them as the swap (c), ahead of the usual stand-ins.
SPARING: dict[Joint, tuple[str, ...]] = {
    "knee": ("box_squat", "leg_press", "hip_thrust", "romanian_deadlift", "glute_bridge"),
    "back": ("hip_thrust", "leg_press", "belt_squat", "hack_squat", "leg_extension"),
    "hip": ("leg_extension", "hamstring_curl", "leg_press"),
    "other": (),
}


class Pain(NamedTuple):
    """A pain mark: where and how bad."""

    joint: Joint
    level: Level

    @property
    def stored(self) -> str:
        """As the sets table keeps it: `knee sharp`."""
        return f"{self.joint} {self.level}"

    @property
    def text(self) -> str:
        """`sharp knee pain`, `mild lower back pain`, `mild pain` (other)."""
        where = JOINT_NAMES[self.joint]
        return f"{self.level} {where} pain" if where else f"{self.level} pain"

    @property
    def short(self) -> str:
        """For a table cell: `⚡knee!` (sharp), `⚡hip`, `⚡back`, `⚡pain`."""
        where = self.joint if self.joint != "other" else "pain"
        return f"{PAIN_MARK}{where}{'!' if self.level == 'sharp' else ''}"


PAIN_VALUES = tuple(Pain(j, lv).stored for j in JOINTS for lv in LEVELS)


def read_pain(stored: str | None) -> Pain | None:
    """A stored mark read back (None: no mark, or one this version does not know)."""
    if not stored:
        return None
    joint, _, level = stored.partition(" ")
    if joint in JOINTS and level in LEVELS:
        return Pain(joint, level)
    return None


def worst(sets: Sequence[LoggedSet]) -> Pain | None:
    """The worst pain marked on any of the sets (sharp over mild; the first of equals)."""
    marks = [p for p in (read_pain(s.pain) for s in sets) if p is not None]
    sharp = [p for p in marks if p.level == "sharp"]
    chosen = sharp or marks
    return chosen[0] if chosen else None


class PainFacts(NamedTuple):
    """What the exercise's latest sessions say about pain."""

    last: Pain | None = None  # the worst mark of its last session
    twice: bool = False  # its last two sessions both had a mark
    stand_ins: tuple[str, ...] = ()  # names of exercises that spare the joint (sharp pain)


def pain_facts(
    sessions: Sequence[Sequence[LoggedSet]], catalogue: Mapping[str, Exercise] | None = None
) -> PainFacts:
    """The facts from an exercise's latest sessions, newest first; after sharp pain, the names
    of the exercises that spare the joint (those of `catalogue`, other than the exercise)."""
    if not sessions:
        return PainFacts()
    last = worst(sessions[0])
    twice = last is not None and len(sessions) > 1 and worst(sessions[1]) is not None
    spare: tuple[str, ...] = ()
    if last is not None and last.level == "sharp" and catalogue:
        own = sessions[0][0].exercise_id if sessions[0] else ""
        ids = sparing_ids(last.joint, catalogue.get(own), catalogue)
        spare = tuple(catalogue[i].name for i in ids if i in catalogue and i != own)
    return PainFacts(last, twice, spare)


def sparing_ids(
    joint: Joint, hurt: Exercise | None = None, catalogue: Mapping[str, Exercise] | None = None
) -> tuple[str, ...]:
    """The exercises that spare a joint, best first; given the exercise that hurt (and the
    catalogue), those that work more of its muscles first (a hamstring curl's knee: the
    Romanian deadlift before the box squat), else in the table's order."""
    ids = SPARING[joint]
    if hurt is None or not catalogue:
        return ids
    own = set(hurt.muscles)

    def shared(ex_id: str) -> tuple[bool, bool]:
        """How much of the same work: the same main (first) muscle, then any in common."""
        other = catalogue.get(ex_id)
        if other is None or not other.muscles or not hurt.muscles:
            return (False, False)
        return (other.muscles[0] == hurt.muscles[0], bool(own & set(other.muscles)))

    return tuple(sorted(ids, key=shared, reverse=True))


def after_pain(
    made: Suggestion,
    facts: PainFacts | None,
    exercise: Exercise,
    unit: Unit,
    inventory: Inventory | None,
) -> Suggestion:
    """The suggestion after last time's pain: BACK_OFF_PERCENT off (rounded down to a weight
    the exercise can be loaded with, never higher); after sharp pain the tip offers the swap
    (c) to exercises that spare the joint. No pain, or no weight: unchanged."""
    if facts is None or facts.last is None or made.weight_kg is None:
        return made
    pain = facts.last
    cut = loadable_under(made.weight_kg * (1 - BACK_OFF_PERCENT / 100), exercise, unit, inventory)
    weight = max(0.0, min(made.weight_kg, cut))
    back = f"{BACK_OFF_PERCENT} % back to {format_weight(weight, unit)}" if weight else "go easy"
    if pain.level == "mild":
        reason = f"{pain.text} last time: {back}"
    else:  # shorter: the swap's names follow
        spare = ", ".join(in_a_sentence(n) for n in facts.stand_ins[:2]) or "a swap"
        reason = f"{pain.text}: {back}, or c: {spare}"
    return Suggestion(weight, reason, made.reps)


PROPER = frozenset({"Romanian", "Bulgarian", "Copenhagen", "Nordic", "Smith", "Zercher"})


def in_a_sentence(name: str) -> str:
    """An exercise's name inside a sentence: lower case but for the names of people and
    places ("box squat", "Romanian deadlift")."""
    return " ".join(w if w in PROPER else w.lower() for w in name.split(" "))


def loadable_under(kg: float, exercise: Exercise, unit: Unit, inventory: Inventory | None) -> float:
    """The heaviest weight at or under `kg` the exercise can be loaded with (its kit, else its
    own steps, else what a bar carries), as progression rounds a suggestion down."""
    if inventory is not None and handled(exercise, inventory, unit):
        return fit_down(kg, exercise, inventory)
    if not exercise.uses_bar and exercise.increment_kg > 0:
        return step_down(kg, exercise.increment_kg, unit)
    return loadable_down(kg, unit)
