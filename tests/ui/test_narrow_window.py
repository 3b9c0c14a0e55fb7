"""A laptop mirrored on a 1024×768 projector: every tab of the window fits the screen's
width, in Italian (the longer labels) and in English. A tab whose toolbar or buttons
demanded more made the whole window wider than the screen, its right edge out of sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_helpers import main_tabs, open_window

from facilitator.ui.i18n import apply_language

SCREEN = 1024


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_tab_fits_a_1024_pixel_screen(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, lang: str
) -> None:
    assert apply_language(lang) == lang
    try:
        window = open_window(qtbot, tmp_path, demo_path, (SCREEN, 740))
        tabs = main_tabs(window)
        too_wide = {}
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()  # built on first show, laid out
            needed = window.minimumSizeHint().width()
            if needed > SCREEN or window.width() > SCREEN:
                too_wide[tabs.tabText(i)] = max(needed, window.width())
        assert too_wide == {}
        window.close()
    finally:
        apply_language("en")
