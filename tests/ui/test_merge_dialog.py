"""File › Merge another workshop file…: the preview dialog, its Merge button, the review
list, and the window reopening the merged workshop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from facilitator.services import merging
from facilitator.services.workshop import WorkshopService
from facilitator.ui import merge_dialog
from facilitator.ui.conflicts import ConflictReview
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.main_window import MainWindow
from facilitator.ui.merge_dialog import MergeDialog
from facilitator.ui.settings import Settings
from tests.services.merge_helpers import copy, make_base

SHOTS = Path("/tmp/shots-merge")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    base = make_base(tmp_path / "base.workshop")
    a, b = copy(base, tmp_path / "laptop-a.workshop"), copy(base, tmp_path / "b.workshop")
    with WorkshopService.open(a) as svc:
        svc.add_note("Da laptop A: servono più sportelli")
        first = next(n for n in svc.notes() if n.text == "base note 1")
        svc.update_note(first.id, text="versione di A")
        svc.add_category("Rischi")
    with WorkshopService.open(b) as svc:
        first = next(n for n in svc.notes() if n.text == "base note 1")
        svc.update_note(first.id, text="versione di B")
        svc.add_category("rischi")
    return a, b


def _shot(widget: QDialog, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_the_dialog_shows_the_preview_and_merges(qtbot, pair: tuple[Path, Path]) -> None:  # noqa: ANN001
    a, b = pair
    with WorkshopService.open(b) as svc:
        preview = merging.preview(svc, a)
        dialog = MergeDialog(svc, preview)
        qtbot.addWidget(dialog)
        dialog.show()
        rows = {
            dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in (1, 2, 3)]
            for r in range(dialog.table.rowCount())
        }
        assert rows["Notes"] == ["1", "0", "1"]
        assert dialog.pairs.count() == 1 and "Rischi" in dialog.pairs.item(0).text()
        listed = [dialog.conflicts.item(i).text() for i in range(dialog.conflicts.count())]
        assert any("both versions" in t for t in listed)
        _shot(dialog, "merge-preview.png")
        dialog.merge_button.click()
        assert dialog.outcome is not None
        assert "Da laptop A: servono più sportelli" in {n.text for n in svc.notes()}
        review = ConflictReview(WorkshopDocument(svc))
        qtbot.addWidget(review)
        review.show()
        texts = {review.this_text.toPlainText(), review.other_text.toPlainText()}
        assert texts == {"versione di A", "versione di B"}
        _shot(review, "merge-review.png")
        review.close()


def test_file_menu_merge_reopens_the_merged_workshop(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    pair: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = pair
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    try:
        action = next(x for x in window.file_menu.actions() if "Merge" in x.text())
        assert not action.isEnabled()
        assert window.open_path(b)
        assert action.isEnabled()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a_, **k: (str(a), ""))
        monkeypatch.setattr(MergeDialog, "exec", lambda self: self.merge())
        monkeypatch.setattr(QMessageBox, "question", lambda *a_: QMessageBox.StandardButton.No)
        action.trigger()
        assert window.doc is not None and window.doc.service.path == b
        texts = {n.text for n in window.doc.service.notes()}
        assert "Da laptop A: servono più sportelli" in texts
        SHOTS.mkdir(exist_ok=True)
        window.grab().save(str(SHOTS / "merge-window.png"))
    finally:
        window.close()


def test_another_workshop_asks_before_importing_it_as_new(
    qtbot,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = make_base(tmp_path / "a.workshop")
    other = make_base(tmp_path / "other.workshop")
    asked: list[bool] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a_, **k: (str(other), ""))
    monkeypatch.setattr(merge_dialog, "ask_as_new", lambda parent: asked.append(True) or False)
    shown: list[BaseException] = []
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    with WorkshopService.open(a) as svc:
        assert MergeDialog.ask(svc) is None
    assert asked == [True] and len(shown) == 1
