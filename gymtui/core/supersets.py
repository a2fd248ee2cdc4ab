"""Supersets: two or three exercises of a day done set by set in turn (A1, B1, A2, B2, ...),
with a short rest between them and the full rest after each round. Pure rules, no I/O."""

from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple, Protocol

from gymtui.core.models import Exercise, LoggedSet, PlannedExercise, ProgramDay
from gymtui.core.prefill import next_up_text
from gymtui.core.training import TodayView
from gymtui.core.values import Unit

MAX_SUPERSET = 3  # members of one superset
MAX_LABEL = 8  # characters of a label (`superset = "a"`)
DEFAULT_SUPERSET_REST_S = 20  # between members of a round


def superset_runs(planned: Sequence[PlannedExercise | None]) -> list[tuple[int, int, str]]:
    """Each run of adjacent entries sharing a superset label: (first, last, label), indexes
    into `planned` (a run of one is listed too: the program checker refuses it)."""
    runs: list[tuple[int, int, str]] = []
    for n, entry in enumerate(planned):
        label = entry.superset if entry is not None else None
        if label is None:
            continue
        if runs and runs[-1][1] == n - 1 and runs[-1][2] == label:
            runs[-1] = (runs[-1][0], n, label)
        else:
            runs.append((n, n, label))
    return runs


class Superset(NamedTuple):
    """A superset of a day: its label, its letter on Today (A, B, ... in the day's order)
    and its members' exercise ids in order."""

    label: str
    letter: str
    members: tuple[str, ...]

    def marker(self, exercise_id: str) -> str:
        """`A1`, `A2`: the letter and the member's place, as Today shows it."""
        return f"{self.letter}{self.members.index(exercise_id) + 1}"


def supersets(planned: Sequence[PlannedExercise | None]) -> dict[str, Superset]:
    """Each exercise in a superset of 2 or more, and its superset (a lone label is none)."""
    found: dict[str, Superset] = {}
    letter = 0
    for first, last, label in superset_runs(planned):
        members = tuple(dict.fromkeys(p.exercise_id for p in planned[first : last + 1] if p))
        if len(members) < 2:
            continue
        group = Superset(label, chr(ord("A") + letter % 26), members)
        letter += 1
        found.update((member, group) for member in members)
    return found


# -- a round ---------------------------------------------------------------------------


class Member(NamedTuple):
    """A member's planned sets and how many of them are done."""

    sets: int
    done: int


def next_in_round(members: Sequence[Member], last: int | None) -> int | None:
    """The member whose set is next: of those with sets left, the one with fewest done (a
    round visits each once before the next round), ties going round from the member after
    `last`, the one just logged (from the first when none was). None when all are done."""
    count = len(members)
    start = 0 if last is None else last + 1
    best: int | None = None
    for step in range(count):
        n = (start + step) % count
        member = members[n]
        if member.done < member.sets and (best is None or member.done < members[best].done):
            best = n
    return best


def round_over(members: Sequence[Member], logged: int) -> bool:
    """Whether the set just logged (counted in `logged`'s done) ends its round: no other
    member still owes a set of that round. Then the full rest follows, else the short one."""
    k = members[logged].done
    return not any(m.done < k and m.sets >= k for n, m in enumerate(members) if n != logged)


# -- over Today's rows -------------------------------------------------------------------


class Row(Protocol):
    """What the round needs of a Today row (core.training.PlanRow)."""

    @property
    def exercise(self) -> Exercise: ...
    @property
    def planned(self) -> PlannedExercise | None: ...
    @property
    def slot(self) -> int | None: ...
    @property
    def complete(self) -> bool: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def due(self) -> bool: ...


def row_supersets(rows: Sequence[Row]) -> dict[str, Superset]:
    """The supersets of Today's rows (their exercises in the rows' order)."""
    by_exercise: dict[str, PlannedExercise | None] = {}
    for row in rows:
        by_exercise.setdefault(row.exercise.id, row.planned)
    return supersets(list(by_exercise.values()))


def superset_of(rows: Sequence[Row], exercise_id: str) -> Superset | None:
    """The superset an exercise is in on Today, if any."""
    return row_supersets(rows).get(exercise_id)


def superset_marks(rows: Sequence[Row]) -> list[tuple[str, str]]:
    """Today's bracket for each row: (the bracket's piece, the member's marker on its first
    row), like ("┌", "A1"), ("│", ""), ("├", "A2"), ("└", ""); ("", "") outside a superset."""
    groups = row_supersets(rows)
    marks: list[tuple[str, str]] = []
    for n, row in enumerate(rows):
        group = groups.get(row.exercise.id)
        if group is None:
            marks.append(("", ""))
            continue
        before = rows[n - 1].exercise.id if n else None
        after = rows[n + 1].exercise.id if n + 1 < len(rows) else None
        first_row = before != row.exercise.id
        if first_row and before not in group.members:
            piece = "┌"
        elif after not in group.members:
            piece = "└"
        else:
            piece = "├" if first_row else "│"
        marks.append((piece, group.marker(row.exercise.id) if first_row else ""))
    return marks


def next_up(view: TodayView, unit: Unit) -> str:
    """What the next set is (core.prefill.next_up_text), with " (superset)" after a set of
    a superset's member: Rest's next line follows the round."""
    text = next_up_text(view, unit)
    row = view.next_row
    if row is not None and row.slot is not None and row.exercise.id in row_supersets(view.rows):
        return f"{text} (superset)"
    return text


