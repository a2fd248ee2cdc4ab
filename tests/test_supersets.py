"""Supersets as rules: the program's field and its checks, the rounds (property-tested), the
rest after a member's set, today's grouping, and the markers Today and History show."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.models import LoggedSet, PlannedExercise, ProgramDay
from gymtui.core.next_set import last_logged, next_row_index
from gymtui.core.program import load_program, parse_program
from gymtui.core.supersets import (
    Member,
    next_in_round,
    next_up,
    rest_in_superset,
    round_over,
    set_markers,
    superset_marks,
    superset_runs,
    supersets,
    toggle_superset,
    with_labels,
)
from gymtui.core.training import Plan, build_plan
from gymtui.errors import ProgramError

BUILTIN = load_program()
T0 = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)

PROGRAM_TEXT = """
superset_rest_s = 25

[[days]]
key = "A"
name = "Day A"
exercises = [
  { exercise = "back_squat", sets = 3, reps = 5 },
  { exercise = "hamstring_curl", sets = 3, reps = 12, superset = "a" },
  { exercise = "standing_calf_raise", sets = 2, reps = 15, superset = "a" },
  { exercise = "leg_press", sets = 3, reps = 10 },
]
"""


def write_program(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "program.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the program file ------------------------------------------------------------------


def test_a_superset_in_the_program_file(tmp_path: Path) -> None:
    program = load_program(write_program(tmp_path, PROGRAM_TEXT))
    day = program.days[0]
    assert [p.superset for p in day.exercises] == [None, "a", "a", None]
    assert program.superset_rest_s == 25
    [group] = set(supersets(day.exercises).values())
    assert group.members == ("hamstring_curl", "standing_calf_raise")
    assert (group.marker("hamstring_curl"), group.marker("standing_calf_raise")) == ("A1", "A2")
    assert load_program().superset_rest_s is None  # the built-in program has none


def test_the_readmes_superset_example_is_a_valid_program() -> None:
    import tomllib

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index('```toml\nname = "My legs"') + len("```toml\n")
    made = parse_program(tomllib.loads(readme[start : readme.index("```", start)]), "README")
    assert made.superset_rest_s == 20
    [group] = set(supersets(made.days[1].exercises).values())
    assert group.members == ("leg_extension", "hamstring_curl")


def entries(*labels: str | None) -> str:
    ids = ["back_squat", "deadlift", "leg_press", "hamstring_curl", "leg_extension"]
    lines = []
    for ex_id, label in zip(ids, labels, strict=False):
        extra = f', superset = "{label}"' if label else ""
        lines.append(f'  {{ exercise = "{ex_id}", sets = 3, reps = 8{extra} }},')
    return '[[days]]\nkey = "A"\nexercises = [\n' + "\n".join(lines) + "\n]\n"


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (
            (None, "a", None),
            "line 5: day 1 ('A'), exercise 2: superset 'a' is on 1 exercise: a superset has 2 "
            "or 3 in a row (give the entry after it the same label, or take the label off)",
        ),
        (
            ("a", "a", "a", "a"),
            "line 4: day 1 ('A'), exercise 1: superset 'a' is on 4 exercises: a superset has 2 "
            "or 3 in a row (take the label off the others, or give them another)",
        ),
        (
            ("a", "a", None, "a", "a"),
            "line 7: day 1 ('A'), exercise 4: superset 'a' must be on exercises next to each "
            "other: it is on exercises 1-2 and again here (or use another label)",
        ),
        (
            ("a", None, "a"),
            "line 6: day 1 ('A'), exercise 3: superset 'a' must be on exercises next to each "
            "other: it is on exercise 1 and again here (or use another label)",
        ),
        (
            (None, "a", "a"),
            None,  # an entry without the field is in no superset: the two after it are one
        ),
    ],
    ids=["one", "four", "apart", "apart from one", "none"],
)
def test_a_superset_that_breaks_the_rules_is_named_with_its_line(
    tmp_path: Path, labels: tuple[str | None, ...], expected: str | None
) -> None:
    path = write_program(tmp_path, entries(*labels))
    if expected is None:
        day = load_program(path).days[0]
        assert [p.superset for p in day.exercises] == [None, "a", "a"]
        return
    with pytest.raises(ProgramError) as problem:
        load_program(path)
    assert str(problem.value) == f"{path}, {expected}"


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("1", "'superset' must be text, not 1"),
        ('"   "', "'superset' must be a short label of 1 to 8 characters, like \"a\", not '   '"),
        (
            '"abcdefghi"',
            "'superset' must be a short label of 1 to 8 characters, like \"a\", not 'abcdefghi'",
        ),
        ('" a"', "'superset' must be a short label of 1 to 8 characters, like \"a\", not ' a'"),
    ],
)
def test_a_superset_label_must_be_short_text(tmp_path: Path, value: str, says: str) -> None:
    text = (
        '[[days]]\nkey = "A"\nexercises = [\n'
        f'  {{ exercise = "back_squat", sets = 3, reps = 5, superset = {value} }},\n'
        f'  {{ exercise = "deadlift", sets = 3, reps = 5, superset = "a" }},\n]\n'
    )
    path = write_program(tmp_path, text)
    with pytest.raises(ProgramError) as problem:
        load_program(path)
    assert str(problem.value) == f"{path}, line 4: day 1 ('A'), exercise 1: {says}"


def test_the_line_is_the_entrys_in_either_toml_layout(tmp_path: Path) -> None:
    """Entries as inline tables (a commented-out one not counted) or as [[days.exercises]]."""
    inline = entries("a", None).replace(
        "exercises = [\n", 'exercises = [\n  # { exercise = "x" },\n'
    )
    path = write_program(tmp_path, inline)
    with pytest.raises(ProgramError, match=r"program.toml, line 5: day 1 \('A'\), exercise 1"):
        load_program(path)
    tables = (
        '[[days]]\nkey = "A"\n\n[[days.exercises]]\nexercise = "back_squat"\nsets = 3\n'
        'reps = 5\n\n[[days.exercises]]\nexercise = "deadlift"\nsets = 3\nreps = 5\n'
        'superset = "b"\n'
    )
    path = write_program(tmp_path, tables)
    with pytest.raises(ProgramError, match=r"program.toml, line 10: day 1 \('A'\), exercise 2"):
        load_program(path)


def test_the_superset_rest_at_the_top_level_is_checked(tmp_path: Path) -> None:
    path = write_program(tmp_path, "superset_rest_s = 0\n" + entries(None))
    with pytest.raises(ProgramError, match="'superset_rest_s' must be from 1 to 600, not 0"):
        load_program(path)


# -- rounds ----------------------------------------------------------------------------

SETS = st.lists(st.integers(min_value=0, max_value=6), min_size=2, max_size=3)


def play(sets: list[int], first: int | None = None) -> list[tuple[int, int]]:
    """Follow next_in_round from nothing done to the end: (member, its set number) each."""
    done = [0] * len(sets)
    order: list[tuple[int, int]] = []
    last = first
    while (
        n := next_in_round([Member(s, d) for s, d in zip(sets, done, strict=True)], last)
    ) is not None:
        assert done[n] < sets[n]  # never a member with no set left
        done[n] += 1
        order.append((n, done[n]))
        last = n
        assert len(order) <= sum(sets)
    return order


@given(SETS)
def test_a_round_visits_each_unfinished_member_once_before_the_next(sets: list[int]) -> None:
    """A1, B1, A2, B2, ...: round k is set k of every member that has one, in order; a member
    with fewer sets drops out; every planned set is visited exactly once."""
    expected = [(n, k) for k in range(1, max(sets) + 1) for n in range(len(sets)) if sets[n] >= k]
    assert play(sets) == expected


@given(SETS, st.data())
def test_a_round_goes_on_from_any_state(sets: list[int], data: st.DataObject) -> None:
    """From any sets done (the lifter may have logged out of turn), the next member is one
    with a set left and fewest done, and it never points at a finished member."""
    done = [data.draw(st.integers(min_value=0, max_value=s)) for s in sets]
    last = data.draw(st.none() | st.integers(min_value=0, max_value=len(sets) - 1))
    members = [Member(s, d) for s, d in zip(sets, done, strict=True)]
    n = next_in_round(members, last)
    left = [i for i, m in enumerate(members) if m.done < m.sets]
    if not left:
        assert n is None
        return
    assert n in left
    assert members[n].done == min(members[i].done for i in left)
    fewest = [i for i in left if members[i].done == members[n].done]
    if last is not None and len(fewest) > 1:  # a tie goes round from the one just logged
        assert n == min(fewest, key=lambda i: (i - last - 1) % len(sets))


@given(SETS)
def test_the_full_rest_comes_once_a_round_is_over(sets: list[int]) -> None:
    """Following the rounds, the set that ends round k is the last member's that has a set
    k; each other set is followed by the short rest."""
    done = [0] * len(sets)
    for n, k in play(sets):
        done[n] += 1
        members = [Member(s, d) for s, d in zip(sets, done, strict=True)]
        last_of_round = max(i for i in range(len(sets)) if sets[i] >= k)
        assert round_over(members, n) == (n == last_of_round)


# -- over Today's rows -----------------------------------------------------------------


def day_with(*entries_: tuple[str, int, str | None]) -> ProgramDay:
    planned = tuple(PlannedExercise(ex, sets, 10, superset=label) for ex, sets, label in entries_)
    return ProgramDay("A", "Day A", "", planned)


DAY = day_with(
    ("back_squat", 2, None),
    ("hamstring_curl", 3, "a"),
    ("standing_calf_raise", 2, "a"),
    ("leg_press", 2, None),
)


def logged_sets(order: list[str]) -> list[LoggedSet]:
    return [
        LoggedSet(n + 1, 1, ex, n + 1, "working", 50.0, 10, T0 + timedelta(minutes=n))
        for n, ex in enumerate(order)
    ]


def next_exercise(order: list[str], day: ProgramDay = DAY) -> str | None:
    sets = logged_sets(order)
    rows, _ = build_plan(day, BUILTIN.exercises, sets, {})
    n = next_row_index(rows, last_logged(sets))
    return rows[n].exercise.id if n is not None else None


def test_the_next_set_follows_the_round_then_the_day() -> None:
    done: list[str] = []
    seen = []
    while (ex := next_exercise(done)) is not None:
        seen.append(ex)
        done.append(ex)
    h, c = "hamstring_curl", "standing_calf_raise"
    assert seen == ["back_squat", "back_squat", h, c, h, c, h, "leg_press", "leg_press"]


def test_a_superset_started_with_its_second_member_alternates_from_there() -> None:
    h, c = "hamstring_curl", "standing_calf_raise"
    assert next_exercise(["back_squat", "back_squat", c]) == h
    assert next_exercise(["back_squat", "back_squat", c, h]) == c


def test_the_rest_after_a_member_is_short_until_the_round_is_over() -> None:
    rows, _ = build_plan(DAY, BUILTIN.exercises, logged_sets(["back_squat"]), {})
    assert rest_in_superset(rows, "back_squat") is None
    after, group = rest_in_superset(rows, "hamstring_curl") or (None, None)
    assert after == "between" and group is not None and group.label == "a"
    h, c = "hamstring_curl", "standing_calf_raise"
    rows, _ = build_plan(DAY, BUILTIN.exercises, logged_sets([h]), {})
    assert (rest_in_superset(rows, c) or ("",))[0] == "round"
    rows, _ = build_plan(DAY, BUILTIN.exercises, logged_sets([h, c, h, c]), {})
    assert (rest_in_superset(rows, h) or ("",))[0] == "round"  # round 3: the calf is done
    rows, _ = build_plan(DAY, BUILTIN.exercises, logged_sets([h, c, h, c, h]), {})
    assert rest_in_superset(rows, h) is None  # beyond the plan: an extra set


def test_today_brackets_the_superset_and_says_it_in_next_up() -> None:
    rows, suggestions = build_plan(DAY, BUILTIN.exercises, logged_sets(["back_squat"] * 2), {})
    marks = superset_marks(rows)
    assert marks == [
        ("", ""),
        ("", ""),
        ("┌", "A1"),
        ("│", ""),
        ("│", ""),
        ("├", "A2"),
        ("└", ""),
        ("", ""),
        ("", ""),
    ]
    from gymtui.core.training import TodayView, recovery

    view = TodayView(
        day=DAY,
        session=None,
        rows=rows,
        session_sets=[],
        recent={},
        recovery=recovery(None, T0),
        weekly="",
        next_index=next_row_index(rows),
        suggestions=suggestions,
    )
    assert next_up(view, "kg") == "Set 1 of 3 - Hamstring curl × 10 (superset)"


# -- today's grouping ------------------------------------------------------------------

NAMES = {ex_id: ex.name for ex_id, ex in BUILTIN.exercises.items()}


def test_superset_for_today_pairs_with_the_next_and_ends_again() -> None:
    day = BUILTIN.days[0]
    paired = toggle_superset(day, {}, "hamstring_curl", NAMES)
    assert paired.message == (
        "Superset for today: Hamstring curl and Standing calf raise, set by set in turn."
    )
    today = with_labels(day, paired.labels)
    groups = supersets(today.exercises)
    assert groups["hamstring_curl"].members == ("hamstring_curl", "standing_calf_raise")
    assert day.exercises[3].superset is None  # the program's day is not changed
    # a third joins from before; a fourth is refused
    joined = toggle_superset(day, paired.labels, "bulgarian_split_squat", NAMES)
    members = supersets(with_labels(day, joined.labels).exercises)["hamstring_curl"].members
    assert members == ("bulgarian_split_squat", "hamstring_curl", "standing_calf_raise")
    with pytest.raises(ValueError, match="at most 3"):
        toggle_superset(day, joined.labels, "deadlift", NAMES)
    ended = toggle_superset(day, joined.labels, "standing_calf_raise", NAMES)
    assert not supersets(with_labels(day, ended.labels).exercises)
    assert ended.message.startswith("Superset ended for today: Bulgarian split squat, Hamstring")
    with pytest.raises(ValueError, match="last exercise has no next one"):
        toggle_superset(day, {}, "standing_calf_raise", NAMES)
    with pytest.raises(ValueError, match="today's plan"):
        toggle_superset(day, {}, "leg_press", NAMES)


def test_a_program_superset_can_be_ended_for_today(tmp_path: Path) -> None:
    day = load_program(write_program(tmp_path, PROGRAM_TEXT)).days[0]
    ended = toggle_superset(day, {}, "standing_calf_raise", NAMES)
    assert ended.labels == {"hamstring_curl": None, "standing_calf_raise": None}
    assert not supersets(with_labels(day, ended.labels).exercises)


@given(st.lists(st.sampled_from(["a", "b", None]), max_size=8))
def test_runs_are_the_adjacent_entries_sharing_a_label(labels: list[str | None]) -> None:
    planned = [PlannedExercise(f"ex{n}", 3, 8, superset=label) for n, label in enumerate(labels)]
    runs = superset_runs(planned)
    covered = [n for first, last, _ in runs for n in range(first, last + 1)]
    assert covered == [n for n, label in enumerate(labels) if label is not None]
    for first, last, label in runs:
        assert all(labels[n] == label for n in range(first, last + 1))
        assert first == 0 or labels[first - 1] != label
        assert last == len(labels) - 1 or labels[last + 1] != label


# -- History's markers ------------------------------------------------------------------


def test_a_sessions_sets_are_marked_by_superset() -> None:
    sets = [
        s._replace(superset=label)
        for s, label in zip(
            logged_sets(["back_squat", "leg_curl", "calf", "leg_curl", "calf", "dips", "rows"]),
            [None, "0", "0", "0", "0", "1", "1"],
            strict=True,
        )
    ]
    sets.append(logged_sets(["lonely"])[0]._replace(id=99, superset="2"))
    assert set_markers(sets) == ["", "A1", "A2", "A1", "A2", "B1", "B2", ""]


@given(
    st.lists(st.integers(min_value=1, max_value=4), min_size=2, max_size=3),
    st.lists(st.integers(min_value=0, max_value=20), max_size=14),
)
def test_todays_next_set_never_points_at_a_logged_row(sizes: list[int], picks: list[int]) -> None:
    """Log sets in any order (some off the suggested one): the next row is never logged, and
    after a member's set it is a member's with fewest done while the superset has sets left."""
    ids = ["leg_press", "hamstring_curl", "standing_calf_raise"][: len(sizes)]
    day = day_with(
        ("back_squat", 2, None), *((ex, n, "s") for ex, n in zip(ids, sizes, strict=True))
    )
    order: list[str] = []
    for pick in picks:
        sets = logged_sets(order)
        rows, _ = build_plan(day, BUILTIN.exercises, sets, {})
        n = next_row_index(rows, last_logged(sets))
        if n is None:
            break
        assert rows[n].logged is None
        done = {ex: order.count(ex) for ex in ids}
        left = [ex for ex, size in zip(ids, sizes, strict=True) if done[ex] < size]
        if order and order[-1] in ids and left:
            assert rows[n].exercise.id in left
            assert done[rows[n].exercise.id] == min(done[ex] for ex in left)
        # log the suggested set, or (pick odd) the first unlogged set of another exercise
        chosen = rows[n].exercise.id
        if pick % 2:
            others = [r.exercise.id for r in rows if r.logged is None and r.slot is not None]
            chosen = others[pick % len(others)]
        order.append(chosen)


def test_a_member_skipped_today_drops_out_of_the_round() -> None:
    """Skip (today only) a superset's member: the other goes on alone, set after set, and
    the full rest follows each of its sets."""
    h, c = "hamstring_curl", "standing_calf_raise"
    sets = logged_sets(["back_squat", "back_squat", h])
    plan = Plan(skipped=frozenset({c}))
    rows, _ = build_plan(DAY, BUILTIN.exercises, sets, {}, plan)
    n = next_row_index(rows, last_logged(sets))
    assert n is not None and (rows[n].exercise.id, rows[n].label) == (h, "2/3")
    assert (rest_in_superset(rows, h) or ("",))[0] == "round"


def test_a_label_given_in_the_program_editor_pairs_and_a_cleared_one_ends_the_pair() -> None:
    from gymtui.core.models import PlannedExercise
    from gymtui.core.supersets import superset_partner

    day = [PlannedExercise(ex, 3, 10) for ex in ("a_lift", "b_lift", "c_lift")]
    assert superset_partner(day, 0, "x") == [(1, "x")]  # with the next
    assert superset_partner(day, 2, "x") == [(1, "x")]  # the last: with the one before
    paired = [day[0], day[1]._replace(superset="x"), day[2]._replace(superset="x")]
    assert superset_partner(paired, 0, "x") == []  # joins the pair below: no other change
    assert superset_partner(paired, 1, None) == [(2, None)]  # a pair of one ends
    three = [p._replace(superset="x") for p in day]
    assert superset_partner(three, 1, None) == []  # two stay: still a superset
