"""A screenshot from the palette: saved where there is a place for it, and said where."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from gymtui.ui.text import shown


def save_screenshot_in(
    app: App[None], fallback: Path, filename: str | None, path: str | None, time_format: str | None
) -> str | None:
    """Save an SVG of the screen and say where. Textual's own saves to ~/Downloads, which
    many machines lack ("Failed"): this uses it when it exists, else `fallback`."""
    from platformdirs import user_downloads_path

    downloads = user_downloads_path()
    folder = Path(path) if path else downloads if downloads.is_dir() else fallback
    try:
        folder.mkdir(parents=True, exist_ok=True)
        saved = app.save_screenshot(filename, str(folder), time_format)
    except OSError as problem:
        app.notify(
            shown(f"Could not save the screenshot in {folder}: {problem.strerror}."),
            title="Screenshot",
            severity="error",
            markup=False,
        )
        return None
    app.notify(shown(f"Saved {saved}"), title="Screenshot", markup=False)
    return saved
