"""QUndoCommands: each wraps one WorkshopService call and its inverse.

Push them with ``WorkshopDocument.run(cmd)`` (errors shown, stack untouched on failure)
or directly on a bare ``QUndoStack`` (``push`` performs the change). Every command then
emits the document's change signal so views update one row, not the whole list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from facilitator.domain import model as m
from facilitator.domain.errors import FacilitatorError
from facilitator.ui import errors

if TYPE_CHECKING:
    from facilitator.ui.document import WorkshopDocument


class GuardedCommand(QUndoCommand):
    """Base: subclasses implement ``do()`` and ``undo_do()``.

    :func:`perform_and_push` calls ``redo()`` itself before pushing (so a refused change
    never reaches the stack); the push's own ``redo()`` is then skipped once. Later
    redo/undo errors are shown over :meth:`error_parent` and make the command obsolete.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._skip_next_redo = False
        self._first_done = False

    def error_parent(self) -> QWidget | None:
        return None

    def do(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_do(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        if self._first_done:
            self._guard(self.do)
        else:
            self._first_done = True
            self.do()  # the first time, errors go to the caller (perform_and_push)

    def undo(self) -> None:
        self._guard(self.undo_do)

    def _guard(self, fn: Any) -> None:
        try:
            fn()
        except FacilitatorError as exc:
            self.setObsolete(True)
            errors.show_error(self.error_parent(), exc)


def perform_and_push(stack: QUndoStack, command: QUndoCommand, parent: QWidget | None) -> bool:
    """Perform ``command`` now; on success put it on ``stack`` (without doing it twice).

    A refused change (validation, read-only, disk full) is shown over ``parent`` and
    leaves the stack untouched. Returns whether it happened.
    """
    try:
        command.redo()
    except FacilitatorError as exc:
        errors.show_error(parent, exc)
        return False
    setattr(command, "_skip_next_redo", True)  # noqa: B010 - read by GuardedCommand
    stack.push(command)
    return True


class ServiceCommand(GuardedCommand):
    """A command on the workshop of a :class:`WorkshopDocument` (``self.svc``)."""

    def __init__(self, doc: WorkshopDocument, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.svc = doc.service

    def error_parent(self) -> QWidget | None:
        return self.doc.error_parent


# --- notes -----------------------------------------------------------------------------


class AddNoteCommand(ServiceCommand):
    def __init__(
        self,
        doc: WorkshopDocument,
        text: str,
        *,
        category_id: int | None = None,
        agenda_item_id: int | None = None,
        speaker: str = "",
        note_taker: str = "",
    ) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Add note"))
        self.fields = dict(
            category_id=category_id,
            agenda_item_id=agenda_item_id,
            speaker=speaker,
            note_taker=note_taker,
        )
        self.text_ = text
        self.note_id: int | None = None
        self.note: m.Note | None = None

    def do(self) -> None:
        if self.note_id is None:
            self.note = self.svc.add_note(self.text_, **self.fields)
            self.note_id = self.note.id
            self.doc.note_added.emit(self.note)
        else:
            self.svc.restore_note(self.note_id)
            self.doc.note_restored.emit(self.note_id)

    def undo_do(self) -> None:
        assert self.note_id is not None
        self.svc.delete_note(self.note_id)
        self.doc.note_removed.emit(self.note_id)


class UpdateNoteCommand(ServiceCommand):
    """Change text, category_id, speaker, agenda_item_id or is_decision of a note."""

    def __init__(self, doc: WorkshopDocument, note_id: int, **fields: Any) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Edit note"))
        self.note_id = note_id
        self.fields = fields
        self.before: Any = None  # the note as it was, restored exactly on undo

    def do(self) -> None:
        before = self.svc.update_note(self.note_id, **self.fields)
        if self.before is None:
            self.before = before
        self.doc.note_changed.emit(self.note_id)

    def undo_do(self) -> None:
        self.svc.restore_note_fields(self.before)
        self.doc.note_changed.emit(self.note_id)


class DeleteNoteCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, note_id: int) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Delete note"))
        self.note_id = note_id

    def do(self) -> None:
        self.svc.delete_note(self.note_id)
        self.doc.note_removed.emit(self.note_id)

    def undo_do(self) -> None:
        self.svc.restore_note(self.note_id)
        self.doc.note_restored.emit(self.note_id)


# --- agenda ----------------------------------------------------------------------------


class AddItemCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, day_id: int, title: str, **fields: Any) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Add agenda item"))
        self.day_id = day_id
        self.title = title
        self.fields = fields
        self.item_id: int | None = None

    def do(self) -> None:
        if self.item_id is None:
            self.item_id = self.svc.add_item(self.day_id, self.title, **self.fields)
        else:
            self.svc.restore_item(self.item_id)
        self.doc.agenda_changed.emit(self.day_id)

    def undo_do(self) -> None:
        assert self.item_id is not None
        self.svc.delete_item(self.item_id)
        self.doc.agenda_changed.emit(self.day_id)


class UpdateItemCommand(ServiceCommand):
    """Any fields of ``WorkshopService.update_item`` (title, kind, actual_start, ...)."""

    def __init__(self, doc: WorkshopDocument, item_id: int, text: str = "", **fields: Any) -> None:
        super().__init__(doc, text or QCoreApplication.translate("undo", "Edit agenda item"))
        self.item_id = item_id
        self.fields = fields
        self.old: dict[str, Any] | None = None
        self.day_id = 0

    def do(self) -> None:
        before = self.svc.update_item(self.item_id, **self.fields)
        self.day_id = before.day_id
        if self.old is None:
            self.old = {k: getattr(before, k) for k in self.fields}
            if "speaker_ids" in self.old:
                self.old["speaker_ids"] = list(self.old["speaker_ids"])
        self.doc.agenda_changed.emit(self.day_id)

    def undo_do(self) -> None:
        assert self.old is not None
        old = dict(self.old)
        # Going back in time: clear the end before moving the start (validation order).
        if "actual_end" in old and "actual_start" in old:
            self.svc.update_item(self.item_id, actual_end=None)
        self.svc.update_item(self.item_id, **old)
        self.doc.agenda_changed.emit(self.day_id)


def start_item_command(doc: WorkshopDocument, item_id: int, at: dt.datetime) -> UpdateItemCommand:
    return UpdateItemCommand(
        doc,
        item_id,
        QCoreApplication.translate("undo", "Start item"),
        actual_start=at,
        actual_end=None,
    )


def stop_item_command(doc: WorkshopDocument, item_id: int, at: dt.datetime) -> UpdateItemCommand:
    return UpdateItemCommand(
        doc, item_id, QCoreApplication.translate("undo", "Stop item"), actual_end=at
    )


class SetDurationCommand(ServiceCommand):
    """Change a duration; the following items move, as in a session planner."""

    def __init__(self, doc: WorkshopDocument, item_id: int, minutes: int) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Change duration"))
        self.item_id = item_id
        self.minutes = minutes
        self.old_minutes: int | None = None
        self.day_id = 0

    def do(self) -> None:
        item = self.svc.item(self.item_id)
        self.day_id = item.day_id
        if self.old_minutes is None:
            self.old_minutes = item.duration_min
        self.svc.set_duration(self.item_id, self.minutes)
        self.doc.agenda_changed.emit(self.day_id)

    def undo_do(self) -> None:
        assert self.old_minutes is not None
        self.svc.set_duration(self.item_id, self.old_minutes)
        self.doc.agenda_changed.emit(self.day_id)


class DeleteItemCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, item_id: int) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Delete agenda item"))
        self.item_id = item_id
        self.day_id = 0

    def do(self) -> None:
        self.day_id = self.svc.item(self.item_id).day_id
        self.svc.delete_item(self.item_id)
        self.doc.agenda_changed.emit(self.day_id)

    def undo_do(self) -> None:
        self.svc.restore_item(self.item_id)
        self.doc.agenda_changed.emit(self.day_id)


class ReorderItemsCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, day_id: int, item_ids: Sequence[int]) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Reorder agenda"))
        self.day_id = day_id
        self.new = list(item_ids)
        self.old: list[int] | None = None
        self.old_starts: dict[int, dt.time | None] = {}

    def do(self) -> None:
        if self.old is None:
            self.old_starts = {i.id: i.planned_start for i in self.svc.items(self.day_id)}
        old = self.svc.reorder_items(self.day_id, self.new)
        if self.old is None:
            self.old = old
        self.doc.agenda_changed.emit(self.day_id)

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.reorder_items(self.day_id, self.old)
        for item_id, start in self.old_starts.items():
            self.svc.update_item(item_id, planned_start=start)
        self.doc.agenda_changed.emit(self.day_id)


# --- participants and attendance ---------------------------------------------------------


class AddParticipantCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, name: str, **fields: Any) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Add participant"))
        self.name = name
        self.fields = fields
        self.pid: int | None = None

    def do(self) -> None:
        if self.pid is None:
            self.pid = self.svc.add_participant(self.name, **self.fields)
        else:
            self.svc.restore_participant(self.pid)
        self.doc.participants_changed.emit()

    def undo_do(self) -> None:
        assert self.pid is not None
        self.svc.delete_participant(self.pid)
        self.doc.participants_changed.emit()


