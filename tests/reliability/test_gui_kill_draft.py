"""The GUI is killed (SIGKILL) while a note-taker is typing: on the next start the unsent
text is back in the capture box, with its category and speaker."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings
from tests.ui.live_helpers import build_workshop

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sqlite3, sys
    import facilitator.ui.qtfix  # noqa: F401
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.settings import Settings

    path, ini = sys.argv[1], sys.argv[2]
    app = QApplication([])
    window = MainWindow(Settings(ini))
    window.show()
    assert window.open_path(path)
    live = window.live
    QTest.keyClick(live.capture, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    live.speaker_edit.setText("Anna Rossi")
    QTest.keyClicks(live.capture, "bozza mai inviata")
    watcher = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def poll():
        row = watcher.execute("SELECT text FROM drafts").fetchone()
        if row and row[0] == "bozza mai inviata":
            print("DRAFT-SAVED", flush=True)
            return  # keep running: the parent kills us
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    app.exec()
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_while_typing_restores_the_draft(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    path = tmp_path / "live.workshop"
    build_workshop(path)
    ini = tmp_path / "settings.ini"
    settings = Settings(ini)
    settings.set_note_taker("Chiara")
    settings.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(ini)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    ) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.strip() == "DRAFT-SAVED", child.stderr.read() if child.stderr else ""
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    # The file is consistent after the kill, and the note was never committed.
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("SELECT count(*) FROM notes WHERE text LIKE 'bozza%'").fetchone()[0] == 0
        )
    finally:
        conn.close()

    window = MainWindow(Settings(ini))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    live = window.live
    assert live.capture.toPlainText() == "bozza mai inviata"
    assert live.speaker_edit.text() == "Anna Rossi"
    assert live.category_id == window.doc.service.categories()[2].id
    window.close()
