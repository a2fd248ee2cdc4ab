"""The Rest screen: the countdown in large digits, what comes next, and the set just done."""

from __future__ import annotations

from functools import cached_property

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from gymtui.core.models import SetInput, SetKind
from gymtui.core.pain import read_pain
from gymtui.core.rest import RestLengths, RestView, fallback_rest
from gymtui.core.supersets import DEFAULT_SUPERSET_REST_S
from gymtui.core.values import format_set
from gymtui.ui.css import css_beside
from gymtui.ui.dialogs.base import ask
from gymtui.ui.dialogs.set_dialog import SetDialog, set_request
from gymtui.ui.feedback import EFFORT_KEYS, PAIN_KEYS, effort_hint, note_pain, rate
from gymtui.ui.holds import cancel_hold, start_hold, stop_hold
from gymtui.ui.readiness import ask_readiness
from gymtui.ui.rest_keys import REST_ACTIONS, REST_KEYS, adjust, pause_or_start, rest_key_label
from gymtui.ui.screens.base import GymScreen
from gymtui.ui.sets import log_set
from gymtui.ui.text import markup
from gymtui.ui.widgets.key_bar import KeyBar
from gymtui.ui.widgets.rest_bar import RestBar
from gymtui.ui.widgets.rest_digits import RestDigits
from gymtui.ui.widgets.rest_status import RestStatus
from gymtui.ui.writes import write


