"""Pain and effort rules (core/pain.py, core/effort.py): a mark read back, the facts from an
exercise's latest sessions, and the back-off after pain, which only ever lowers a suggestion
and so never passes the e1RM bound."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.core.effort_scale import EFFORT_KEYS, effort_text, rpe_for_key
from gymtui.core.models import LoggedSet
from gymtui.core.pain import (
    JOINTS,
    LEVELS,
    PAIN_VALUES,
    Pain,
    PainFacts,
    after_pain,
    pain_facts,
    read_pain,
)
from gymtui.core.plates import default_inventory
from gymtui.core.program import load_program
from gymtui.core.progression import Suggestion, ceiling_kg, recent_best_e1rm, suggest
from gymtui.core.settings import Settings

NOW = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
PROGRAM = load_program()
PLAN = {p.exercise_id: p for d in PROGRAM.days for p in d.exercises}
EX = PROGRAM.exercises
pains = st.one_of(st.none(), st.builds(Pain, st.sampled_from(JOINTS), st.sampled_from(LEVELS)))


def session(
    sets: list[tuple[float, int, Pain | None]], days_ago: float, ex: str, sid: int
) -> list[LoggedSet]:
    start = NOW - timedelta(days=days_ago)
    return [
        LoggedSet(
            sid * 100 + n,
            sid,
            ex,
            n,
            "working",
            kg,
            reps,
            start + timedelta(minutes=n),
            pain=pain.stored if pain else None,
        )
        for n, (kg, reps, pain) in enumerate(sets, 1)
    ]


def test_a_mark_reads_back_and_an_unknown_one_is_none() -> None:
    assert len(PAIN_VALUES) == 8
    for stored in PAIN_VALUES:
        pain = read_pain(stored)
        assert pain is not None and pain.stored == stored
    assert read_pain(None) is None and read_pain("") is None and read_pain("elbow sharp") is None
    assert Pain("back", "mild").text == "mild lower back pain"
    assert Pain("knee", "sharp").text == "sharp knee pain"
    assert Pain("other", "mild").text == "mild pain"


def test_effort_digits_on_each_scale() -> None:
    assert [rpe_for_key(k, "rpe") for k in "6789"] == [6, 7, 8, 9]
    assert rpe_for_key("0", "rpe") == 10 and rpe_for_key("5", "rpe") is None
    assert [rpe_for_key(k, "rir") for k in "43210"] == [6, 7, 8, 9, 10]
    assert rpe_for_key("9", "rir") is None
    assert effort_text(8, "rpe") == "RPE 8"
    assert effort_text(8, "rir") == "2 in reserve (RPE 8)"
    for scale, keys in EFFORT_KEYS.items():  # every digit lands on the sets table's 1-10
        assert all(1 <= rpe <= 10 for rpe in keys.values()), scale


def test_the_scale_is_a_setting_kept_as_text() -> None:
    assert Settings().effort_scale == "rpe"
    assert Settings.from_stored({"effort_scale": "rir"}).effort_scale == "rir"
    assert Settings(effort_scale="rir").to_stored()["effort_scale"] == "rir"
    odd = Settings.from_stored({"effort_scale": "borg"})
    assert odd.effort_scale == "rpe" and odd.unreadable == (("effort_scale", "borg"),)


def test_mild_backs_off_ten_percent_to_a_loadable_weight() -> None:
    made = Suggestion(102.5, "all 4×6 met last time: +2.5 kg")
    facts = PainFacts(Pain("knee", "mild"))
    after = after_pain(made, facts, EX["back_squat"], "kg", default_inventory("kg"))
    assert after == Suggestion(90.0, "mild knee pain last time: 10 % back to 90 kg")
    assert after_pain(made, PainFacts(), EX["back_squat"], "kg", None) == made
    assert after_pain(made, None, EX["back_squat"], "kg", None) == made
    first = Suggestion(None, "no history yet")
    assert after_pain(first, facts, EX["back_squat"], "kg", None) == first


def test_sharp_names_the_stand_ins_that_spare_the_joint() -> None:
    last = session([(100, 6, None), (100, 6, Pain("knee", "sharp"))], 3, "back_squat", 1)
    facts = pain_facts([last], EX)
    assert facts.last == Pain("knee", "sharp") and not facts.twice
    assert facts.stand_ins[:2] == ("Box squat", "Leg press")
    made = after_pain(Suggestion(100.0, "repeat"), facts, EX["back_squat"], "kg", None)
    assert made.reason == "sharp knee pain: 10 % back to 90 kg, or c: box squat, leg press"


def test_twice_running_needs_a_mark_in_each_of_the_last_two_sessions() -> None:
    hurt = session([(100, 6, Pain("hip", "mild"))], 3, "back_squat", 2)
    fine = session([(100, 6, None)], 6, "back_squat", 1)
    assert pain_facts([hurt, fine]).twice is False
    assert pain_facts([fine, hurt]) == PainFacts()  # the last session decides
    assert pain_facts([hurt, hurt]).twice is True
    assert pain_facts([]) == PainFacts()


@settings(max_examples=300, deadline=None)
@given(
    history=st.lists(
        st.lists(
            st.tuples(
                st.floats(min_value=0, max_value=300).map(lambda x: round(x * 4) / 4),
                st.integers(min_value=1, max_value=20),
                pains,
            ),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=5,
    ),
    ex_id=st.sampled_from(sorted(PLAN)),
    unit=st.sampled_from(["kg", "lb"]),
    kit=st.booleans(),
)
def test_pain_only_lowers_and_never_passes_the_e1rm_bound(
    history: list[list[tuple[float, int, Pain | None]]], ex_id: str, unit: str, kit: bool
) -> None:
    exercise, planned = EX[ex_id], PLAN[ex_id]
    recent = [session(sets, 3 + 4 * n, ex_id, n + 1) for n, sets in enumerate(history)]
    inventory = default_inventory(unit) if kit else None  # type: ignore[arg-type]
    made = suggest(exercise, planned, recent, unit, inventory, NOW)  # type: ignore[arg-type]
    facts = pain_facts(recent, EX)
    after = after_pain(made, facts, exercise, unit, inventory)  # type: ignore[arg-type]
    if made.weight_kg is None:
        assert after == made
        return
    assert after.weight_kg is not None and 0 <= after.weight_kg <= made.weight_kg + 1e-9
    if facts.last is None:
        assert after == made
    else:
        assert facts.last.text in after.reason
        best = recent_best_e1rm(recent)
        bound = ceiling_kg(best, made.reps or planned.reps, exercise.increment_kg)
        # under the bound whenever the suggestion was (an empty bar may be above it)
        if made.weight_kg <= bound + 1e-6:
            assert after.weight_kg <= bound + 1e-6


def test_the_summary_of_a_deload_week_says_the_pain_noted_in_it() -> None:
    # a deload week's session with sharp knee pain on a squat set: the summary's next time is
    # what Today will say (10 % back), not the weight after the deload as if nothing hurt
    from gymtui.core.models import Session
    from gymtui.core.summary import summarise

    start = NOW - timedelta(hours=1)
    before = [
        LoggedSet(i, 1, "back_squat", i, "working", 100, 6, NOW - timedelta(days=7))
        for i in range(1, 5)
    ]
    today = [
        LoggedSet(10 + i, 2, "back_squat", i, "working", 90, 6, start + timedelta(minutes=i))
        for i in range(1, 3)
    ]
    today[1] = today[1]._replace(pain="knee sharp")
    session = Session(2, "A", "Day A", start, NOW)
    day = PROGRAM.days[0]
    kit = default_inventory("kg")
    earlier = {"back_squat": [before]}
    quiet = summarise(session, today[:1], EX, day, earlier, None, "kg", kit, excused="deload week")
    hurt = summarise(session, today, EX, day, earlier, None, "kg", kit, excused="deload week")
    assert quiet.next_time[0] == "Back squat: deload week, no miss -> 102.5 kg after it"
    assert hurt.next_time[0].startswith("Back squat: deload week, no miss; sharp knee pain")
    assert hurt.next_time[0].endswith("-> 90 kg")  # 92.25 rounded down to the plates


def test_sharp_knee_pain_on_a_hamstring_curl_offers_hamstring_work_first() -> None:
    # the knee-sparing list starts with what works the hurt exercise's muscles: for a
    # hamstring curl the Romanian deadlift, not the box squat and leg press (quads)
    curl = [
        LoggedSet(1, 1, "hamstring_curl", 1, "working", 40, 12, NOW, pain="knee sharp"),
    ]
    facts = pain_facts([curl], EX)
    assert facts.stand_ins[0] == "Romanian deadlift"
    squat = [LoggedSet(2, 1, "back_squat", 1, "working", 100, 6, NOW, pain="knee sharp")]
    assert pain_facts([squat], EX).stand_ins[:2] == ("Box squat", "Leg press")


def test_a_stand_in_named_for_a_place_keeps_its_capital_in_the_tip() -> None:
    from gymtui.core.pain import in_a_sentence

    assert in_a_sentence("Romanian deadlift") == "Romanian deadlift"
    assert in_a_sentence("Box squat") == "box squat"
    curl = [LoggedSet(1, 1, "hamstring_curl", 1, "working", 40, 12, NOW, pain="knee sharp")]
    made = after_pain(
        Suggestion(40.0, "rule"), pain_facts([curl], EX), EX["hamstring_curl"], "kg", None
    )
    assert "or c: Romanian deadlift, box squat" in made.reason
