"""Where file choosers open: the folder last used in one of them, else Documents (never
the folder the program happened to be started from)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from facilitator.ui.settings import Settings

_settings: Settings | None = None


def use(settings: Settings) -> None:
    """The settings the last folder is kept in (the main window's)."""
    global _settings
    _settings = settings


def documents() -> Path:
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(loc) if loc else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder() -> Path:
    last = _settings.last_folder() if _settings is not None else ""
    if last and Path(last).is_dir():
        return Path(last)
    return documents()


def remember(path: Path | str) -> None:
    """A file was chosen: its folder is where the next chooser opens."""
    if _settings is None or not str(path):
        return
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    _settings.set_last_folder(str(folder))