class RestScreen(GymScreen):
    """Time the rest between sets."""

    DEFAULT_CSS = css_beside(__file__, "rest.tcss")

    BINDINGS = [
        *REST_KEYS,
        Binding("s", "skip", "Skip", tooltip="End the rest now (during a hold: cancel it)"),
        Binding(
            "enter",
            "log_next",
            "Log",
            priority=True,
            tooltip="Log the next set from here (a hold: start it; during one: stop and save it)",
        ),
        Binding(
            "l",
            "lengths",
            "Lengths",
            tooltip="Set rest lengths: this exercise, warm-ups",
        ),
        *EFFORT_KEYS,
        *PAIN_KEYS,
    ]
    # The footer's keys, most wanted first: at 80 columns h History is the one left out
    FOOTER_ORDER = (
        *REST_ACTIONS,
        "skip",
        "log_next",
        "switch_mode('rack')",
        "switch_mode('today')",
        "lengths",
    )

    _ready = False  # the tick can arrive while the screen is still being composed
    _last_cache: tuple[int | None, str, Content] | None = None
    _state = ""  # the rest's state as the footer last showed it
    _drawn: dict[str, object]  # what each widget shows: a tick that changes nothing draws nothing

    def compose(self) -> ComposeResult:
        # Straight on the screen, no container: every frame renders each visible widget's
        # lines again (Textual's compositor), so each container costs at every second. The
        # digits centre themselves, the bar's line is centred in it, the screen centres the
        # lines in its height, and the status and keys lines are docked at its foot.
        yield Static(id="rest-state")
        yield RestDigits("0:00", id="rest-digits")
        yield RestBar(id="rest-bar")
        yield Static(id="rest-next")
        yield Static(id="rest-plates")
        yield Static(id="rest-last")
        yield RestStatus(id="rest-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self._ready = True
        self._drawn = {}
        self.redraw()

    def data_changed(self) -> None:
        self._last_cache = None
        self.redraw()

    def redraw(self) -> None:
        """Recompute the rest from the clock and show it."""
        self.show_rest(self.gym.rest_view())

    def footer_key(self, action: str) -> str | bool | None:
        """Space says what it does now; +/- only while a rest runs (KeyBar asks)."""
        state = self._state
        if state == "hold":  # enter stops the hold, s cancels it, nothing else acts
            return {"log_next": "Stop hold", "skip": "Cancel hold"}.get(action, False)
        if action == "skip":
            return state != "idle"
        if action == "switch_mode('rack')":
            return "Rack"
        return rest_key_label(action, state, idle="Start rest")

    def _follow_state(self, view: RestView) -> None:
        """What Rest and the rack view share: the state's classes and the footer's keys."""
        self.set_class(view.state == "over", "-over")
        self.set_class(view.state == "paused", "-paused")
        if view.state != self._state:
            self._state = view.state
            self.refresh_bindings()

    def show_rest(self, view: RestView) -> None:
        super().show_rest(view)
        if not self._ready:
            return
        self._follow_state(view)
        if self._changed("#rest-state", view.headline):
            self.query_one("#rest-state", Static).update(view.headline)
        if self._changed("#rest-digits", view.digits):
            self.query_one("#rest-digits", RestDigits).update(view.digits)
        total = max(view.length_s, 1.0)
        cells = self._bar_cells()
        bar = self._bar
        if not cells:  # not laid out yet
            bar.update(total=total, progress=view.done_s)
        elif self._changed("#rest-bar", (cells, filled := int(view.shown_done_s / total * cells))):
            # Whole cells: the bar moves, and the screen is drawn, once a cell, not each half
            # cell. A quarter cell more, so that Textual's rounding cannot take half a cell off.
            bar.update(total=cells, progress=filled + 0.25)
        nxt = view.next_up or "Nothing planned: add an exercise on Today (t, then x)"
        if self._changed("#rest-next", nxt):
            label = "Now" if view.state == "hold" else "Next"
            self.query_one("#rest-next", Static).update(
                markup("[b]$label:[/b] $next", label=label, next=nxt)
            )
        if self._changed("#rest-plates", view.next_plates):
            # a bar's plates ("Plates 100 kg: ..."); dumbbells and a stack name themselves
            label = "" if view.next_plates[:1].isalpha() else "[b]Plates[/b] "
            plates = markup(label + "$plates", plates=view.next_plates)
            self.query_one("#rest-plates", Static).update(plates if view.next_plates else "")
        last = self._last_text(view.after_set_id)
        if self._changed("#rest-last", last):
            self.query_one("#rest-last", Static).update(last)

    def _changed(self, key: str, shown: object) -> bool:
        """True, and remembered, when `shown` is not what `key` shows already."""
        if key in self._drawn and self._drawn[key] == shown:
            return False
        self._drawn[key] = shown
        return True

    @cached_property
    def _bar(self) -> RestBar:
        return self.query_one("#rest-bar", RestBar)

    def _bar_cells(self) -> int:
        return self._bar.cells

    def _last_text(self, set_id: int | None) -> Content:
        """The "Last:" line, read from the file once per set, not at every redraw."""
        settings = self.gym.settings
        unit = settings.unit
        if self._last_cache is not None and self._last_cache[:2] == (set_id, unit):
            return self._last_cache[2]
        last = self.gym.find_set(set_id)
        text = Content.from_markup("[dim]No set logged yet.[/]")
        if last is not None:
            name = self.gym.exercises.get(last.exercise_id).name
            done = format_set(last.weight_kg, last.reps, unit, seconds=last.seconds)
            at = last.logged_at.strftime("%H:%M")
            pain = read_pain(last.pain)
            marks = (f" · @{last.rpe:g}" if last.rpe else "") + (f" {pain.short}" if pain else "")
            keys = (
                f"   {effort_hint(settings.effort_scale)}"
                if last.is_working and not last.is_hold
                else ""
            )
            text = markup(
                "[b]Last:[/b] $name $done at $at$marks[dim]$keys[/]",
                name=name,
                done=done,
                at=at,
                marks=marks,
                keys=keys,
            )
        self._last_cache = (set_id, unit, text)
        return text

    def action_rate(self, key: str) -> None:
        """A digit rates the set just done (the session's latest working set)."""
        rate(self, key)

    def action_pain(self) -> None:
        note_pain(self)

    def action_pause(self) -> None:
        """Pause or resume; with no rest running, start one after the last set."""
        pause_or_start(self.host)

    def action_adjust(self, sign: int) -> None:
        adjust(self.host, sign)

    def action_skip(self) -> None:
        if cancel_hold(self.host):
            return
        write(self.host, self.gym.rest_skip)

    def action_lengths(self) -> None:
        from gymtui.ui.dialogs.rest_lengths import RestLengthsDialog

        gym = self.gym
        last = gym.find_set(gym.timer.after_set_id)
        exercise = gym.exercises.get(last.exercise_id) if last else None
        fallback = fallback_rest(exercise, gym.settings.rest_default_s)
        current = gym.rest_lengths(exercise.id if exercise else None)

        def done(lengths: RestLengths | None) -> None:
            if lengths is None:
                return
            exercise_id = exercise.id if exercise else None
            if write(self.host, lambda: gym.set_rest_lengths(exercise_id, lengths)).saved:
                self.notify("Rest lengths saved; they apply from the next set.")

        superset = gym.program.superset_rest_s or DEFAULT_SUPERSET_REST_S  # what blank means
        ask(self, RestLengthsDialog(exercise, current, fallback, superset), done)

    def action_log_next(self) -> None:
        if stop_hold(self.host):
            return
        gym = self.gym
        view = gym.refresh()
        row = view.next_row
        if row is None:
            self.notify("No planned set left: add one on Today (t).", severity="warning")
            return
        if ask_readiness(self, self.action_log_next):  # the session's first set, from here
            return
        if row.timed:
            start_hold(self.host, self, row)
            return

        def done(entry: SetInput | None) -> None:
            if entry is not None:
                log_set(self.host, entry)  # the screen redraws from the data_changed

        kind: SetKind = "warmup" if row.ramp is not None else "working"  # as enter on Today
        ask(self, SetDialog(set_request(view, row, kind, gym.settings.unit)), done)
