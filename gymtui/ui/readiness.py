"""The readiness check before a session's first set: asked once, its answers on disk before
the set dialog opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from gymtui.core.readiness import Readiness
from gymtui.ui.host import host_of
from gymtui.ui.writes import write


def ask_readiness(screen: Screen[Any], then: Callable[[], None]) -> bool:
    """When the check is due (on, and not yet answered for the session about to start), ask
    it, save the answers, then go on with `then`; False when it is not due."""
    from gymtui.ui.dialogs.base import ask
    from gymtui.ui.dialogs.readiness import ReadinessDialog

    host = host_of(screen)
    if not host.gym.coach.readiness_due(host.gym.today()):
        return False

    def answered(answers: Readiness | None) -> None:
        answers = answers or Readiness(None, None)
        saved = write(host, lambda: host.gym.coach.answer_readiness(*answers))
        if not saved.saved:
            return
        if answers.answered:
            host.notify(answers.text(), markup=False)
        then()

    ask(screen, ReadinessDialog(), answered)
    return True
