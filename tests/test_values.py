"""Parsing what a lifter types: weights, reps, RPE."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.core.values import (
    KG_PER_LB,
    format_duration,
    format_e1rm,
    format_set,
    format_weight,
    loadable,
    parse_reps,
    parse_rpe,
    parse_weight,
)
from gymtui.errors import InvalidValue


@pytest.mark.parametrize("text", ["102.5", "102,5", " 102.5 ", "102.50"])
def test_weight_accepts_comma_and_point(text: str) -> None:
    assert parse_weight(text, "kg") == 102.5


def test_weight_in_pounds_is_stored_as_kg_and_reads_back() -> None:
    kg = parse_weight("225", "lb")
    assert kg == pytest.approx(102.058, abs=1e-3)
    assert format_weight(kg, "lb") == "225 lb"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "Weight cannot be negative."),
        ("501", "Weight must be at most 500 kg."),
        ("abc", "Weight must be a number of kg, like 102.5 (got 'abc')."),
        ("", "Weight must be a number of kg, like 102.5 (got '')."),
    ],
)
def test_weight_refusals_say_why(text: str, message: str) -> None:
    with pytest.raises(InvalidValue) as problem:
        parse_weight(text, "kg")
    assert str(problem.value) == message


def test_weight_limit_in_pounds_is_given_in_pounds() -> None:
    with pytest.raises(InvalidValue, match=r"at most 1102\.3 lb"):
        parse_weight("1200", "lb")


@pytest.mark.parametrize("text", ["0", "101", "6.5", "six", "", "1e1", "٣"])
def test_reps_must_be_whole_1_to_100(text: str) -> None:
    with pytest.raises(InvalidValue, match="Reps must be a whole number from 1 to 100"):
        parse_reps(text)


def test_rpe_optional_and_in_half_steps() -> None:
    assert parse_rpe("") is None
    assert parse_rpe("8,5") == 8.5
    for bad in ("11", "0", "8.3", "hard"):
        with pytest.raises(InvalidValue, match="RPE must be from 1 to 10"):
            parse_rpe(bad)


@given(st.text(max_size=12), st.sampled_from(["kg", "lb"]))
def test_weight_parser_only_ever_raises_invalid_value(text: str, unit: str) -> None:
    try:
        kg = parse_weight(text, unit)  # type: ignore[arg-type]
    except InvalidValue as problem:
        assert str(problem)
    else:
        assert 0 <= kg <= 500 + 1e-9


@given(st.text(max_size=8))
def test_reps_parser_only_ever_raises_invalid_value(text: str) -> None:
    try:
        reps = parse_reps(text)
    except InvalidValue:
        return
    assert 1 <= reps <= 100


@given(st.integers(min_value=0, max_value=5000).map(lambda n: n / 10))
def test_formatted_kg_weight_parses_back_to_itself(kg: float) -> None:
    assert parse_weight(format_weight(kg, "kg", with_unit=False), "kg") == pytest.approx(kg)


def test_formats() -> None:
    assert format_set(100, 6, "kg") == "100 kg × 6"
    assert format_set(0, 15, "kg") == "BW × 15"
    assert format_duration(161) == "2:41"
    assert format_duration(160.2) == "2:41"
    assert format_duration(-3) == "0:00"
    assert format_duration(3909) == "1:05:09"


def test_counts_agree_with_their_nouns() -> None:
    from gymtui.core.values import count

    assert [count(n, "working set") for n in (0, 1, 2)] == [
        "0 working sets",
        "1 working set",
        "2 working sets",
    ]


@pytest.mark.parametrize(
    ("kg", "unit", "shown"),
    [
        (225 * KG_PER_LB, "kg", "102 kg"),  # 225 lb typed, read in kg: not 102.06
        (100 + 2.5, "lb", "225 lb"),  # a 2.5 kg step in lb mode: not 226
        (140, "lb", "310 lb"),  # not 308.6
        (101.25, "kg", "101.25 kg"),  # already loadable: kept
        (227.5 * KG_PER_LB, "lb", "227.5 lb"),  # micro plates: kept
        (104.56, "kg", "104.5 kg"),
    ],
)
def test_suggested_weights_are_loadable(kg: float, unit: str, shown: str) -> None:
    assert format_weight(loadable(kg, unit), unit) == shown  # type: ignore[arg-type]


@given(st.floats(min_value=1, max_value=500), st.sampled_from(["kg", "lb"]))
def test_loadable_is_near_and_on_a_plate_step(kg: float, unit: str) -> None:
    value = loadable(kg, unit)  # type: ignore[arg-type]
    shown = value if unit == "kg" else value / KG_PER_LB
    original = kg if unit == "kg" else kg / KG_PER_LB
    if abs(original * 4 - round(original * 4)) < 1e-6:
        assert value == kg
        return
    step = [0.5, 1.25] if unit == "kg" else [5.0]
    assert any(abs(shown / s - round(shown / s)) < 1e-6 for s in step)
    assert abs(shown - original) <= (0.5 if unit == "kg" else 2.5) + 1e-9


def test_e1rm_is_shown_to_half_a_unit() -> None:
    assert format_e1rm(126.67, "kg") == "126.5 kg"
    assert format_e1rm(126.8, "kg") == "127 kg"
    assert format_e1rm(100, "lb") == "220.5 lb"


def test_weights_take_ascii_digits_only() -> None:
    import pytest

    from gymtui.core.values import parse_weight
    from gymtui.errors import InvalidValue

    for typed in ("٣٠", "１００"):  # Arabic-Indic 30, full-width 100: float() would take them
        with pytest.raises(InvalidValue):
            parse_weight(typed, "kg")
    assert parse_weight("102,5", "kg") == 102.5
