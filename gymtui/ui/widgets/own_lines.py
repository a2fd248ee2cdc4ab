"""Widgets that hand Textual's compositor their lines themselves."""

from __future__ import annotations

from typing import Self

from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class OwnLines(Widget):
    """Textual's compositor asks, at every frame that meets a widget, for all its lines, each
    put through the styles cache (borders, padding, tint, opacity) and the app's line filters.
    A widget drawn by render_line with none of those (the rest's digits, its bar, the rack
    view's clock) keeps the same strips the styles cache would make of its render_line's, as
    a list, until what it shows (`lines_key`), its size, its colours or the filters change;
    with a border, padding, tint or opacity the styles cache draws it as before."""

    _own_lines: tuple[tuple[object, ...], list[Strip]] | None = None
    _filter_background: Color | None = None  # the background the line filters are given

    def lines_key(self) -> tuple[object, ...]:
        """What the lines show, besides the size and the colours."""
        raise NotImplementedError

    def render_lines(self, crop: Region) -> list[Strip]:
        styles = self.styles
        if (
            self.BLANK
            or any(kind for kind, _ in styles.border)
            or any(kind for kind, _ in styles.outline)
            or any(styles.padding)
            or styles.tint.a
            or styles.opacity != 1
            or styles.text_opacity != 1
        ):
            return super().render_lines(crop)
        width, height = self.size
        filters = tuple(self.get_line_filters())
        key = (self.lines_key(), width, height, filters)
        if self._own_lines is None or self._own_lines[0] != key:
            background = self._filter_background
            if background is None:
                background = self._filter_background = self.background_colors[1]
            lines = []
            for y in range(height):
                strip = self.render_line(y)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                lines.append(strip)
            self._own_lines = (key, lines)
        drawn = self._own_lines[1][crop.y : crop.bottom]
        if crop.column_span != (0, width):
            return [strip.crop(crop.x, crop.right) for strip in drawn]
        return drawn

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if repaint and not regions:  # all of it (a new bar cell, component colours, a resize)
            self._own_lines = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._own_lines = None  # new colours (running, paused, over, a flash, a theme)
        self._filter_background = None
