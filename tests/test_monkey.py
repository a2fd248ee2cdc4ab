"""The monkey, briefly: random keys and clock jumps through the app (benchmarks/monkey.py runs
100,000). Alive, integrity_check ok, every stored set valid, after every hundred keys."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from monkey import run_monkey


@pytest.mark.parametrize("seed", [0, 1])
async def test_random_keys_never_crash_or_store_a_bad_set(tmp_path: Path, seed: int) -> None:
    report = await run_monkey(tmp_path / "data", seed, keys=300)
    assert report.problems == []
    assert report.keys >= 300 and report.checks >= 3
