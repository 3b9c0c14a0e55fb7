"""Linked copies in the window (issue 15 A).

- :class:`GuiLocal`: the linked copy's client thread reads and writes the open workshop
  only through the GUI thread that owns its writing connection (reads as queued calls,
  writes as operations through ``document.submit``).
- The room opened from the window (``ui/live/room_window.py``'s ``DocumentBackend``)
  runs every note-taker's batch through ``document.submit`` too (``run_op``), so the
  Live screen shows those notes as they arrive.
- :class:`LinkedStatus`: the status-bar badge, always visible on a linked copy:
  connected / offline, N notes waiting.
- :class:`LinkedController`: starts the client when a linked copy is opened, stops it
  when it closes, sends at once after each local note, and runs *File › Join a room…*.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.domain.errors import FacilitatorError
from facilitator.services.linked import LinkedService, Status
from facilitator.services.operations import Changes, Kind, Operation
from facilitator.services.workshop import WorkshopService
from facilitator.ui import errors
from facilitator.ui.document import REMOTE, DocumentClosed, WorkshopDocument

if TYPE_CHECKING:
    from facilitator.room.client import LinkedClient

T = TypeVar("T")


class GuiCalls(QObject):
    """Runs callables on the thread this object lives in (the GUI thread): queued from
    other threads, at once on that thread; refused once closed (a waiting thread is
    released with :class:`DocumentClosed`)."""

    _queued = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.closed = False
        self._pending: set[concurrent.futures.Future[Any]] = set()
        self._lock = threading.Lock()
        self._queued.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def call(self, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        with self._lock:
            if self.closed:
                future.set_exception(DocumentClosed("the workshop was closed"))
                return future
            self._pending.add(future)
        if QThread.currentThread() is self.thread():
            self._run((fn, future))
        else:
            self._queued.emit((fn, future))
        return future

    def _run(self, job: tuple[Callable[[], Any], concurrent.futures.Future[Any]]) -> None:
        fn, future = job
        with self._lock:
            self._pending.discard(future)
        if future.done():
            return
        if self.closed:
            future.set_exception(DocumentClosed("the workshop was closed"))
            return
        try:
            result = fn()
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)

    def close(self) -> None:
        """Refuse what is still queued: a thread waiting on it is released at once."""
        with self._lock:
            self.closed = True
            pending, self._pending = self._pending, set()
        for future in pending:
            if not future.done():
                future.set_exception(DocumentClosed("the workshop was closed"))


class GuiLocal:
    """The :class:`facilitator.room.client.Local` of a linked copy open in the window."""

    def __init__(self, doc: WorkshopDocument) -> None:
        self.doc = doc
        self.calls = GuiCalls(doc)

    def call(self, fn: Callable[[WorkshopService], T]) -> concurrent.futures.Future[T]:
        return self.calls.call(lambda: fn(self.doc.service))

    def run(self, op: Operation) -> concurrent.futures.Future[Changes]:
        # submitted from the GUI thread (inside a queued call): runs there and then
        return self.calls.call(lambda: self.doc.submit(op, origin=REMOTE).result())

    def close(self) -> None:
        self.calls.close()


class LinkedStatus(QLabel):
    """The badge in the status bar of a linked copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkedStatus")
        self.status = Status(False, 0)
        self.hub = ""
        self.show_status(self.status)

    def show_status(self, status: Status) -> None:
        self.status = status
        if status.connected:
            state = self.tr("Connected to the room")
            colour = "#2e7d32"
        else:
            state = self.tr("Offline")
            colour = "#b26a00"
        if status.waiting == 1:
            waiting = self.tr("1 note waiting to be sent")
        elif status.waiting:
            waiting = self.tr("%1 notes waiting to be sent").replace("%1", str(status.waiting))
        else:
            waiting = self.tr("every note sent")
        self.setText(f"● {state} · {waiting}")
        self.setStyleSheet(
            f"QLabel#linkedStatus {{ color: {colour}; font-weight: bold; padding: 1px 8px; }}"
        )
        tip = self.tr("Linked copy of the room at %1").replace("%1", self.hub)
        if status.refused:
            tip += "\n" + self.tr("%1 notes refused by the room").replace("%1", str(status.refused))
        if status.message and not status.connected:
            tip += "\n" + status.message
        self.setToolTip(tip)


class LinkedController(QObject):
    """The window's side of linked copies (see the module's docstring)."""

    status_changed = Signal(object)  # Status, from the client's thread (queued)
    joined = Signal(object, object)  # path or None, error or None (from the join thread)

    def __init__(self, window: QMainWindow, document_changed: Any) -> None:
        super().__init__(window)
        self.window = window
        self.badge = LinkedStatus()
        window.statusBar().addPermanentWidget(self.badge)
        self.badge.hide()
        self.client: LinkedClient | None = None  # aiohttp loaded only for a linked copy
        self.local: GuiLocal | None = None
        self.status_changed.connect(self.badge.show_status, Qt.ConnectionType.QueuedConnection)
        self.joined.connect(self._joined, Qt.ConnectionType.QueuedConnection)
        document_changed.connect(self.set_document)
        self.opener: Callable[[Path], bool] | None = None

    def set_document(self, doc: WorkshopDocument | None) -> None:
        self.stop()
        if doc is None or doc.read_only:
            return
        try:
            link = LinkedService(doc.service).link()
        except FacilitatorError:
            link = None
        if link is None:
            return
        from facilitator.room.client import LinkedClient

        self.local = GuiLocal(doc)
        self.client = LinkedClient(self.local, self.status_changed.emit)
        self.badge.hub = link.hub_url
        self.badge.show_status(Status(False, LinkedService(doc.service).waiting()))
        self.badge.show()
        doc.changed.connect(self._changed)
        self.client.start()

    def _changed(self, changes: Changes) -> None:
        if self.client is not None and changes.touches(Kind.NOTE):
            self.client.kick()

    def stop(self) -> None:
        if self.local is not None:
            self.local.close()  # first: a client waiting on the GUI thread is released
        if self.client is not None:
            self.client.stop()
        self.client = None
        self.local = None
        self.badge.hide()

    # --- File › Join a room… ------------------------------------------------------------

    def join_dialog(self, name: str = "", folder: Path | None = None) -> None:
        from facilitator.ui.join_dialog import JoinDialog

        values = JoinDialog.ask(self.window, name, folder)
        if values is not None:
            self.join(values.address, values.code, values.name, values.path)

    def join(self, address: str, code: str, name: str, path: Path) -> threading.Thread:
        """Join in a thread (the network may be slow); the copy opens when it is made."""
        from facilitator.room.client import join_room

        def work() -> None:
            try:
                self.joined.emit(join_room(address, code, name, path), None)
            except FacilitatorError as exc:
                self.joined.emit(None, exc)
            except OSError as exc:
                self.joined.emit(None, FacilitatorError(str(exc)))

        thread = threading.Thread(target=work, name="join-room", daemon=True)
        thread.start()
        return thread

    def _joined(self, path: Path | None, error: FacilitatorError | None) -> None:
        if error is not None or path is None:
            errors.show_error(self.window, error or FacilitatorError("joining failed"))
            return
        if self.opener is not None:
            self.opener(path)
