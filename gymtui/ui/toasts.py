"""Toasts that never cover a dialog's fields: they wait for it to close."""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notification, SeverityLevel
from textual.screen import ModalScreen


class ToastApp(App[None]):
    """An App whose toasts wait while a dialog with fields is open."""

    def __init__(self) -> None:
        super().__init__()
        self._held: list[Notification] = []  # toasts waiting for a dialog to close

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast. While a dialog is open it waits for the dialog to close, so that it never
        covers the fields being typed into (the bell and desktop alert still sound at once).
        A dialog without fields (TOASTS = True) shows them at once."""
        screen = self.screen
        waits = not getattr(screen, "closing", False) and not getattr(screen, "TOASTS", False)
        if isinstance(screen, ModalScreen) and waits:
            wait = timeout if timeout is not None else self.NOTIFICATION_TIMEOUT
            self._held.append(Notification(message, title, severity, wait, markup))
        else:  # no dialog, or one already closing (its result is being handled)
            self.release_toasts()  # any that waited are older: they go first
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def hide_toasts(self) -> None:
        """A dialog opens: toasts leave its fields. A warning or a titled toast (a PR, the
        rest's end) comes back when it closes; a confirmation ("Saved: ...") goes."""
        # Private name 3 of 3: the toasts on screen, which Textual does not list publicly
        # (tests/test_startup.py fails when a warning no longer comes back after a dialog).
        self._held += [t for t in self._notifications if t.severity != "information" or t.title]
        self.clear_notifications()

    def release_toasts(self) -> None:
        """Show the toasts that waited for a dialog (a screen is back on top)."""
        held, self._held = self._held, []
        for toast in held:
            self.notify(
                toast.message,
                title=toast.title,
                severity=toast.severity,
                timeout=toast.timeout,
                markup=toast.markup,
            )
