"""The lifter's word on a set in one key, on Today, Rest and the rack view: a digit rates the
set's effort (RPE 6 7 8 9 0, or reps in reserve 4 3 2 1 0, as set), and p (P on Today, where
p is the plate plan) notes pain: where, then how bad, a key each."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from gymtui.core.effort_scale import KEY_HINT, EffortScale
from gymtui.core.pain import JOINT_KEYS, JOINT_NAMES, LEVEL_KEYS, Pain, read_pain
from gymtui.errors import Refused
from gymtui.ui.dialogs.base import ask
from gymtui.ui.dialogs.choice import ChoiceDialog
from gymtui.ui.host import host_of
from gymtui.ui.text import shown
from gymtui.ui.writes import write

# A digit each, left out of the footer and the palette (the help says them in one row)
EFFORT_KEYS: list[BindingType] = [
    Binding(digit, f"rate('{digit}')", "", show=False) for digit in "0123456789"
]
PAIN_TIP = "Note pain on the set just done: where (k knee, h hip, b back, o other), m mild, s sharp"
PAIN_KEYS: list[BindingType] = [Binding("p", "pain", "Pain", show=False, tooltip=PAIN_TIP)]
EFFORT_HELP = (
    "0-9",
    "Rate the set just done: RPE 6 7 8 9, 0 = 10; on the reps in reserve scale (palette: "
    "Effort scale) 4 3 2 1 0. Again: re-rate",
)
WHERE = [(key, JOINT_NAMES[joint] or "other") for key, joint in JOINT_KEYS.items()]
HOW: list[tuple[str, str]] = [(key, str(level)) for key, level in LEVEL_KEYS.items()]


def effort_hint(scale: EffortScale) -> str:
    """`6-9 0 effort · p pain`: the keys after a set, for a line under it."""
    return f"{KEY_HINT[scale]} effort · p pain"


def rate(screen: Screen[Any], key: str, set_id: int | None = None) -> None:
    """Rate the set (`set_id`, else the session's latest working set) with a digit."""
    host = host_of(screen)
    done = write(host, lambda: host.gym.feedback.rate(key, set_id))
    if done.saved:
        host.notify(shown(done.value), markup=False)


class PainDialog(ChoiceDialog):
    """A pain question: one key an answer, escape cancels (enter picks nothing: it is the
    key that logs a set, and a bounce must not say "knee")."""

    def action_pick_first(self) -> None:
        return


def note_pain(screen: Screen[Any], set_id: int | None = None) -> None:
    """Ask where the set hurt, then how bad, and note it (a marked set: c clears the mark)."""
    host = host_of(screen)
    feedback = host.gym.feedback
    try:
        target = feedback.target(set_id)
    except Refused as why:
        host.notify(shown(str(why)), severity="warning", markup=False)
        return
    what = feedback.describe(target)
    marked = read_pain(target.pain)
    where = list(WHERE)
    if marked is not None:
        where.append(("c", f"clear ({marked.text})"))

    def saved(pain: Pain | None) -> None:
        done = write(host, lambda: feedback.mark_pain(target.id, pain))
        if done.saved:
            host.notify(shown(done.value), markup=False)

    def how(joint_key: str | None) -> None:
        if joint_key is None:
            return
        if joint_key == "c":
            saved(None)
            return
        joint = JOINT_KEYS[joint_key]
        name = JOINT_NAMES[joint] or "Other"
        question = f"{name[:1].upper()}{name[1:]} pain on {what}: how bad?"

        def level(level_key: str | None) -> None:
            if level_key is not None:
                saved(Pain(joint, LEVEL_KEYS[level_key]))

        ask(screen, PainDialog(question, HOW), level)

    ask(screen, PainDialog(f"Pain on {what}: where?", where), how)
