"""Shared fixtures: a temporary data folder for every test, a fake clock, an app factory."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gymtui.core.rest import ManualClock
from gymtui.paths import DATA_DIR_ENV, Paths, resolve_paths

START = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)


class FakeClock(ManualClock):
    """The test clock: starts at START."""

    def __init__(self, wall: datetime = START, steady: float = 10_000.0) -> None:
        super().__init__(wall, steady)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder, never the user's, and UTC times."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield folder
    os.environ.pop("TZ", None)
    time.tzset()


@pytest.fixture
def paths(data_dir: Path) -> Paths:
    return resolve_paths()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
