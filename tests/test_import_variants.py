"""Every variant the real exports showed: Fitbod, old and translated Strong, FitNotes' unquoted
commas, --from, --skip-bad-rows, zone-free session keys, and values that used to crash."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gymtui.cli import main
from gymtui.importers import ImportFileError, parse
from gymtui.importers.rows import decimal
from gymtui.paths import Paths
from gymtui.store import Store

from helpers import db_rows
from test_import import FIXTURES, LB, PROGRAM, open_store, run_import, sets_of


def imported(paths: Paths, name: str, *args: str) -> tuple[int, str]:
    """Run `gymtui import` as a user would: exit status and what it printed."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["import", str(FIXTURES / name), *args])
    return status, out.getvalue() + err.getvalue()


def stored_count(paths: Paths) -> int:
    if not paths.database.exists():
        return 0  # a refused import does not even create the file
    return int(db_rows(paths.database, "SELECT count(*) FROM sets")[0][0])


# -- Strong, 2016 and translated -------------------------------------------------------


def test_strong_2016_kg_column_names_the_unit_and_weights_are_not_zero(paths: Paths) -> None:
    store, summary = run_import(paths, "strong_2016_kg.csv")  # no --unit: the header says kg
    assert sets_of(store) == [
        ("Back squat", "working", 70.0, 5, None, None),
        ("Back squat", "working", 72.5, 5, None, None),
        ("Deadlift", "working", 100.0, 5, None, None),
    ]
    assert summary.skipped == {"0 reps": 1}  # type: ignore[attr-defined]


def test_a_strong_file_without_a_weight_column_is_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "strong_2016_kg.csv").read_text().replace(",kg,", ",load,")
    bad = tmp_path / "noweight.csv"
    bad.write_text(text)
    with pytest.raises(ImportFileError, match="has no weight column"):
        parse(bad)


@pytest.mark.parametrize(
    ("name", "unit", "weight", "minutes"),
    [("strong_french.csv", "kg", 100.0, 65), ("strong_chinese.csv", "lb", 100.0, 73)],
)
def test_translated_strong_headers_read_like_english_ones(
    paths: Paths, name: str, unit: str, weight: float, minutes: int
) -> None:
    store, summary = run_import(paths, name, unit=unit)
    assert summary.format == "strong"  # type: ignore[attr-defined]
    rows = sets_of(store)
    assert [(r[0], r[2], r[3]) for r in rows] == [("Back squat", weight, 6)] * 2
    assert rows[0][5] in ("Genoux ok", "4x6")
    [(started, finished, note)] = db_rows(
        paths.database, "SELECT started_at, finished_at, note FROM sessions"
    )
    span = datetime.fromisoformat(finished) - datetime.fromisoformat(started)
    assert span.total_seconds() == minutes * 60
    assert note in ("Bonne séance", "星期二")


def test_a_translated_column_is_named_as_the_file_spells_it(tmp_path: Path) -> None:
    text = (FIXTURES / "strong_french.csv").read_text().replace(",100.0,6,", ",lourd,6,", 1)
    bad = tmp_path / "bad.csv"
    bad.write_text(text)
    with pytest.raises(ImportFileError, match="line 2, column 'Poids': 'lourd' is not a number"):
        parse(bad, unit="kg")


# -- Fitbod --------------------------------------------------------------------------------


