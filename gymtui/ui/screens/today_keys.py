"""Today's keys: its bindings, and which of them the footer shows in each state."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from gymtui.core.training import PlanRow, TodayView
from gymtui.ui.feedback import EFFORT_KEYS, PAIN_TIP
from gymtui.ui.rest_keys import REST_ACTIONS, REST_KEYS, rest_key_label

TODAY_KEYS: list[BindingType] = [
    # Not a priority key: it reaches the screen through the table, as down does, so
    # "down enter" in one read logs the row below (a priority enter ran first).
    Binding("enter", "log", "Log", tooltip="Log the highlighted set (a hold: start, stop it)"),
    Binding("w", "log_warmup", "Warm-up", tooltip="Log a warm-up set (no PR, no volume)"),
    Binding("e", "edit", "Edit", tooltip="Edit the highlighted logged set"),
    Binding(
        "d",
        "delete",
        "Delete",
        tooltip="Delete the highlighted logged set (not logged yet: one planned set fewer)",
    ),
    Binding("a", "add_set", "Extra set", show=False, tooltip="Add a set beyond the plan"),
    Binding(
        "x",
        "add_exercise",
        "Add exercise",
        show=False,
        tooltip="Log an exercise not in the plan",
    ),
    Binding("f", "finish", "Finish", tooltip="Finish today's session"),
    Binding("s", "switch_day", "Switch day", tooltip="Train the other day instead"),
    Binding("u", "toggle_unit", "kg/lb", show=False, tooltip="Show weights in kg or lb"),
    Binding(
        "b",
        "body_weight",
        "Body weight",
        show=False,
        tooltip="Log today's body weight (one a day; Progress charts it)",
    ),
    Binding(
        "p",
        "plate_plan",
        "Plates",
        show=False,
        tooltip="Today's plate plan: every barbell set's plates and changes",
    ),
    *REST_KEYS,
    *EFFORT_KEYS,
    Binding("P", "pain", "Pain", show=False, tooltip=PAIN_TIP + " (p: the plate plan)"),
]
# The footer's keys, most wanted first (at 80 columns the last ones that do not fit go;
# `?` lists them all): the set in hand, the rest while it runs, the session, the rest.
FOOTER_ORDER = (
    "log",
    "delete",
    "log_warmup",
    *REST_ACTIONS,
    "switch_mode('rack')",
    "add_set",
    "finish",
    "switch_day",
    "plate_plan",
    "add_exercise",
    "switch_mode('rest')",
    "switch_mode('history')",
)


def footer_label(
    action: str, view: TodayView | None, row: PlanRow | None, rest_state: str
) -> str | bool | None:
    """What the footer shows for `action` (False: left out; None: as bound): space and +/-
    while a rest runs, w where a warm-up fits, a on a logged set, p when a set has plates."""
    if rest_state == "hold":  # a hold runs: enter stops it, s cancels it; nothing else
        return {"log": "Stop hold", "switch_day": "Cancel hold"}.get(action, False)
    rest = rest_key_label(action, rest_state, idle=False)
    if rest is not None:
        return rest
    session = view is not None and view.session is not None
    logged = row is not None and row.logged is not None and row.missing_side is None
    return {
        "log": "Edit" if logged else ("Add" if row is None else None),
        "log_warmup": warmup_fits(view, row),
        "edit": False,  # enter edits a logged row, and says so
        "delete": logged,
        "add_set": "Extra set" if logged else False,
        "finish": session,
        "switch_day": not session,
        "plate_plan": "Plates" if view is not None and view.plates else False,
        "add_exercise": "Add exercise" if row is not None else False,  # else ⏎ Add says it
        "switch_mode('rack')": "Rack" if rest_state != "idle" else False,
    }.get(action)


def warmup_fits(view: TodayView | None, row: PlanRow | None) -> bool:
    """A warm-up fits before an exercise's first working set, on a row not logged yet (on
    the warm-up ramp's rows enter logs one already)."""
    if view is None or row is None or row.logged is not None or row.ramp is not None:
        return False
    if row.skipped:  # skipped for today: k brings it back first
        return False
    return not any(s.exercise_id == row.exercise.id and s.is_working for s in view.session_sets)
