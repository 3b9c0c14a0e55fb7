"""The one undo adapter: a ``QUndoCommand`` that wraps any operation.

Operations (``facilitator.services.operations``) know how to do and undo themselves and
keep their own old values; this command only calls them and tells the workshop what
changed. One user action that is several operations (start an item while another
stops, delete several notes) is one :class:`~facilitator.services.operations.Batch`,
so one undo step.

Push with ``WorkshopDocument.run(op)`` (a refused change shows its message and never
reaches the stack) or, in tests, ``stack.push(OperationCommand(op, service))``
(``push`` performs it). This module does not know the document: it is given a
callback that announces the changes (no import cycle).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from facilitator.domain.errors import FacilitatorError
from facilitator.domain.voting import CastMode
from facilitator.services import importing as imp
from facilitator.services import operations as ops
from facilitator.services.operations import Changes
from facilitator.services.workshop import WorkshopService
from facilitator.ui import errors

Announce = Callable[[Changes], None]


class OperationCommand(QUndoCommand):
    """One operation on the undo stack.

    The first ``redo()`` (the one ``QUndoStack.push`` makes) is skipped when the
    operation was already done by :meth:`WorkshopDocument.run` (``done=True``). Errors
    of a later undo/redo (say, a ballot's poll was closed meanwhile) are shown over
    ``error_parent`` and make the command obsolete, so the stack stays usable.
    """

    def __init__(
        self,
        op: ops.Operation,
        service: WorkshopService,
        *,
        text: str = "",
        announce: Announce | None = None,
        error_parent: Callable[[], QWidget | None] | None = None,
        done: bool = False,
    ) -> None:
        super().__init__(text or describe(op))
        self.op = op
        self.service = service
        self._announce = announce
        self._error_parent = error_parent
        self._skip_redo = done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self.op.do)

    def undo(self) -> None:
        self._guard(self.op.undo)

    def _guard(self, step: Callable[[WorkshopService], Changes]) -> None:
        try:
            changes = step(self.service)
        except FacilitatorError as exc:
            self.setObsolete(True)
            errors.show_error(self._error_parent() if self._error_parent else None, exc)
            return
        if self._announce is not None:
            self._announce(changes)


def describe(op: ops.Operation) -> str:
    """The undo-menu text of an operation, in the interface language."""
    tr = QCoreApplication.translate
    match op:
        case ops.Batch():
            return op.label or (describe(op.ops[0]) if op.ops else "")
        case ops.EditWorkshop():
            return tr("undo", "Edit workshop details")
        case ops.AddDay():
            return tr("plan", "Add day")
        case ops.EditDay():
            return tr("plan", "Edit day")
        case ops.DeleteDay():
            return tr("plan", "Delete day")
        case ops.AddItem():
            return tr("undo", "Add agenda item")
        case ops.StartItem():
            return tr("undo", "Start item")
        case ops.StopItem():
            return tr("undo", "Stop item")
        case ops.EditItem():
            return tr("undo", "Edit agenda item")
        case ops.SetDuration():
            return tr("undo", "Change duration")
        case ops.DeleteItem():
            return tr("undo", "Delete agenda item")
        case ops.ReorderItems():
            return tr("undo", "Reorder agenda")
        case ops.EditOrganisation():
            return tr("plan", "Edit organisation")
        case ops.AddParticipant():
            return tr("undo", "Add participant")
        case ops.EditParticipant():
            return tr("undo", "Edit participant")
        case ops.DeleteParticipant():
            return tr("undo", "Delete participant")
        case ops.SetPresent(present=True):
            return tr("undo", "Check in")
        case ops.SetPresent():
            return tr("undo", "Check out")
        case ops.AddCategory():
            return tr("undo", "Add category")
        case ops.EditCategory():
            return tr("undo", "Edit category")
        case ops.DeleteCategory():
            return tr("undo", "Delete category")
        case ops.ReorderCategories():
            return tr("undo", "Reorder categories")
        case ops.ApplyTemplate():
            return tr("plan", "Add categories from a template")
        case ops.AddNote():
            return tr("undo", "Add note")
        case ops.SetDecision(flag=True):
            return tr("organise", "Mark as decision")
        case ops.SetDecision():
            return tr("organise", "Unmark decision")
        case ops.EditNote():
            return tr("undo", "Edit note")
        case ops.DeleteNote():
            return tr("undo", "Delete note")
        case ops.CreateTheme():
            return tr("organise", "Group notes into a theme")
        case ops.MoveNotes(theme_id=None):
            return tr("organise", "Take notes out of their theme")
        case ops.MoveNotes():
            return tr("organise", "Move notes to a theme")
        case ops.RenameTheme():
            return tr("organise", "Rename theme")
        case ops.Ungroup():
            return tr("organise", "Ungroup theme")
        case ops.AddSolution():
            return tr("organise", "Add solution")
        case ops.EditSolution():
            return tr("organise", "Edit solution")
        case ops.DeleteSolution():
            return tr("organise", "Delete solution")
        case ops.AddAction():
            return tr("organise", "Add action item")
        case ops.EditAction():
            return tr("organise", "Edit action item")
        case ops.DeleteAction():
            return tr("organise", "Delete action item")
        case ops.CreatePoll():
            return tr("organise", "Create poll")
        case ops.EditPoll():
            return tr("organise", "Edit poll")
        case ops.DeletePoll():
            return tr("organise", "Delete poll")
        case ops.CastBallot(mode=CastMode.TALLY):
            return tr("organise", "Enter paper tally")
        case ops.CastBallot(mode=CastMode.VOTER):
            return tr("organise", "Cast ballot")
        case ops.CastBallot():
            return tr("organise", "Cast kiosk ballot")
        case ops.WithdrawBallot():
            return tr("organise", "Withdraw ballot")
        case ops.Import(preview=p) if p.kind is imp.ImportKind.PARTICIPANTS:
            return tr("plan", "Import participants")
        case ops.Import():
            return tr("plan", "Import agenda")
    return type(op).__name__  # pragma: no cover - every operation is named above
