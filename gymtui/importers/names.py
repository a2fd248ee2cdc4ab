"""Exercise names from other apps: how they are tidied and compared, and the alias table."""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from importlib import resources

_INNER_SPACE = re.compile(r"\(\s+|\s+\)")


@functools.lru_cache(maxsize=4096)  # an export repeats a few hundred names on every row
def tidy_name(name: str) -> str:
    """A name as it is kept: no control characters (an escape sequence in an export must not
    reach the terminal), spaces squeezed, none just inside brackets ("Curl (barbell )")."""
    printable = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in name
    )
    squeezed = " ".join(printable.split())
    return _INNER_SPACE.sub(lambda m: m.group().strip(), squeezed)


def normalise_name(name: str) -> str:
    """Lower case with spaces squeezed: how exercise names are compared."""
    return " ".join(name.lower().split())


def same_name(name: str) -> str:
    """The key two exercise names share when they are the same exercise."""
    return normalise_name(tidy_name(name))


def aliases() -> dict[str, str]:
    """Other apps' exercise names mapped onto the catalogue."""
    text = resources.files("gymtui.data").joinpath("aliases.toml").read_text(encoding="utf-8")
    return {same_name(k): v for k, v in tomllib.loads(text)["aliases"].items()}
