"""Start the window: QApplication, translators, settings, the main window.

``run_gui(["path/to/file.workshop"])`` opens that file; ``--quit-after-paint`` quits
right after the main window's first paint (for start-up benchmarks).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from facilitator import __version__
from facilitator.ui import i18n
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings


class _QuitAfterPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.app.quit)
        return False


def run_gui(args: list[str]) -> int:
    quit_after_paint = "--quit-after-paint" in args
    positional = [a for a in args if not a.startswith("-")]
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "facilitator"])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Facilitator")
    app.setApplicationName("Facilitator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("facilitator")
    settings = Settings()
    i18n.apply_language(settings.language())
    window = MainWindow(settings)
    if quit_after_paint:
        window.installEventFilter(_QuitAfterPaint(app))
    if positional:
        window.open_path(positional[0])
    window.show()
    code = int(app.exec())
    # Quit without the window's close (--quit-after-paint, a session ending): the file
    # is still closed as the window would, so that its seal is written (storage/seal.py).
    window.close_document()
    return code
