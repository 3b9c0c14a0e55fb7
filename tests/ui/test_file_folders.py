"""File choosers open in the folder last used, else Documents, never in the folder the
program was started from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from facilitator.ui import folders
from facilitator.ui.main_window import MainWindow
from facilitator.ui.plan import import_dialog
from facilitator.ui.settings import Settings


def test_choosers_start_in_documents_then_in_the_last_folder(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors,  # noqa: ANN001
) -> None:
    started_in = tmp_path / "where-the-app-was-started"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    w = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    asked: list[str] = []
    picks = iter([str(tmp_path / "lists" / "people.csv"), ""])
    (tmp_path / "lists").mkdir()

    def fake_open(parent, title, start, filters):  # noqa: ANN001, ANN202
        asked.append(start)
        return next(picks), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    assert import_dialog.ask_csv_path(w, "Import") == tmp_path / "lists" / "people.csv"
    assert asked[0] == str(folders.documents())
    assert asked[0] != os.getcwd()
    w.open_dialog()  # cancelled
    assert asked[1] == str(tmp_path / "lists")
    # Kept in the settings: a new window starts there too.
    again = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(again)
    assert folders.start_folder() == tmp_path / "lists"
