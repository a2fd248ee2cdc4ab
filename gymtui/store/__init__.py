"""The SQLite file: the only package that talks to SQLite (and to sqlite-utils)."""

from gymtui.errors import StaleSession
from gymtui.store.base import StorageError
from gymtui.store.imports import ImportSummary
from gymtui.store.store import Store

__all__ = [
    "ImportSummary",
    "StaleSession",
    "StorageError",
    "Store",
]
