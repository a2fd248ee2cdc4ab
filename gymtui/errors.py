"""Errors that reach the user as a clear message instead of a traceback."""


class GymtuiError(Exception):
    """A problem the user can act on; `str()` is the whole message shown to them."""


class DataFolderError(GymtuiError):
    """The data folder cannot be created or written."""


class DatabaseFileError(GymtuiError):
    """The database file is not one gymtui can open (corrupt, foreign, or newer)."""


class ProgramError(GymtuiError):
    """A program file is malformed: the message names the file, the entry and the problem."""


class InvalidValue(ValueError):
    """A value typed by the user is not acceptable; `str()` says why, for the dialog."""


class StaleSession(GymtuiError):
    """The session a window showed has ended or changed meanwhile; nothing was saved."""


class DatabaseUnreadable(GymtuiError):
    """The database could not be read just now (its -wal deleted, the disk gone, ...)."""
