"""One open workshop in the window: its service, its undo stack and its change stream.

Every change goes through an operation (``facilitator.services.operations``):

- the window's own: :meth:`WorkshopDocument.run` does it now, shows a refusal with the
  one error helper, and puts it on the undo stack;
- another thread's (the room server, a second note-taker): :meth:`submit` hands it to
  the thread that owns the document (the GUI thread) and returns a
  ``concurrent.futures.Future`` with its :class:`Changes` or its error. The worker
  never opens a writing connection of its own. Remote changes are not on the local
  undo stack (Ctrl+Z never undoes a phone's ballot), unless ``origin`` is ``LOCAL``.

After every operation, whoever ran it, :attr:`changed` is emitted once with its
:class:`Changes`; screens filter it and update only what was touched. The per-kind
signals below are that same stream, filtered here once for the screens that only care
about one kind.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Final

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.domain.errors import FacilitatorError
from facilitator.services import operations as ops
from facilitator.services.follow import FileFollower
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui import errors
from facilitator.ui.undo import OperationCommand, describe

FOLLOW_INTERVAL_MS: Final = 1000  # a read-only window looks for others' writes this often
LOCAL: Final = "local"  # the window's user: undoable here
REMOTE: Final = "remote"  # anyone else (a phone, another laptop): not on this undo stack


class DocumentClosed(FacilitatorError):
    """An operation was submitted to a workshop that has been closed meanwhile."""

    code = "document_closed"


class WorkshopDocument(QObject):
    changed = Signal(object)  # Changes: after every operation, whoever ran it
    # Filters of ``changed`` for screens that care about one kind only:
    agenda_changed = Signal(int)  # day id (0: days were added, renamed or removed)
    participants_changed = Signal()
    attendance_changed = Signal(int)  # day id
    categories_changed = Signal()
    workshop_changed = Signal()

    _submitted = Signal(object)  # (op, origin, future), queued to the owning thread

    def __init__(self, service: WorkshopService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = QUndoStack(self)
        self.error_parent: QWidget | None = None
        self._closed = False
        self._submitted.connect(self._run_submitted, Qt.ConnectionType.QueuedConnection)
        # Read-only: another program may be writing the file; follow it.
        self.follower: FileFollower | None = None
        self.follow_timer = QTimer(self)
        self.follow_timer.setInterval(FOLLOW_INTERVAL_MS)
        self.follow_timer.timeout.connect(self.follow)
        if service.read_only:
            self.follower = FileFollower(service)
            self.follow_timer.start()

    @property
    def read_only(self) -> bool:
        return self.service.read_only

    # --- the window's own changes --------------------------------------------------------

    def command(self, op: ops.Operation, text: str = "", *, done: bool = False) -> OperationCommand:
        """The undo command of ``op`` on this workshop (its changes are announced)."""
        return OperationCommand(
            op,
            self.service,
            text=text,
            announce=self._announce,
            error_parent=lambda: self.error_parent,
            done=done,
        )

    def run(self, op: ops.Operation, text: str = "", *, parent: QWidget | None = None) -> bool:
        """Do ``op`` now; on success put it on the undo stack (if it can be undone).

        A refused change (validation, read-only, disk full) is shown with the one
        error helper (over ``parent``, else :attr:`error_parent`) and leaves the stack
        untouched. Returns whether it happened.
        """
        try:
            changes = op.do(self.service)
        except FacilitatorError as exc:
            errors.show_error(parent or self.error_parent, exc)
            return False
        if op.undoable:
            self.undo_stack.push(self.command(op, text or describe(op), done=True))
        self._announce(changes)
        return True

    # --- other threads ---------------------------------------------------------------

    def submit(self, op: ops.Operation, origin: str = REMOTE) -> Future[Changes]:
        """Run ``op`` on the thread that owns this document; safe from any thread.

        The future gets the operation's :class:`Changes`, or its exception (a
        ``ValidationError`` for a refused change, :class:`DocumentClosed` if the
        workshop was closed first). From the owning thread it runs at once; from
        another thread it runs when the owning thread's event loop next turns, so that
        thread must never block waiting for a worker that waits for this future.
        """
        future: Future[Changes] = Future()
        future.set_running_or_notify_cancel()
        if QThread.currentThread() is self.thread():
            self._run_submitted((op, origin, future))
        else:
            self._submitted.emit((op, origin, future))
        return future

    def _run_submitted(self, job: tuple[ops.Operation, str, Future[Changes]]) -> None:
        op, origin, future = job
        if self._closed:
            future.set_exception(DocumentClosed("the workshop was closed"))
            return
        try:
            changes = op.do(self.service)
        except Exception as exc:  # the submitter decides; nothing was written
            future.set_exception(exc)
            return
        try:
            if origin == LOCAL and op.undoable:
                self.undo_stack.push(self.command(op, done=True))
            self._announce(changes)
        finally:  # written: the submitter hears so, whatever a screen did with it
            future.set_result(changes)

    def follow(self) -> Changes | None:
        """Announce what another program wrote to the file since the last look (a
        read-only window; called every second). Returns those changes, if any."""
        if self.follower is None or self._closed:
            return None
        try:
            changes = self.follower.poll()
        except Exception:  # the file went away: stop following, keep what is shown
            self.follow_timer.stop()
            return None
        if changes:
            self._announce(changes)
        return changes

    # --- the change stream ------------------------------------------------------------

    def _announce(self, changes: Changes) -> None:
        if self._closed:
            return
        self.changed.emit(changes)
        if changes.touches(Kind.WORKSHOP):
            self.workshop_changed.emit()
        if changes.touches(Kind.CATEGORY):
            self.categories_changed.emit()
        if changes.touches(Kind.PARTICIPANT, Kind.ORGANISATION):
            self.participants_changed.emit()
        if changes.touches(Kind.DAY):
            self.agenda_changed.emit(0)
        else:
            for day_id in sorted(changes.ids(Kind.AGENDA)):
                self.agenda_changed.emit(day_id)
        for day_id in sorted(changes.ids(Kind.ATTENDANCE)):
            self.attendance_changed.emit(day_id)

    def close(self) -> None:
        self._closed = True
        self.follow_timer.stop()
        self.undo_stack.clear()
        self.service.close()
