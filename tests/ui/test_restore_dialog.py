"""The "Restore from snapshot…" dialog: lists snapshots with date and note count and
restores one into a new file chosen by the user, never over the open workshop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from facilitator.services import snapshots as snap
from facilitator.services.workshop import WorkshopService
from facilitator.ui import errors as ui_errors
from facilitator.ui.restore_dialog import RestoreSnapshotDialog, SnapshotModel

T0 = dt.datetime(2025, 11, 5, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def with_snapshots(svc: WorkshopService) -> WorkshopService:
    for i, reason in enumerate((snap.REASON_AUTO, snap.REASON_DAY_END, snap.REASON_MANUAL)):
        for j in range(i + 1):
            svc.add_note(f"nota {i}.{j}")
        snap.take_snapshot(svc, reason, now=T0 + dt.timedelta(minutes=10 * i))
    return svc


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(ui_errors, "show_error", lambda parent, exc: shown.append(exc))
    return shown


def cell(model: SnapshotModel, row: int, col: int, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, col), role)


def test_lists_snapshots_newest_first_with_note_counts(qtbot, with_snapshots, qtmodeltester):
    dialog = RestoreSnapshotDialog(with_snapshots)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert [cell(model, r, 2) for r in range(3)] == ["6", "3", "1"]
    assert [cell(model, r, 1) for r in range(3)] == [
        "taken by hand",
        "end of day",
        "automatic, while capturing",
    ]
    local = (T0 + dt.timedelta(minutes=20)).astimezone()
    assert local.strftime("%M") in cell(model, 0, 0)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Notes"
    assert dialog.selected() is not None and dialog.selected().notes == 6
    assert dialog.restore_button.isEnabled()
    assert dialog.table.isVisibleTo(dialog) and not dialog.empty.isVisibleTo(dialog)


def test_restore_into_new_file(qtbot, with_snapshots, tmp_path, monkeypatch, errors_shown):
    svc = with_snapshots
    dialog = RestoreSnapshotDialog(svc)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)  # the end-of-day snapshot, 3 notes
    target = tmp_path / "restored.workshop"
    suggested: list[Path] = []

    def choose(s: Path) -> Path:
        suggested.append(s)
        return target

    monkeypatch.setattr(dialog, "choose_target", choose)
    with qtbot.waitSignal(dialog.restored) as signal:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(target)]
    assert dialog.restored_path == target
    assert dialog.result() == dialog.DialogCode.Accepted
    assert suggested[0].parent == svc.path.parent
    assert suggested[0].suffix == ".workshop"
    assert "restored" in suggested[0].name
    assert errors_shown == []
    with WorkshopService.open(target) as restored:
        assert len(restored.notes()) == 3
    assert len(svc.notes()) == 6  # the open workshop is untouched


def test_restore_over_existing_file_is_refused(qtbot, with_snapshots, monkeypatch, errors_shown):
    svc = with_snapshots
    dialog = RestoreSnapshotDialog(svc)
    qtbot.addWidget(dialog)
    size = svc.path.stat().st_size
    monkeypatch.setattr(dialog, "choose_target", lambda s: svc.path)
    assert dialog.restore_selected() is None
    assert len(errors_shown) == 1
    assert "already exists" in str(errors_shown[0])
    assert dialog.restored_path is None
    assert svc.path.stat().st_size == size
    assert len(svc.notes()) == 6


def test_cancelled_file_choice_restores_nothing(qtbot, with_snapshots, monkeypatch, errors_shown):
    dialog = RestoreSnapshotDialog(with_snapshots)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "choose_target", lambda s: None)
    assert dialog.restore_selected() is None
    assert errors_shown == []
    assert dialog.restored_path is None


def test_unreadable_snapshot_cannot_be_selected(qtbot, svc, qtmodeltester):
    snap.take_snapshot(svc, now=T0)
    folder = snap.snapshot_dir(svc.path)
    (folder / "test.20251105-100000-000000.auto.workshop").write_bytes(b"rubbish" * 100)
    dialog = RestoreSnapshotDialog(svc)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert cell(model, 0, 2) == "unreadable"
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags
    assert "cannot be restored" in cell(model, 0, 0, Qt.ItemDataRole.ToolTipRole)
    assert dialog.selected() is not None and dialog.selected().notes == 0
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_empty_state_and_take_snapshot_now(qtbot, svc, errors_shown):
    dialog = RestoreSnapshotDialog(svc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.empty.isVisible() and not dialog.table.isVisible()
    assert not dialog.restore_button.isEnabled()
    svc.add_note("una")
    qtbot.mouseClick(dialog.snapshot_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    assert cell(dialog.model, 0, 1) == "taken by hand"
    assert cell(dialog.model, 0, 2) == "1"
    assert dialog.table.isVisible() and not dialog.empty.isVisible()
    assert dialog.restore_button.isEnabled()
    assert errors_shown == []


def test_italian_texts(qtbot, with_snapshots):
    from facilitator.ui import i18n

    assert i18n.apply_language("it") == "it"
    try:
        dialog = RestoreSnapshotDialog(with_snapshots)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Ripristina da un'istantanea"
        assert cell(dialog.model, 1, 1) == "fine giornata"
        assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "Appunti"
    finally:
        i18n.apply_language("en")
    # LanguageChange arrives as an event: the open dialog retranslates itself.
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Restore from snapshot")
    assert dialog.restore_button.text() == "Restore into new file…"


def test_ask_returns_none_when_closed(qtbot, with_snapshots, monkeypatch):
    monkeypatch.setattr(RestoreSnapshotDialog, "exec", lambda self: 0)
    assert RestoreSnapshotDialog.ask(with_snapshots) is None
