"""A set's effort and pain marks, and a session's, as History's tables show them."""

from __future__ import annotations

from rich.text import Text

from gymtui.core.models import LoggedSet
from gymtui.core.pain import PAIN_MARK, read_pain


def set_marks_cell(logged: LoggedSet) -> Text:
    """The RPE column of a session's set: `8`, `8 ⚡knee!` (sharp), `⚡hip`."""
    cell = Text(f"{logged.rpe:g}" if logged.rpe else "")
    pain = read_pain(logged.pain)
    if pain is not None:
        cell.append(f"{' ' if cell else ''}{pain.short}", style="bold red")
    return cell


def session_marks_cell(has_pr: bool, has_pain: bool) -> Text:
    """The sessions list's marks: `★ PR`, `⚡` for a session with a pain mark, or both."""
    cell = Text("★ PR", style="bold yellow") if has_pr else Text()
    if has_pain:
        cell.append(f"{' ' if has_pr else ''}{PAIN_MARK}", style="bold red")
    return cell