def test_fitbod_is_its_own_format_with_warmups_utc_times_and_grouped_workouts(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    store, summary = run_import(paths, "fitbod.csv")
    assert summary.format == "fitbod"  # type: ignore[attr-defined]
    assert sets_of(store) == [
        ("Walking lunge", "working", 16.0, 15, None, None),
        ("Walking lunge", "working", 16.0, 15, None, None),
        ("Back squat", "warmup", 20.412, 10, None, None),
        ("Back squat", "working", 102.058, 6, None, "Belt on"),
        ("Back squat", "working", 102.058, 6, None, None),
        ("Plank", "working", 0.0, 1, None, None),  # a hold: its 60 s below
        ("Leg press", "working", 140.0, 12, None, None),
    ]
    assert db_rows(paths.database, "SELECT exercise_id, seconds FROM sets WHERE seconds") == [
        ("plank", 60)
    ]
    # 15:58:30 and 16:00:00 UTC are one workout; the run an hour later is cardio only
    starts = db_rows(paths.database, "SELECT started_at FROM sessions ORDER BY started_at")
    assert [s for (s,) in starts] == [
        "2025-09-15T06:30:00.000+00:00",
        "2025-09-18T15:58:30.000+00:00",
    ]
    assert summary.empty_workouts == 1  # type: ignore[attr-defined]
    # the run; the plank is a hold now, kept with its seconds
    assert summary.skipped == {"no reps (cardio or timed sets)": 1}  # type: ignore[attr-defined]
    status, out = imported(paths, "fitbod.csv")
    assert status == 0 and "Imported 0 sessions" in out and "2 sessions imported before" in out


def test_fitbod_old_layout_keeps_assistance_out_of_the_load(paths: Paths) -> None:
    status, out = imported(paths, "fitbod_old.csv")
    assert status == 0
    assert "(fitbod, 5 rows)" in out
    assert "skipped 1 row: assisted sets (a negative weight is help, not load)" in out
    assert db_rows(
        paths.database,
        "SELECT kind, weight_kg, reps, note FROM sets WHERE exercise_id = 'back_squat' "
        "ORDER BY logged_at",
    ) == [("warmup", 40.0, 8, None), ("working", 90.0, 5, "Felt heavy"), ("working", 90.0, 5, None)]
    assert min(w for (w,) in db_rows(paths.database, "SELECT weight_kg FROM sets")) >= 0


def test_no_app_is_taken_for_another() -> None:
    expected = {
        "fitbod.csv": "fitbod",
        "fitbod_old.csv": "fitbod",
        "fitnotes.csv": "fitnotes",
        "fitnotes_old.csv": "fitnotes",
        "fitnotes_unquoted_comma.csv": "fitnotes",
        "hevy_kg.csv": "hevy",
        "hevy_lbs.csv": "hevy",
        "strong_2016_kg.csv": "strong",
        "strong_chinese.csv": "strong",
        "strong_comma.csv": "strong",
        "strong_french.csv": "strong",
        "strong_quoted_kg.csv": "strong",
        "strong_quoted_lbs.csv": "strong",
        "strong_semicolon.csv": "strong",
    }
    assert sorted(expected) == sorted(
        p.name for p in FIXTURES.glob("*.csv") if not p.name.startswith("gymbook")
    )
    for name, app in expected.items():
        assert parse(FIXTURES / name, unit="kg").format == app, name


def test_gymbook_is_refused_by_name(paths: Paths) -> None:
    status, out = imported(paths, "gymbook_italian.csv")
    assert status == 2
    assert "this is a GymBook export, which gymtui cannot import yet" in out
    assert "not a Strong" not in out


# -- --from, --skip-bad-rows ---------------------------------------------------------------


def test_from_overrides_detection_and_says_what_the_named_app_needs(
    paths: Paths, tmp_path: Path
) -> None:
    status, out = imported(paths, "fitbod.csv", "--from", "hevy")
    assert status == 2
    assert "not a Hevy export: it has no 'title', 'start_time', 'exercise_title'" in out
    assert "but this is" not in out
    # a FitNotes file that also carries an isWarmup column reads as FitNotes when told so
    text = (FIXTURES / "fitnotes.csv").read_text().splitlines()
    widened = [text[0] + ",isWarmup"] + [line + "," for line in text[1:]]
    odd = tmp_path / "odd.csv"
    odd.write_text("\n".join(widened) + "\n")
    assert parse(odd).format == "fitbod"
    assert parse(odd, "fitnotes").format == "fitnotes"
    status, out = imported(paths, str(odd), "--from", "fitnotes")
    assert status == 0 and "(fitnotes," in out


def test_one_bad_row_refuses_the_file_unless_told_to_skip_it(paths: Paths, tmp_path: Path) -> None:
    text = (FIXTURES / "strong_2016_kg.csv").read_text().replace(",72.5,5,", ",72.5,877777,")
    bad = tmp_path / "typo.csv"
    bad.write_text(text)
    status, out = imported(paths, str(bad))
    assert status == 2
    assert "line 3, column 'Reps': 877777 is outside 0 to 1000" in out
    assert "--skip-bad-rows" in out
    assert stored_count(paths) == 0
    status, out = imported(paths, str(bad), "--skip-bad-rows")
    assert status == 0
    assert "skipped 1 row: bad rows (listed below)" in out
    assert "    line 3, column 'Reps': 877777 is outside 0 to 1000" in out
    assert stored_count(paths) == 2


def test_fitnotes_commas_inside_a_name_are_put_back(paths: Paths) -> None:
    store, summary = run_import(paths, "fitnotes_unquoted_comma.csv")
    assert [r[0] for r in sets_of(store)] == [
        "Overhead Press (Each Side, Dumbbells)",
        "Bench Press (With Bar, Each Side, Flat)",
        "Leg press",
    ]
    assert summary.skipped == {}  # type: ignore[attr-defined]


def test_a_row_too_long_in_another_app_is_still_refused(tmp_path: Path) -> None:
    text = (FIXTURES / "strong_2016_kg.csv").read_text().replace('"Squat",1,', '"Squat",x,1,')
    bad = tmp_path / "long.csv"
    bad.write_text(text)
    with pytest.raises(ImportFileError, match="line 3: 10 fields, but the header has 9"):
        parse(bad)


def test_cardio_only_workouts_are_counted(paths: Paths, tmp_path: Path) -> None:
    text = (FIXTURES / "hevy_kg.csv").read_text()
    cardio = (
        '"Run","20 Sep 2025, 07:00","20 Sep 2025, 07:30","","Running","","",0,"normal",,,5,1800,\n'
    )
    path = tmp_path / "hevy_run.csv"
    path.write_text(text + cardio)
    status, out = imported(paths, str(path))
    assert status == 0
    assert "1 workout with no strength sets (cardio only, say): not added." in out


# -- keys that do not depend on the machine's zone ----------------------------------------


def test_the_same_file_under_two_zones_adds_nothing_the_second_time(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    for zone in ("America/New_York", "Asia/Tokyo"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        for name in (
            "strong_quoted_kg.csv",
            "hevy_kg.csv",
            "fitbod.csv",
            "fitbod_old.csv",
            "fitnotes.csv",
        ):
            status, _ = imported(paths, name)
            assert status == 0
    assert db_rows(paths.database, "SELECT count(*) FROM sessions") == [(10,)]


def test_keys_written_by_earlier_versions_still_match(paths: Paths) -> None:
    store = open_store(paths)
    parsed = parse(FIXTURES / "hevy_kg.csv")
    session = parsed.sessions[0]
    old_key = session.key.replace(":Leg day", "+02:00:Leg day", 1)
    assert old_key != session.key
    session.key = old_key  # what an earlier gymtui stored
    parsed.sessions = [session]
    store.imports.write(parsed)
    again = store.imports.write(parse(FIXTURES / "hevy_kg.csv"))
    assert (again.sessions_added, again.sessions_already) == (1, 1)


# -- values that used to crash or mislead ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("2016-10-03 19:30:55", "9999-12-31 23:59:59", "'9999-12-31 23:59:59' is in the future"),
        ("2016-10-03 19:30:55", "2099-01-01 10:00:00", "is in the future"),
        ("2016-10-03 19:30:55", "1900-01-01 10:00:00", "is before 1970"),
    ],
)
def test_impossible_dates_are_named(tmp_path: Path, old: str, new: str, expected: str) -> None:
    bad = tmp_path / "dates.csv"
    bad.write_text((FIXTURES / "strong_2016_kg.csv").read_text().replace(old, new, 1))
    with pytest.raises(ImportFileError, match=expected):
        parse(bad)


def test_a_huge_duration_is_no_crash_and_no_end_time(paths: Paths, tmp_path: Path) -> None:
    text = (FIXTURES / "strong_comma.csv").read_bytes().decode("utf-8-sig")
    path = tmp_path / "long.csv"
    path.write_text(text.replace("1h 5m", "99999999999999999999h 1m"))
    store = open_store(paths)
    summary = store.imports.write(parse(path, unit="kg"))
    assert summary.sessions_added == 2


@pytest.mark.parametrize(
    ("text", "delimiter", "value"),
    [
        ("1,000", ",", 1000.0),
        ("1,000.5", ",", 1000.5),
        ("62,5", ",", 62.5),
        ("62,5", ";", 62.5),
        ("1.000,5", ";", 1000.5),
        ("1,000", ";", 1.0),
        ("abc", ",", None),
    ],
)
def test_numbers_as_apps_write_them(text: str, delimiter: str, value: float | None) -> None:
    assert decimal(text, delimiter) == value


def test_quoted_thousands_in_a_comma_file_are_thousands(paths: Paths, tmp_path: Path) -> None:
    text = (FIXTURES / "fitnotes.csv").read_text().replace("100.0,kgs", '"1,000",lbs', 1)
    path = tmp_path / "big.csv"
    path.write_text(text)
    store = open_store(paths)
    store.imports.write(parse(path))
    assert round(max(r[2] for r in sets_of(store)), 2) == round(1000 * LB, 2)


def test_escape_bytes_in_names_never_reach_the_terminal(paths: Paths, tmp_path: Path) -> None:
    text = (
        (FIXTURES / "fitnotes.csv")
        .read_text()
        .replace("Barbell Squat", "Evil\x1b[31m Squat\x07", 1)
    )
    path = tmp_path / "evil.csv"
    path.write_text(text)
    status, out = imported(paths, str(path))
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil [31m Squat" in out
    names = [n for (n,) in db_rows(paths.database, "SELECT name FROM exercises")]
    assert "Evil [31m Squat" in names


def test_fitnotes_date_error_shows_a_date_without_a_time(tmp_path: Path) -> None:
    bad = tmp_path / "date.csv"
    bad.write_text((FIXTURES / "fitnotes.csv").read_text().replace("2025-09-15", "15/09/25", 1))
    with pytest.raises(ImportFileError) as problem:
        parse(bad)
    assert "'15/09/25' is not a date like 2025-09-15." in str(problem.value)


def test_smith_machine_stays_its_own_and_stray_spaces_make_no_duplicate(
    paths: Paths, tmp_path: Path
) -> None:
    text = (FIXTURES / "fitnotes.csv").read_text()
    text = text.replace("Barbell Squat", "Squat (Smith Machine)", 1)
    text += "2025-09-15,Bicep Curl (barbell ),Arms,30,kgs,10,,,,\n"
    text += "2025-09-15,Bicep  Curl (Barbell),Arms,30,kgs,10,,,,\n"
    path = tmp_path / "names.csv"
    path.write_text(text)
    store = open_store(paths)
    summary = store.imports.write(parse(path))
    # its own exercise: the catalogue's Smith machine squat, never the barbell back squat
    assert summary.created == ["Bicep Curl (barbell)"]
    assert summary.matched["Squat (Smith Machine)"] == "Smith machine squat"


# -- fuzzing every reader -------------------------------------------------------------------

VARIANTS = [
    (FIXTURES / name).read_bytes().decode("utf-8-sig")
    for name in (
        "fitbod.csv",
        "fitbod_old.csv",
        "strong_french.csv",
        "strong_2016_kg.csv",
        "fitnotes_unquoted_comma.csv",
        "hevy_lbs.csv",
    )
]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.integers(min_value=0, max_value=len(VARIANTS) - 1),
    junk=st.text(alphabet=st.sampled_from(list(';,"\n\r x1.-+:Wtrue0\x00é9')), max_size=12),
    at=st.floats(min_value=0, max_value=1),
    skip=st.booleans(),
)
def test_every_reader_raises_only_the_import_error_and_never_half_imports(
    tmp_path_factory: pytest.TempPathFactory, which: int, junk: str, at: float, skip: bool
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    valid = VARIANTS[which]
    cut = int(at * len(valid))
    path = folder / "damaged.csv"
    path.write_text(valid[:cut] + junk + valid[cut:], encoding="utf-8")
    store = Store.open(folder / "gymtui.db")
    store.exercises.sync(PROGRAM.exercises.values())
    try:
        parsed = parse(path, unit="kg", skip_bad_rows=skip, now=datetime(2026, 11, 22, tzinfo=UTC))
    except ImportFileError as problem:
        assert str(path) in str(problem)
        return
    stored = sum(len(s.sets) for s in parsed.sessions)
    assert stored + sum(parsed.skipped.values()) >= parsed.rows  # old Fitbod repeats a set
    summary = store.imports.write(parsed)
    assert store.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == stored
    assert summary.sessions_added == len(parsed.sessions)
    store.close()


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
@pytest.mark.parametrize(
    ("fixture", "old", "new"),
    [
        ("hevy_kg.csv", "18 Sep 2025, 18:00", "31 Dec 9999, 23:59"),
        ("fitbod.csv", "2025-09-18 16:00:00 +0000", "9999-12-31 23:59:59 -1200"),
        ("fitbod.csv", "2025-09-18 16:00:00 +0000", "0001-01-01 00:00:00 +1400"),
        ("fitnotes.csv", "2025-09-15", "9999-12-31"),
        ("strong_2016_kg.csv", "2016-10-03 19:30:55", "0001-01-01 00:00:00"),
    ],
)
def test_the_edges_of_the_calendar_are_messages_in_every_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str, fixture: str, old: str, new: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    text = (FIXTURES / fixture).read_text()
    assert old in text
    path = tmp_path / fixture
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ImportFileError, match=r"line \d+, column '(Date|start_time)'"):
        parse(path, unit="kg")


def test_the_edges_of_the_calendar_in_gymtuis_own_export(paths: Paths, tmp_path: Path) -> None:
    store, _ = run_import(paths, "hevy_kg.csv")
    store.close()
    exported = tmp_path / "mine.csv"
    assert main(["export", "-o", str(exported)]) == 0
    lines = exported.read_text().splitlines()
    first = lines[1].split(",")
    first[1] = "9999-12-31T23:59:59-05:00"
    path = tmp_path / "edge.csv"
    path.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n")
    with pytest.raises(ImportFileError, match="session_started_at"):
        parse(path)


def test_a_refusal_quoting_a_header_never_sends_its_escape_bytes(
    paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "header.csv"
    path.write_text("Date,Exercise,Category,Weight (kgs),Re\x1b[31mps\n2025-09-15,Squat,Legs,1,5\n")
    status, out = imported(paths, str(path))
    assert status == 2
    assert "\x1b" not in out and "Re\\x1b[31mps" in out
