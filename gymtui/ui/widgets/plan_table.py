"""The Today table: a DataTable that is measured as soon as it is filled."""

from __future__ import annotations

from textual.widgets import DataTable


class PlanTable(DataTable[object]):
    """Today's sets. DataTable measures new rows when its queue is idle, which comes after the
    next paint; `settle` measures them at once, so the first frame (and the frame after a
    logged set) already shows them."""

    def settle(self) -> None:
        """Measure rows added since the last paint now, not on idle."""
        # Textual is pinned exactly, so these DataTable internals are stable for this release.
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)
