"""Errors that reach the user as a clear message instead of a traceback."""

from datetime import datetime


class GymtuiError(Exception):
    """A problem the user can act on; `str()` is the whole message shown to them."""


class DataFolderError(GymtuiError):
    """The data folder cannot be created or written."""


class DatabaseFileError(GymtuiError):
    """The database file is not one gymtui can open (corrupt, foreign, or newer)."""


class ProgramError(GymtuiError):
    """A program file is malformed: the message names the file, the entry and the problem."""


class Refused(GymtuiError):
    """A change that does not apply as asked (nothing left to skip, nothing to undo): the
    message says why; the file is as it was."""


class InvalidValue(ValueError):
    """A value typed by the user is not acceptable; `str()` says why, for the dialog."""


class StaleSession(GymtuiError):
    """The session a window showed has ended or changed meanwhile; nothing was saved."""


class DatabaseUnreadable(GymtuiError):
    """The database could not be read just now (its -wal deleted, the disk gone, ...)."""


class ImportRunning(GymtuiError):
    """A `gymtui import` holds the database for its one transaction: nothing was saved, and
    waiting for it would freeze the window for as long as the import takes."""

    def __init__(self, started: datetime) -> None:
        self.started = started
        super().__init__(self.saying("nothing was saved; do it again"))

    def saying(self, what: str) -> str:
        """The message, with what was not done and what to do, e.g. 'the set was not saved;
        log it again'."""
        started = f"{self.started:%H:%M}"
        return f"An import is running (gymtui import, started {started}): {what} when it ends."
