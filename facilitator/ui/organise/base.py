"""What the organise screens share: construction from the open workshop's document,
updates from its change stream (only for the kinds a screen shows; lazily, when shown),
and the language switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument


class OrganiseBase(QWidget):
    """Give it the window's ``document=``; with only a service (and an undo stack, in
    tests) it makes its own document."""

    #: the kinds of change this screen shows; others never make it read the file
    shows: frozenset[Kind] = frozenset()

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
            document.error_parent = self
            if undo_stack is not None:
                document.undo_stack = undo_stack
        self.doc = document
        self.service = service
        self.org = OrganiseService(service)
        self.undo_stack = document.undo_stack
        self._dirty = False
        document.changed.connect(self._on_changed)

    def run(self, op: ops.Operation) -> bool:
        return self.doc.run(op, parent=self)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*self.shows):
            return
        if self.isVisible():
            self.apply_changes(changes)
        else:
            self._dirty = True

    def apply_changes(self, changes: Changes) -> None:
        """Show ``changes`` (of a kind in :attr:`shows`); by default, reload."""
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self._dirty = False
            self.reload()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh_later(self) -> None:
        """Show translated labels of rows: now if shown, else when next shown.

        (A hidden screen may outlive its workshop file: it must not read it.)"""
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def reload(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def retranslate(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError
