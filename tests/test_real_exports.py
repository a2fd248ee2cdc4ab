"""Every real export people published (../shared/real-exports) imports with nothing lost:
each row is a stored set or a skipped row with a counted reason. The files are read where
they are, never copied into the project."""

from __future__ import annotations

import csv
import io
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from gymtui.core.values import KG_PER_LB
from gymtui.importers import ImportFileError, parse
from gymtui.importers.holds import is_hold
from gymtui.store import Store

from test_import import PROGRAM

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "real-exports"
SOURCES = CORPUS / "SOURCES.md"
REFUSED = {"gymbook_gb1609_gymbooktostrong_italian.csv": "this is a GymBook export"}
BAD_ROWS = {  # real typos in real files: left out with --skip-bad-rows, and listed
    "strong_dstanek_lifting_semicolon_lbs.csv": ["line 2401, column 'Reps': 877777"],
    "strong_faw01_aipoverload_721workouts_2015.csv": ["line 4815, column 'Weight': 2956"],
}


def corpus() -> dict[str, tuple[int, str]]:
    """Each file with its data rows and unit, as SOURCES.md lists them."""
    if not SOURCES.exists():
        return {}
    found = {}
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 9 and cells[0].endswith(".csv"):
            found[cells[0]] = (int(cells[6]), cells[8])
    return found


def raw_rows(path: Path) -> list[dict[str, str]]:
    """The file read with nothing but the csv module, to check the importer against."""
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > 2 else ","
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def number(text: str | None) -> float:
    try:
        return float((text or "").replace(",", "."))
    except ValueError:
        return 0.0


def is_a_hold(row: dict[str, str]) -> bool:
    """A row of seconds, no distance, of an exercise that is a hold (Hevy's and Strong's)."""
    name = row.get("exercise_title") or row.get("Exercise Name") or row.get("Exercise") or ""
    seconds = number(row.get("duration_seconds") or row.get("Seconds") or row.get("Duration(s)"))
    distance = number(
        row.get("distance_km")
        or row.get("distance_miles")
        or row.get("Distance")
        or row.get("km")
        or row.get("Distance(m)")
    )
    return seconds > 0 and distance <= 0 and is_hold(name)


def raw_kinds(rows: list[dict[str, str]]) -> Counter[str]:
    """Warm-up, drop and failure sets with reps (or a hold's seconds: a plank's, a dead
    hang's), as each app marks them."""
    kinds: Counter[str] = Counter()
    for row in rows:
        reps = number(row.get("Reps") or row.get("reps") or row.get("次") or row.get("Réps"))
        if reps <= 0 and not is_a_hold(row):
            continue
        order = (row.get("Set Order") or row.get("set_type") or "").strip().lower()
        kind = {"w": "warmup", "warmup": "warmup", "d": "drop", "dropset": "drop"}.get(order)
        kind = kind or {"f": "failure", "failure": "failure"}.get(order)
        if (row.get("isWarmup") or "").strip().lower() == "true":
            kind = "warmup"
        if kind:
            kinds[kind] += 1
    return kinds


def raw_weights(rows: list[dict[str, str]]) -> list[float]:
    """The weights of the sets with reps (or a hold's seconds), in the file's own unit."""
    header = list(rows[0])
    column = next(
        h
        for h in header
        if re.match(r"(weight|kg$|lbs$|poids|重量)", h.strip().lower()) and "unit" not in h.lower()
    )
    reps = next(h for h in header if h.strip().lower() in ("reps", "réps", "次"))
    return [number(r[column]) for r in rows if number(r[reps]) > 0 or is_a_hold(r)]


FILES = corpus()


def in_pounds(unit: str) -> bool:
    """The file's weights are pounds (by header, per row or by their values)."""
    return bool(re.match(r"^lbs\b", unit) or re.search(r"lb by values|in lb\)", unit))


@pytest.mark.skipif(not FILES, reason=f"the real-export corpus is not at {CORPUS}")
@pytest.mark.parametrize("name", sorted(FILES) or ["none"])
def test_a_real_export_imports_with_every_row_accounted_for(name: str, tmp_path: Path) -> None:
    rows_in_file, unit_text = FILES[name]
    unit = "lb" if in_pounds(unit_text) else "kg"  # used only when the file does not say
    path = CORPUS / name
    if name in REFUSED:
        with pytest.raises(ImportFileError, match=REFUSED[name]):
            parse(path, unit=unit)
        return
    if name in BAD_ROWS:
        with pytest.raises(ImportFileError, match="--skip-bad-rows"):
            parse(path, unit=unit)
    parsed = parse(path, unit=unit, skip_bad_rows=True)
    assert [line.split(" is ")[0] for line in parsed.bad_rows] == BAD_ROWS.get(name, [])

    stored = [s for session in parsed.sessions for s in session.sets]
    assert parsed.rows == len(stored) + sum(parsed.skipped.values()), parsed.skipped
    assert parsed.rows == rows_in_file

    raw = raw_rows(path)
    misread = sum(None in row for row in raw)  # the csv module shifts unquoted commas
    factor = KG_PER_LB if in_pounds(unit_text) else 1.0  # pounds became kilograms
    loaded = [s.weight_kg for s in stored if s.weight_kg > 0]
    loaded_in_file = [w for w in raw_weights(raw) if 0 < w * factor <= 1000]
    assert len(loaded_in_file) - len(parsed.bad_rows) - misread <= len(loaded)
    assert len(loaded) <= len(loaded_in_file) + misread
    expected = statistics.median(loaded_in_file) * factor
    assert statistics.median(loaded) == pytest.approx(expected, rel=0.02)
    kept = Counter(s.kind for s in stored if s.kind != "working")
    assert kept == raw_kinds(raw)

    store = Store.open(tmp_path / "gymtui.db")
    store.exercises.sync(PROGRAM.exercises.values())
    first = store.imports.write(parsed)
    assert store.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == len(stored)
    assert first.sessions_added == len(parsed.sessions)
    again = store.imports.write(parse(path, unit=unit, skip_bad_rows=True))
    assert again.sessions_added == 0
    assert store.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == len(stored)
    store.close()
