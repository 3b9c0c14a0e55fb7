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
    from facilitator.domain.voting import CastMode  # not needed to start the window
    from facilitator.services import board_ops, conflict_ops
    from facilitator.services.importing import ImportKind

    match op:
        case ops.Batch():
            return op.label or (describe(op.ops[0]) if op.ops else "")
        case ops.EditWorkshop():
            return QCoreApplication.translate("undo", "Edit workshop details")
        case ops.AddDay():
            return QCoreApplication.translate("plan", "Add day")
        case ops.EditDay():
            return QCoreApplication.translate("plan", "Edit day")
        case ops.DeleteDay():
            return QCoreApplication.translate("plan", "Delete day")
        case ops.AddItem():
            return QCoreApplication.translate("undo", "Add agenda item")
        case ops.StartItem():
            return QCoreApplication.translate("undo", "Start item")
        case ops.StopItem():
            return QCoreApplication.translate("undo", "Stop item")
        case ops.EditItem():
            return QCoreApplication.translate("undo", "Edit agenda item")
        case ops.SetDuration():
            return QCoreApplication.translate("undo", "Change duration")
        case ops.DeleteItem():
            return QCoreApplication.translate("undo", "Delete agenda item")
        case ops.ReorderItems():
            return QCoreApplication.translate("undo", "Reorder agenda")
        case ops.EditOrganisation():
            return QCoreApplication.translate("plan", "Edit organisation")
        case ops.AddParticipant():
            return QCoreApplication.translate("undo", "Add participant")
        case ops.EditParticipant():
            return QCoreApplication.translate("undo", "Edit participant")
        case ops.DeleteParticipant():
            return QCoreApplication.translate("undo", "Delete participant")
        case ops.IssueJoinCodes(participant_ids=[_]):
            return QCoreApplication.translate("undo", "New join code")
        case ops.IssueJoinCodes():
            return QCoreApplication.translate("undo", "Issue join codes")
        case ops.SetPresent(present=True):
            return QCoreApplication.translate("undo", "Check in")
        case ops.SetPresent():
            return QCoreApplication.translate("undo", "Check out")
        case ops.AddCategory():
            return QCoreApplication.translate("undo", "Add category")
        case ops.EditCategory():
            return QCoreApplication.translate("undo", "Edit category")
        case ops.DeleteCategory():
            return QCoreApplication.translate("undo", "Delete category")
        case ops.ReorderCategories():
            return QCoreApplication.translate("undo", "Reorder categories")
        case ops.ApplyTemplate():
            return QCoreApplication.translate("plan", "Add categories from a template")
        case ops.AddNote():
            return QCoreApplication.translate("undo", "Add note")
        case ops.SetDecision(flag=True):
            return QCoreApplication.translate("organise", "Mark as decision")
        case ops.SetDecision():
            return QCoreApplication.translate("organise", "Unmark decision")
        case ops.EditNote():
            return QCoreApplication.translate("undo", "Edit note")
        case ops.DeleteNote():
            return QCoreApplication.translate("undo", "Delete note")
        case ops.CreateTheme() | board_ops.GroupOnBoard():
            return QCoreApplication.translate("organise", "Group notes into a theme")
        case board_ops.PlaceOnBoard():
            return QCoreApplication.translate("BoardView", "Move on the board")
        case ops.MoveNotes(theme_id=None):
            return QCoreApplication.translate("organise", "Take notes out of their theme")
        case ops.MoveNotes():
            return QCoreApplication.translate("organise", "Move notes to a theme")
        case ops.RenameTheme():
            return QCoreApplication.translate("organise", "Rename theme")
        case ops.Ungroup():
            return QCoreApplication.translate("organise", "Ungroup theme")
        case ops.AddSolution():
            return QCoreApplication.translate("organise", "Add solution")
        case ops.EditSolution():
            return QCoreApplication.translate("organise", "Edit solution")
        case ops.DeleteSolution():
            return QCoreApplication.translate("organise", "Delete solution")
        case ops.AddAction():
            return QCoreApplication.translate("organise", "Add action item")
        case ops.EditAction():
            return QCoreApplication.translate("organise", "Edit action item")
        case ops.DeleteAction():
            return QCoreApplication.translate("organise", "Delete action item")
        case ops.CreatePoll():
            return QCoreApplication.translate("organise", "Create poll")
        case ops.EditPoll():
            return QCoreApplication.translate("organise", "Edit poll")
        case ops.DeletePoll():
            return QCoreApplication.translate("organise", "Delete poll")
        case ops.CastBallot(mode=CastMode.TALLY):
            return QCoreApplication.translate("organise", "Enter paper tally")
        case ops.CastBallot(mode=CastMode.VOTER):
            return QCoreApplication.translate("organise", "Cast ballot")
        case ops.CastBallot():
            return QCoreApplication.translate("organise", "Cast kiosk ballot")
        case ops.WithdrawBallot():
            return QCoreApplication.translate("organise", "Withdraw ballot")
        case ops.Import(preview=p) if p.kind is ImportKind.PARTICIPANTS:
            return QCoreApplication.translate("plan", "Import participants")
        case ops.Import():
            return QCoreApplication.translate("plan", "Import agenda")
        case conflict_ops.ResolveConflict() | conflict_ops.ResolvePollConflict():
            return QCoreApplication.translate("ConflictReview", "Resolve a conflict")
    return type(op).__name__  # pragma: no cover - every operation is named above
