"""File › Merge another workshop file…: the preview of a merge and a Merge button; the
note texts (and polls) to review afterwards are on the review screen (ui/conflicts.py).
The work is services/merging.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.errors import FacilitatorError
from facilitator.ui import errors as ui_errors

if TYPE_CHECKING:
    from facilitator.services.merging import MergePreview
    from facilitator.services.workshop import WorkshopService


def table_label(table: str) -> str:
    labels = {
        "workshop": QCoreApplication.translate("MergeDialog", "Workshop details"),
        "organisations": QCoreApplication.translate("MergeDialog", "Organisations"),
        "days": QCoreApplication.translate("MergeDialog", "Days"),
        "categories": QCoreApplication.translate("MergeDialog", "Categories"),
        "participants": QCoreApplication.translate("MergeDialog", "Participants"),
        "agenda_items": QCoreApplication.translate("MergeDialog", "Agenda items"),
        "notes": QCoreApplication.translate("MergeDialog", "Notes"),
        "action_items": QCoreApplication.translate("MergeDialog", "Actions"),
        "themes": QCoreApplication.translate("MergeDialog", "Themes"),
        "solutions": QCoreApplication.translate("MergeDialog", "Solutions"),
        "polls": QCoreApplication.translate("MergeDialog", "Polls"),
        "ballots": QCoreApplication.translate("MergeDialog", "Ballots"),
        "attendance": QCoreApplication.translate("MergeDialog", "Attendance"),
    }
    return labels.get(table, table)


def conflict_text(c: Any) -> str:
    if c.table == "notes" and c.field == "text":
        return QCoreApplication.translate(
            "MergeDialog",
            "A note's text was changed on both laptops: both versions are kept for review.",
        )
    if c.field == "deleted_at":
        return QCoreApplication.translate(
            "MergeDialog",
            "%1: deleted on one laptop, edited on the other: kept (an edit beats a delete).",
        ).replace("%1", table_label(c.table))
    if c.table == "polls" and c.field == "state":
        return QCoreApplication.translate(
            "MergeDialog",
            "A poll is closed on one laptop and open on the other: check it in Organise.",
        )
    return (
        QCoreApplication.translate(
            "MergeDialog", "%1: “%2” changed on both laptops: the later change is kept."
        )
        .replace("%1", table_label(c.table))
        .replace("%2", field_label(c.field))
    )


def field_label(name: str) -> str:
    labels = {
        "name": QCoreApplication.translate("MergeDialog", "name"),
        "title": QCoreApplication.translate("MergeDialog", "title"),
        "colour": QCoreApplication.translate("MergeDialog", "colour"),
        "shortcut": QCoreApplication.translate("MergeDialog", "shortcut"),
        "position": QCoreApplication.translate("MergeDialog", "order"),
        "date": QCoreApplication.translate("MergeDialog", "date"),
        "email": QCoreApplication.translate("MergeDialog", "e-mail"),
        "category_id": QCoreApplication.translate("MergeDialog", "category"),
        "agenda_item_id": QCoreApplication.translate("MergeDialog", "agenda item"),
    }
    return labels.get(name, name)


class MergeDialog(QDialog):
    """Shows what merging ``preview.source`` would do; "Merge" does it."""

    def __init__(
        self, service: WorkshopService, preview: MergePreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.preview = preview
        self.outcome: MergePreview | None = None
        self.setWindowTitle(
            QCoreApplication.translate("MergeDialog", "Merge another workshop file")
        )
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        new, changed, conflicts = preview.total
        head = (
            QCoreApplication.translate(
                "MergeDialog",
                "Merge “%1” (%2) into this workshop: %3 new, %4 changed, %5 in conflict.",
            )
            .replace("%1", preview.title)
            .replace("%2", Path(preview.source).name)
            .replace("%3", str(new))
            .replace("%4", str(changed))
            .replace("%5", str(conflicts))
        )
        if preview.as_new:
            head += " " + QCoreApplication.translate(
                "MergeDialog", "It is added as a second workshop: nothing is matched."
            )
        self.summary = QLabel(head, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        counts = preview.counts()
        self.table = QTableWidget(len(counts), 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("MergeDialog", "What"),
                QCoreApplication.translate("MergeDialog", "New"),
                QCoreApplication.translate("MergeDialog", "Changed"),
                QCoreApplication.translate("MergeDialog", "In conflict"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, (table, numbers) in enumerate(counts.items()):
            self.table.setItem(row, 0, QTableWidgetItem(table_label(table)))
            for col, n in enumerate(numbers, start=1):
                self.table.setItem(row, col, QTableWidgetItem(str(n)))
        layout.addWidget(self.table)

        self.pairs = QListWidget(self)
        for table, tp in preview.plan.tables.items():
            for _from, _into, text in tp.pairs:
                self.pairs.addItem(f"{table_label(table)}: {text}")
        pairs_label = QLabel(
            QCoreApplication.translate(
                "MergeDialog", "Matched by name or date (created on both laptops):"
            ),
            self,
        )
        layout.addWidget(pairs_label)
        layout.addWidget(self.pairs)
        pairs_label.setVisible(self.pairs.count() > 0)
        self.pairs.setVisible(self.pairs.count() > 0)

        self.conflicts = QListWidget(self)
        self.conflicts.setWordWrap(True)
        self.conflicts.setResizeMode(QListView.ResizeMode.Adjust)
        for c in preview.conflicts():
            self.conflicts.addItem(conflict_text(c))
        conflicts_label = QLabel(
            QCoreApplication.translate("MergeDialog", "Conflicts and how they are resolved:"), self
        )
        layout.addWidget(conflicts_label)
        layout.addWidget(self.conflicts)
        conflicts_label.setVisible(self.conflicts.count() > 0)
        self.conflicts.setVisible(self.conflicts.count() > 0)

        note = QLabel(
            QCoreApplication.translate(
                "MergeDialog",
                "A snapshot of this workshop is kept first (File › Restore from snapshot…). "
                "The other file is not changed.",
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(
            QCoreApplication.translate("MergeDialog", "Merge"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button.setEnabled(not preview.plan.is_empty())
        if preview.plan.is_empty():
            self.summary.setText(
                QCoreApplication.translate(
                    "MergeDialog", "This workshop already has everything in “%1”."
                ).replace("%1", Path(preview.source).name)
            )
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def merge(self) -> None:
        from facilitator.services import merging

        try:
            self.outcome = merging.merge(
                self.service, self.preview.source, as_new=self.preview.as_new
            )
        except (FacilitatorError, OSError) as exc:
            ui_errors.show_error(self, exc)
            return
        self.accept()

    @classmethod
    def ask(cls, service: WorkshopService, parent: QWidget | None = None) -> MergePreview | None:
        """Choose a file, show the preview; what was merged, or None."""
        from facilitator.domain.errors import ValidationError
        from facilitator.services import merging

        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("MergeDialog", "Merge another workshop file"),
            str(service.path.parent),
            QCoreApplication.translate("MergeDialog", "Workshop files (*.workshop);;All files (*)"),
        )
        if not name:
            return None
        try:
            try:
                preview = merging.preview(service, name)
            except ValidationError as exc:
                if exc.params.get("rule") != "other_workshop" or not ask_as_new(parent):
                    raise
                preview = merging.preview(service, name, as_new=True)
        except (FacilitatorError, OSError) as exc:
            ui_errors.show_error(parent, exc)
            return None
        dialog = cls(service, preview, parent)
        dialog.exec()
        return dialog.outcome


def ask_as_new(parent: QWidget | None) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("MergeDialog", "Merge another workshop file"),
        QCoreApplication.translate(
            "MergeDialog",
            "This file is another workshop, not a copy of this one. Add all of it to this "
            "workshop as a second workshop (nothing is matched)?",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def run_merge(window: Any) -> None:
    """*File › Merge another workshop file…*; after a merge the workshop is opened again
    (the screens read it afresh; a merge is undone by restoring its snapshot, not with
    Ctrl+Z), and if the merge kept conflicts to decide, the review screen is offered
    (*File › Review conflicts…*, ui/conflicts.py)."""
    doc = window.doc
    if doc is None or doc.read_only:
        return
    result = MergeDialog.ask(doc.service, window)
    if result is not None and not result.plan.is_empty():
        path = doc.service.path
        window.close_document()
        if window.open_path(path):
            window.conflicts.offer_after_merge()
