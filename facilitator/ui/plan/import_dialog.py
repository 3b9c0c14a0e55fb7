"""The CSV import dialog: what was detected, the column mapping (changeable), and a
preview of the rows to import, the duplicates and the rejected rows with reasons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.errors import FacilitatorError
from facilitator.services import importing as imp
from facilitator.ui import errors, folders
from facilitator.ui.plan.common import count_text
from facilitator.ui.plan.labels import (
    delimiter_label,
    duplicate_reason,
    encoding_label,
    field_label,
    kind_label,
    reject_reason,
    role_label,
)

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table of strings (the preview's rows)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._colour: QColor | None = None

    def set_rows(self, rows: Sequence[Sequence[str]], colour: QColor | None = None) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._colour = colour
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            return self._colour
        return None

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column]


def _view(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def ask_csv_path(parent: QWidget | None, title: str) -> Path | None:
    """The file chooser (tests monkeypatch this function)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        title,
        str(folders.start_folder()),
        QCoreApplication.translate("plan", "CSV files (*.csv *.txt);;All files (*)"),
    )
    if name:
        folders.remember(name)
    return Path(name) if name else None


class ImportDialog(QDialog):
    def __init__(
        self,
        service: Any,
        kind: imp.ImportKind,
        table: imp.CsvTable,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = service
        self.kind = imp.ImportKind(kind)
        self.table = table
        if self.kind is imp.ImportKind.PARTICIPANTS:
            self.setWindowTitle(self.tr("Import participants"))
        else:
            self.setWindowTitle(self.tr("Import agenda"))
        self.resize(900, 620)

        self.info = QLabel(
            self.tr("%1: %2, %3-separated, %4 rows")
            .replace("%1", table.source)
            .replace("%2", encoding_label(table.encoding))
            .replace("%3", delimiter_label(table.delimiter))
            .replace("%4", str(len(table.rows)))
        )
        self.info.setWordWrap(True)

        mapping_box = QGroupBox(self.tr("Columns: what each column of the file holds"))
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>" + self.tr("Column in the file") + "</b>"), 0, 0)
        grid.addWidget(QLabel("<b>" + self.tr("First value") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("Imported as") + "</b>"), 0, 2)
        self.combos: list[QComboBox] = []
        guessed = imp.guess_mapping(table.header, self.kind)
        first = table.rows[0][1] if table.rows else ()
        for col, name in enumerate(table.header):
            combo = QComboBox()
            combo.addItem(field_label(None), None)
            for fname in imp.FIELDS[self.kind]:
                combo.addItem(field_label(fname), fname)
            combo.setCurrentIndex(max(0, combo.findData(guessed[col])))
            combo.activated.connect(lambda _i: self.refresh())
            self.combos.append(combo)
            example = QLabel(first[col] if col < len(first) else "")
            example.setMaximumWidth(320)
            grid.addWidget(QLabel(name or self.tr("(no name)")), col + 1, 0)
            grid.addWidget(example, col + 1, 1)
            grid.addWidget(combo, col + 1, 2)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        box_layout = QVBoxLayout(mapping_box)
        box_layout.addWidget(scroll)
        mapping_box.setMaximumHeight(60 + 34 * min(len(table.header) + 1, 8))

        if self.kind is imp.ImportKind.PARTICIPANTS:
            headers = [
                self.tr("Row"),
                self.tr("Name"),
                self.tr("Organisation"),
                self.tr("Role"),
                self.tr("E-mail"),
            ]
        else:
            headers = [
                self.tr("Row"),
                self.tr("Day"),
                self.tr("Start"),
                self.tr("Min"),
                self.tr("Kind"),
                self.tr("Title"),
                self.tr("Location"),
                self.tr("Speakers"),
            ]
        self.rows_model = RowsModel(headers, self)
        self.dup_model = RowsModel(
            [
                self.tr("Row"),
                self.tr("Entry"),
                self.tr("Why"),
            ],
            self,
        )
        self.rejected_model = RowsModel(
            [self.tr("Row"), self.tr("Reason"), self.tr("Cells in the file")], self
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(_view(self.rows_model), "")
        self.tabs.addTab(_view(self.dup_model), "")
        self.tabs.addTab(_view(self.rejected_model), "")
        self.note = QLabel()
        self.note.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(mapping_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.preview: imp.ImportPreview = imp.make_preview(self.svc, table, self.kind)
        self.refresh()

    def mapping(self) -> list[str | None]:
        return [c.currentData() for c in self.combos]

    def set_mapping(self, column: int, field: str | None) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))
        self.refresh()

    def refresh(self) -> None:
        self.preview = imp.make_preview(self.svc, self.table, self.kind, self.mapping())
        p = self.preview
        rows: list[list[str]] = []
        for r in p.rows:
            if isinstance(r, imp.ParticipantRow):
                rows.append([str(r.line), r.name, r.organisation, role_label(r.role), r.email])
            else:
                missing = ""
                if r.unmatched_speakers:
                    missing = " ⚠ " + self.tr("not found: %1").replace(
                        "%1", ", ".join(r.unmatched_speakers)
                    )
                rows.append(
                    [
                        str(r.line),
                        str(r.day),
                        r.start.strftime("%H:%M") if r.start else "",
                        str(r.duration),
                        kind_label(r.kind),
                        r.title,
                        r.location,
                        ", ".join(r.speakers) + missing,
                    ]
                )
        self.rows_model.set_rows(rows)
        self.dup_model.set_rows(
            [
                [str(d.line), d.label, duplicate_reason(d.reason, d.by, d.other_line)]
                for d in p.duplicates
            ],
            QColor("#8a6d00"),
        )
        self.rejected_model.set_rows(
            [
                [
                    str(r.line),
                    reject_reason(r.code, r.params, r.reason),
                    " | ".join(c or "·" for c in r.cells),
                ]
                for r in p.rejected
            ],
            QColor("#b00020"),
        )
        self.tabs.setTabText(0, self.tr("To import (%1)").replace("%1", str(len(p.rows))))
        self.tabs.setTabText(1, self.tr("Duplicates (%1)").replace("%1", str(len(p.duplicates))))
        self.tabs.setTabText(2, self.tr("Rejected (%1)").replace("%1", str(len(p.rejected))))
        self.import_button.setEnabled(bool(p.rows))
        if not p.rows and self.tabs.currentIndex() == 0:
            self.tabs.setCurrentIndex(1 if p.duplicates else 2)
        self.import_button.setText(
            count_text(len(p.rows), self.tr("Import 1 row"), self.tr("Import %1 rows"))
        )
        notes = []
        if p.duplicates or p.rejected:
            notes.append(
                self.tr(
                    "Only the rows in “To import” are imported; duplicates and rejected rows "
                    "are left out. If anything fails while writing, nothing is imported."
                )
            )
        if p.new_days:
            notes.append(
                count_text(
                    p.new_days,
                    self.tr("1 day will be added to the workshop."),
                    self.tr("%1 days will be added to the workshop."),
                )
            )
        self.note.setText(" ".join(notes))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        service: Any,
        kind: imp.ImportKind,
        path: Path,
    ) -> imp.ImportPreview | None:
        """Read ``path`` and let the user check the import. Returns the accepted preview."""
        try:
            table = imp.read_csv(path)
        except FacilitatorError as exc:
            errors.show_error(parent, exc)
            return None
        except OSError as exc:
            errors.show_error(parent, exc)
            return None
        dialog = cls(service, kind, table, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.preview.rows:
                return dialog.preview
            return None
        finally:
            dialog.deleteLater()
