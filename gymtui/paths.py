"""Where gymtui keeps its data and configuration."""

import os
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
