""" "Restore from snapshot…": list the automatic snapshots of the open workshop and
restore one into a NEW file (never over the open one).

``RestoreSnapshotDialog.ask(service, parent)`` returns the path of the restored file
(to open it), or None. Errors go through ``facilitator.ui.errors.show_error``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.errors import FacilitatorError
from facilitator.services import snapshots as snap
from facilitator.services.workshop import WorkshopService
from facilitator.storage.file import SUFFIX
from facilitator.ui import errors as ui_errors

_Index = QModelIndex | QPersistentModelIndex


def reason_label(reason: str) -> str:
    if reason == snap.REASON_AUTO:
        return QCoreApplication.translate("RestoreSnapshotDialog", "automatic, while capturing")
    if reason == snap.REASON_DAY_END:
        return QCoreApplication.translate("RestoreSnapshotDialog", "end of day")
    if reason == snap.REASON_MANUAL:
        return QCoreApplication.translate("RestoreSnapshotDialog", "taken by hand")
    if reason == snap.REASON_MERGE:
        return QCoreApplication.translate("RestoreSnapshotDialog", "before merging another file")
    return reason


def local_time_text(when: dt.datetime) -> str:
    qdt = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


class SnapshotModel(QAbstractTableModel):
    """The snapshots of one workshop, newest first: taken, why, notes."""

    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[snap.Snapshot] = []

    def set_snapshots(self, rows: list[snap.Snapshot]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def snapshot(self, row: int) -> snap.Snapshot:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].usable:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("RestoreSnapshotDialog", "Taken")
        if section == 1:
            return QCoreApplication.translate("RestoreSnapshotDialog", "Why")
        if section == 2:
            return QCoreApplication.translate("RestoreSnapshotDialog", "Notes")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return local_time_text(s.taken_at)
            if col == 1:
                return reason_label(s.reason)
            if col == 2:
                return (
                    str(s.notes)
                    if s.notes is not None
                    else QCoreApplication.translate("RestoreSnapshotDialog", "unreadable")
                )
        elif role == Qt.ItemDataRole.ToolTipRole:
            if s.problem:
                return QCoreApplication.translate(
                    "RestoreSnapshotDialog", "This snapshot cannot be restored: %1"
                ).replace("%1", s.problem)
            return str(s.path)
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.UserRole:
            return str(s.path)
        return None


class RestoreSnapshotDialog(QDialog):
    """Lists the snapshots of ``service``'s workshop; restores one into a new file."""

    restored = Signal(str)

    def __init__(self, service: WorkshopService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.restored_path: Path | None = None
        self.model = SnapshotModel(self)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(0, 12, 0, 0)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton()
        self.snapshot_button = QPushButton()
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.snapshot_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.snapshot_button.clicked.connect(self.take_now)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 380)
        self.retranslate()
        self.refresh()

    # --- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from snapshot"))
        self.intro.setText(
            self.tr(
                "Facilitator keeps copies of this workshop taken while you work. "
                "Choose one to restore it into a new file: the open workshop is not changed."
            )
        )
        self.empty.setText(
            self.tr(
                "No snapshots yet. One is taken every few minutes while notes are "
                "captured, and at the end of each day."
            )
        )
        self.restore_button.setText(self.tr("Restore into new file…"))
        self.snapshot_button.setText(self.tr("Take a snapshot now"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, SnapshotModel.COLUMNS - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- behaviour ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_snapshots(snap.list_snapshots(self.service.path))
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        self.table.setVisible(has_rows)
        for row in range(self.model.rowCount()):
            if self.model.snapshot(row).usable:
                self.table.selectRow(row)
                break
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> snap.Snapshot | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        s = self.model.snapshot(rows[0].row())
        return s if s.usable else None

    def suggested_target(self, s: snap.Snapshot) -> Path:
        stamp = s.taken_at.astimezone().strftime("%Y-%m-%d %H-%M")
        base = self.service.path
        name = self.tr("%1 (restored %2)").replace("%1", base.stem).replace("%2", stamp)
        return base.with_name(name + SUFFIX)

    def choose_target(self, suggested: Path) -> Path | None:
        """Ask where to write the restored workshop. Tests monkeypatch this."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Restore snapshot into a new file"),
            str(suggested),
            self.tr("Workshop files (*.workshop)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(SUFFIX)

    def restore_selected(self) -> Path | None:
        s = self.selected()
        if s is None:
            return None
        target = self.choose_target(self.suggested_target(s))
        if target is None:
            return None
        try:
            snap.restore_snapshot(s, target)
        except (FacilitatorError, OSError) as exc:
            ui_errors.show_error(self, exc)
            return None
        self.restored_path = target
        self.restored.emit(str(target))
        self.accept()
        return target

    def take_now(self) -> None:
        try:
            snap.take_snapshot(self.service, snap.REASON_MANUAL)
        except (FacilitatorError, OSError) as exc:
            ui_errors.show_error(self, exc)
            return
        self.refresh()

    @classmethod
    def ask(cls, service: WorkshopService, parent: QWidget | None = None) -> Path | None:
        """Show the dialog; the restored file's path, or None if nothing was restored."""
        dialog = cls(service, parent)
        dialog.exec()
        return dialog.restored_path
