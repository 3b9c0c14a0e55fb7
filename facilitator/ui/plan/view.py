"""The Plan screen: workshop details and days, agenda, participants, attendance,
categories. One self-contained widget for a tab of the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from facilitator.services import importing as imp
from facilitator.services import operations as ops
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.plan import import_dialog
from facilitator.ui.plan.agenda import AgendaEditor
from facilitator.ui.plan.attendance import AttendanceView
from facilitator.ui.plan.categories import CategoriesEditor
from facilitator.ui.plan.details import DetailsView
from facilitator.ui.plan.participants import ParticipantsEditor


class PlanView(QWidget):
    """Give it the window's ``WorkshopDocument`` (``document=``) so that the other views
    hear about changes; with only a service and an undo stack it makes its own."""

    def __init__(
        self,
        service: WorkshopService,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        document: WorkshopDocument | None = None,
    ) -> None:
        super().__init__(parent)
        if document is None:
            document = WorkshopDocument(service, self)
            if undo_stack is not None:
                document.undo_stack = undo_stack
        self.doc = document
        if self.doc.error_parent is None:
            self.doc.error_parent = self
        self.details = DetailsView(self.doc)
        self.agenda = AgendaEditor(self.doc)
        self.participants = ParticipantsEditor(self.doc)
        self.attendance = AttendanceView(self.doc)
        self.categories = CategoriesEditor(self.doc)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.details, self.tr("Workshop and days"))
        self.tabs.addTab(self.agenda, self.tr("Agenda"))
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.tabs.addTab(self.attendance, self.tr("Attendance"))
        self.tabs.addTab(self.categories, self.tr("Categories"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.agenda.import_button.clicked.connect(lambda: self.import_csv(imp.ImportKind.AGENDA))
        self.participants.import_button.clicked.connect(
            lambda: self.import_csv(imp.ImportKind.PARTICIPANTS)
        )
        for button in (self.agenda.import_button, self.participants.import_button):
            button.setEnabled(not self.doc.read_only)

    @property
    def undo_stack(self) -> QUndoStack:
        return self.doc.undo_stack

    def reload(self) -> None:
        for view in (
            self.details,
            self.agenda,
            self.participants,
            self.attendance,
            self.categories,
        ):
            view.reload()

    def import_csv(self, kind: imp.ImportKind, path: str | Path | None = None) -> bool:
        """Choose a CSV (unless ``path`` is given), preview it, import it as one undo step."""
        if path is None:
            title = (
                self.tr("Import participants from CSV")
                if kind is imp.ImportKind.PARTICIPANTS
                else self.tr("Import agenda from CSV")
            )
            path = import_dialog.ask_csv_path(self, title)
            if path is None:
                return False
        preview = import_dialog.ImportDialog.ask(self, self.doc.service, kind, Path(path))
        if preview is None:
            return False
        return self.doc.run(ops.Import(preview))
