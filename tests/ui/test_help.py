"""Help: F1 shows a keyboard cheat sheet built from ui/actions.py (a new shortcut appears
in it without anyone writing it down) and a short first-workshop guide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence

from facilitator.ui import actions as hotkeys
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings


def test_f1_shows_every_shortcut_of_the_window(qtbot, tmp_path: Path, shown_errors) -> None:  # noqa: ANN001
    w = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.menu_actions.keyboard_help.shortcut() == QKeySequence("F1")
    w.menu_actions.keyboard_help.trigger()
    dialog = w.help_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    declared = [
        a
        for a in vars(w.menu_actions).values()
        if isinstance(a, QAction) and not a.shortcut().isEmpty()
    ]
    assert len(declared) >= 15
    for action in declared:
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in text
        assert action.text().replace("&", "") in text
    for key in (hotkeys.PIN_CATEGORY, hotkeys.MAKE_ACTION, "Shift+Enter", "Ctrl+1"):
        assert key in text
    dialog.close()


def test_the_first_workshop_guide(qtbot, tmp_path: Path, shown_errors) -> None:  # noqa: ANN001
    w = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    assert w.menu_actions.first_workshop in w.help_menu.actions()
    dialog = w.show_first_workshop()
    text = dialog.browser.toPlainText()
    for word in ("New workshop", "Plan", "Live", "F6", "Export minutes"):
        assert word in text
    assert text.count("\n") >= 6
    dialog.close()