def _members(rows: Sequence[Row], group: Superset) -> list[Member]:
    """Each member's planned sets and sets done; a member skipped today has none left."""
    members = []
    for ex_id in group.members:
        slots = [r for r in rows if r.exercise.id == ex_id and r.slot is not None]
        planned = slots[0].planned if slots else None
        done = sum(r.complete for r in slots)
        skipped = any(r.skipped for r in slots)
        members.append(Member(done if skipped else planned.sets if planned else 0, done))
    return members


def next_row_in_round(rows: Sequence[Row], last: LoggedSet) -> int | None:
    """After `last`, a working set of a superset's member, the row to do next: the next
    member's in the round (its warm-ups first). None when `last` was not a member's working
    set, or its superset is done: the day's order goes on (core.next_set)."""
    group = row_supersets(rows).get(last.exercise_id)
    if group is None or not last.is_working:
        return None
    turn = next_in_round(_members(rows, group), group.members.index(last.exercise_id))
    if turn is None:
        return None
    member = group.members[turn]
    return next((n for n, r in enumerate(rows) if r.exercise.id == member and r.due), None)


RestAfter = Literal["between", "round"]


def rest_in_superset(
    rows: Sequence[Row], exercise_id: str, *, logged: bool = False
) -> tuple[RestAfter, Superset] | None:
    """After a working set of `exercise_id`: whether the short rest follows it (the round
    goes on) or the full one (the round is over). `rows` are Today's before the set is
    logged, or with it (`logged`). None when the exercise is in no superset, or the set is
    beyond its plan."""
    group = row_supersets(rows).get(exercise_id)
    if group is None:
        return None
    members = _members(rows, group)
    n = group.members.index(exercise_id)
    done = members[n].done + (0 if logged else 1)
    if not 1 <= done <= members[n].sets:
        return None
    members[n] = members[n]._replace(done=done)
    return ("round" if round_over(members, n) else "between"), group


def set_markers(sets: Sequence[LoggedSet]) -> list[str]:
    """Each set's marker in a session's list: `A1`, `A2` for the members of its first
    superset (by first appearance: letter by superset, number by exercise), "" for a set
    done on its own or a superset of one exercise."""
    members: dict[str, list[str]] = {}
    for s in sets:
        if s.superset is not None:
            group = members.setdefault(s.superset, [])
            if s.exercise_id not in group:
                group.append(s.exercise_id)
    letters = {label: n for n, label in enumerate(k for k, v in members.items() if len(v) > 1)}
    return [
        f"{chr(ord('A') + letters[s.superset] % 26)}{members[s.superset].index(s.exercise_id) + 1}"
        if s.superset in letters
        else ""
        for s in sets
    ]


# -- today's grouping --------------------------------------------------------------------

Labels = Mapping[str, str | None]  # exercise id -> its superset label today (None: none)


def with_labels(day: ProgramDay, labels: Labels) -> ProgramDay:
    """The day with today's superset labels over the program's."""
    if not labels:
        return day
    exercises = tuple(
        p._replace(superset=labels[p.exercise_id]) if p.exercise_id in labels else p
        for p in day.exercises
    )
    return day._replace(exercises=exercises)


class Regrouped(NamedTuple):
    """What "Superset" did to a day: today's labels after it, and what to say."""

    labels: dict[str, str | None]
    message: str


def toggle_superset(
    day: ProgramDay, labels: Labels, exercise_id: str, names: Mapping[str, str]
) -> Regrouped:
    """ "Superset" on an exercise: in a superset, its superset ends (for today); else it is
    grouped with the next exercise of the day (joining that one's superset when it has room).
    Raises ValueError, with what to do, when it cannot be."""
    today = with_labels(day, labels)
    order = [p.exercise_id for p in today.exercises]
    new = dict(labels)
    groups = supersets(today.exercises)
    if exercise_id not in order:
        raise ValueError("Only an exercise of today's plan can be in a superset.")
    group = groups.get(exercise_id)
    if group is not None:
        new.update((member, None) for member in group.members)
        listed = _listed([names.get(m, m) for m in group.members])
        return Regrouped(new, f"Superset ended for today: {listed} one after the other.")
    at = order.index(exercise_id)
    if at + 1 >= len(order):
        raise ValueError(
            "The last exercise has no next one to pair with: highlight the one before it."
        )
    following = order[at + 1]
    joined = groups.get(following)
    if joined is not None and len(joined.members) >= MAX_SUPERSET:
        raise ValueError(f"A superset has at most {MAX_SUPERSET} exercises.")
    taken = {p.superset for p in today.exercises}
    label = joined.label if joined is not None else _free_label(taken)
    new[exercise_id] = label
    new[following] = label
    members = (exercise_id, *(joined.members if joined else (following,)))
    listed = _listed([names.get(m, m) for m in members])
    return Regrouped(new, f"Superset for today: {listed}, set by set in turn.")


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def _free_label(taken: set[str | None]) -> str:
    n = 1
    while f"today{n}" in taken:
        n += 1
    return f"today{n}"


def superset_partner(
    entries: Sequence[PlannedExercise], index: int, label: str | None
) -> list[tuple[int, str | None]]:
    """What else changes when one entry of a day gets superset `label` (or loses its own), as
    `g` does on Today: a new label with no other member pairs the entry with the next one (or,
    last of the day, the one before) when that one has none; a pair left with one member ends.
    Each change is (index, label or None to take it out)."""
    old = entries[index].superset
    changes: list[tuple[int, str | None]] = []
    others = [i for i, e in enumerate(entries) if i != index]
    if old and old != label:
        left = [i for i in others if entries[i].superset == old]
        if len(left) == 1:
            changes.append((left[0], None))
    if label and label != old and not any(entries[i].superset == label for i in others):
        for near in (index + 1, index - 1):
            if 0 <= near < len(entries) and not entries[near].superset:
                changes.append((near, label))
                break
    return changes
