"""Correcting a logged set, from Today or a History session: edit it in the set dialog, or
delete it once confirmed. Every view redraws from the `data_changed` the write publishes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gymtui.core.models import Exercise, LoggedSet, SetInput
from gymtui.core.values import format_done
from gymtui.gym.plan_edits import UNDO_S
from gymtui.ui.dialogs.base import ask
from gymtui.ui.host import host_of
from gymtui.ui.text import shown
from gymtui.ui.writes import write

if TYPE_CHECKING:
    from textual.screen import Screen


def edit_set(screen: Screen[Any], exercise: Exercise, logged: LoggedSet) -> None:
    """The set dialog on a logged set, every field as stored; saved, it says so."""
    from gymtui.ui.dialogs.set_dialog import SetDialog, edit_request

    host = host_of(screen)
    gym = host.gym

    def done(entry: SetInput | None) -> None:
        if (
            entry is not None
            and write(host, lambda: gym.corrections.edit_set(logged.id, entry)).saved
        ):
            host.notify("Set updated.")

    ask(screen, SetDialog(edit_request(exercise, logged, gym.settings.unit)), done)


def delete_set(screen: Screen[Any], exercise: Exercise, logged: LoggedSet) -> None:
    """Ask, then delete a logged set; deleted, it says which."""
    from gymtui.ui.dialogs.confirm import ConfirmDialog

    host = host_of(screen)
    gym = host.gym
    what = f"{exercise.name} {format_done(logged, gym.settings.unit)}"

    def done(yes: bool | None) -> None:
        if yes and write(host, lambda: gym.corrections.delete_set(logged.id)).saved:
            undo = gym.plan.undo
            said = f"{undo.text} ({what.removeprefix(exercise.name + ' ')})" if undo else what
            host.notify(shown(f"{said} · z to undo"), timeout=UNDO_S, markup=False)

    ask(screen, ConfirmDialog(f"Delete {what}? z undoes it for {UNDO_S:g} s."), done)
