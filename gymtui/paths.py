"""Where gymtui keeps its data and configuration."""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import platformdirs

APP_NAME = "gymtui"
DATA_DIR_ENV = "GYMTUI_DATA_DIR"
DB_FILENAME = "gymtui.db"
PROGRAM_FILENAME = "program.toml"


class Paths(NamedTuple):
    """The data folder, the database inside it, and the config folder."""

    data_dir: Path
    config_dir: Path

    @property
    def database(self) -> Path:
        """The SQLite file that holds everything logged."""
        return self.data_dir / DB_FILENAME

    @property
    def program_file(self) -> Path:
        """A user's own program; when present it replaces the built-in one."""
        return self.config_dir / PROGRAM_FILENAME


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Work out the paths: `--data-dir`, then `GYMTUI_DATA_DIR`, then the platform default."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    data = (
        Path(chosen).expanduser()
        if chosen
        else platformdirs.user_data_path(APP_NAME, appauthor=False)
    )
    # An overridden data folder keeps its config beside it, so tests and demos never
    # read the user's own program file.
    config = data if chosen else platformdirs.user_config_path(APP_NAME, appauthor=False)
    return Paths(data_dir=data, config_dir=config)


# Body weight and training notes are nobody else's business on a shared machine: what gymtui
# creates is readable by its user alone. A folder the user made keeps the mode they gave it.
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def make_private_folder(folder: Path) -> None:
    """Create `folder` (with any missing parents) for the user alone; an existing one is left
    as it is."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)


@contextlib.contextmanager
def private_files() -> Iterator[None]:
    """Files and folders created inside (SQLite's database, -wal, -shm, a backup's copy) are
    for the user alone: umask 077 for the duration."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def write_private(path: Path, data: bytes) -> None:
    """Write a new file readable by the user alone; every write checked, flushed to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
