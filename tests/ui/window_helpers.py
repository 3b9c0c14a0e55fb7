"""The main window on a real workshop file, as a user opens it: shown at a size, the file
open, and a tab chosen by its (translated) title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings


def open_window(
    qtbot: QtBot, tmp_path: Path, path: Path, size: tuple[int, int] | None = None
) -> MainWindow:
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    assert window.open_path(path)
    return window


def main_tabs(window: MainWindow) -> QTabWidget:
    """The window's own tabs (Live, Plan, Themes…), not a screen's inner ones."""
    return max(window.findChildren(QTabWidget), key=lambda t: t.count())


def show_tab(tabs: QTabWidget, title_start: str) -> None:
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.tabText(i).startswith(title_start))
    )
