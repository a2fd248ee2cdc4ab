"""The export formats gymtui reads: one list, for the importers and the command line (which
must not load the importers to build its parser)."""

from typing import Literal

Format = Literal["strong", "hevy", "fitnotes", "fitbod", "gymtui"]
FORMATS: tuple[Format, ...] = ("strong", "hevy", "fitnotes", "fitbod", "gymtui")
