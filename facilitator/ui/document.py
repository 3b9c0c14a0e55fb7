"""One open workshop in the window: its service, its undo stack and change signals.

Views never talk to each other: they change the workshop through commands
(``facilitator.ui.undo``) pushed with :meth:`WorkshopDocument.run`, and they listen to
the signals below to update themselves (one row, not the whole list).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.services.workshop import WorkshopService
from facilitator.ui.undo import perform_and_push


class WorkshopDocument(QObject):
    note_added = Signal(object)  # Note
    note_changed = Signal(int)  # note id
    note_removed = Signal(int)  # note id
    note_restored = Signal(int)  # note id
    agenda_changed = Signal(int)  # day id (0 = unknown/all)
    participants_changed = Signal()
    attendance_changed = Signal(int)  # day id
    categories_changed = Signal()
    workshop_changed = Signal()

    def __init__(self, service: WorkshopService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = QUndoStack(self)
        self.error_parent: QWidget | None = None

    @property
    def read_only(self) -> bool:
        return self.service.read_only

    def run(self, command: QUndoCommand) -> bool:
        """Perform ``command`` now; on success put it on the undo stack.

        A refused change (validation, read-only, disk full) is shown with the one
        error helper and leaves the stack untouched. Returns whether it happened.
        """
        return perform_and_push(self.undo_stack, command, self.error_parent)

    def close(self) -> None:
        self.undo_stack.clear()
        self.service.close()
