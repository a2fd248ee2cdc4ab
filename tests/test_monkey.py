"""The monkey, briefly: random keys and clock jumps through the app (benchmarks/monkey.py runs
100,000). Alive, integrity_check ok, every stored set valid, after every hundred keys."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from monkey import run_monkey


@pytest.mark.parametrize(
    ("seed", "keys"),
    [
        (0, 800),  # at 736: `enter f e escape w` on the exercise list (NoMatches '#name')
        (1, 300),
        (5, 800),  # at 782: `enter escape` on a session's exercise picker ended the app
    ],
)
async def test_random_keys_never_crash_or_store_a_bad_set(
    tmp_path: Path, seed: int, keys: int
) -> None:
    report = await run_monkey(tmp_path / "data", seed, keys=keys)
    assert report.problems == []
    assert report.keys >= keys and report.checks >= keys // 100
