"""What the organise screens share: construction from (service, undo stack), reloads
after any undo/redo/push (lazily, when shown), and the language switch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.organise import commands


class OrganiseBase(QWidget):
    def __init__(
        self, service: WorkshopService, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.org = OrganiseService(service)
        self.undo_stack = undo_stack
        self._dirty = False
        undo_stack.indexChanged.connect(self._on_stack_changed)

    def run(self, cmd: commands.OrganiseCommand) -> bool:
        return commands.run(self.undo_stack, cmd, self)

    def _on_stack_changed(self, *args: Any) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

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