class UpdateParticipantCommand(ServiceCommand):
    def __init__(
        self,
        doc: WorkshopDocument,
        pid: int,
        name: str,
        organisation: str,
        role: m.Role,
        email: str,
    ) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Edit participant"))
        self.pid = pid
        self.new = (name, organisation, role, email)
        self.old: tuple[str, str, m.Role, str] | None = None

    def do(self) -> None:
        before = self.svc.update_participant(self.pid, *self.new)
        if self.old is None:
            self.old = (before.name, before.organisation_name, before.role, before.email)
        self.doc.participants_changed.emit()

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.update_participant(self.pid, *self.old)
        self.doc.participants_changed.emit()


class DeleteParticipantCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, pid: int) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Delete participant"))
        self.pid = pid

    def do(self) -> None:
        self.svc.delete_participant(self.pid)
        self.doc.participants_changed.emit()

    def undo_do(self) -> None:
        self.svc.restore_participant(self.pid)
        self.doc.participants_changed.emit()


class SetPresentCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, day_id: int, pid: int, present: bool) -> None:
        super().__init__(
            doc,
            QCoreApplication.translate("undo", "Check in")
            if present
            else QCoreApplication.translate("undo", "Check out"),
        )
        self.day_id = day_id
        self.pid = pid
        self.present = present
        self.was: bool | None = None

    def do(self) -> None:
        if self.was is None:
            self.was = self.pid in self.svc.present(self.day_id)
        self.svc.set_present(self.day_id, self.pid, self.present)
        self.doc.attendance_changed.emit(self.day_id)

    def undo_do(self) -> None:
        assert self.was is not None
        self.svc.set_present(self.day_id, self.pid, self.was)
        self.doc.attendance_changed.emit(self.day_id)


# --- categories ------------------------------------------------------------------------


class AddCategoryCommand(ServiceCommand):
    def __init__(
        self, doc: WorkshopDocument, name: str, colour: str = "#808080", shortcut: str = ""
    ) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Add category"))
        self.args = (name, colour, shortcut)
        self.cat_id: int | None = None

    def do(self) -> None:
        if self.cat_id is None:
            self.cat_id = self.svc.add_category(*self.args)
        else:
            self.svc.restore_category(self.cat_id)
        self.doc.categories_changed.emit()

    def undo_do(self) -> None:
        assert self.cat_id is not None
        self.svc.delete_category(self.cat_id)
        self.doc.categories_changed.emit()


class UpdateCategoryCommand(ServiceCommand):
    def __init__(
        self, doc: WorkshopDocument, cat_id: int, name: str, colour: str, shortcut: str
    ) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Edit category"))
        self.cat_id = cat_id
        self.new = (name, colour, shortcut)
        self.old: tuple[str, str, str] | None = None

    def do(self) -> None:
        before = self.svc.update_category(self.cat_id, *self.new)
        if self.old is None:
            self.old = (before.name, before.colour, before.shortcut)
        self.doc.categories_changed.emit()

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.update_category(self.cat_id, *self.old)
        self.doc.categories_changed.emit()


class DeleteCategoryCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, cat_id: int) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Delete category"))
        self.cat_id = cat_id

    def do(self) -> None:
        self.svc.delete_category(self.cat_id)
        self.doc.categories_changed.emit()

    def undo_do(self) -> None:
        self.svc.restore_category(self.cat_id)
        self.doc.categories_changed.emit()


class ReorderCategoriesCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, cat_ids: Sequence[int]) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Reorder categories"))
        self.new = list(cat_ids)
        self.old: list[int] | None = None

    def do(self) -> None:
        old = self.svc.reorder_categories(self.new)
        if self.old is None:
            self.old = old
        self.doc.categories_changed.emit()

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.reorder_categories(self.old)
        self.doc.categories_changed.emit()


# --- workshop details ------------------------------------------------------------------


class UpdateWorkshopCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, **changes: Any) -> None:
        super().__init__(doc, QCoreApplication.translate("undo", "Edit workshop details"))
        self.changes = changes
        self.old: dict[str, Any] | None = None

    def do(self) -> None:
        before = self.svc.workshop()
        if self.old is None:
            self.old = {k: getattr(before, k) for k in self.changes}
        self.svc.update_workshop(**self.changes)
        self.doc.workshop_changed.emit()

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.update_workshop(**self.old)
        self.doc.workshop_changed.emit()
