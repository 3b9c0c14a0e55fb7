"""The notes of one agenda item: a table model over note ids with a small row cache.

Only ids are loaded when an item is shown; rows are fetched from the file in batches
when the view asks for them, and the cache forgets old batches. A new note is one
``beginInsertRows`` at the end: committing never reloads the list.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from facilitator.domain import model as m
from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.ui.document import WorkshopDocument

BATCH = 200
CACHE_ROWS = 2_000

Index = QModelIndex | QPersistentModelIndex

NoteIdRole = Qt.ItemDataRole.UserRole + 1
CategoryColourRole = Qt.ItemDataRole.UserRole + 2


class NotesModel(QAbstractTableModel):
    TIME, CATEGORY, SPEAKER, TEXT = range(4)

    def __init__(self, doc: WorkshopDocument | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc: WorkshopDocument | None = None
        self.item_id: int | None = None
        self.outside_day_id: int | None = None  # showing a day's notes outside the agenda
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: OrderedDict[int, m.Note] = OrderedDict()
        self._categories: dict[int, m.Category] = {}
        self._zone: dt.tzinfo | None = None  # the venue's: note times are shown in it
        self.fetches = 0  # how many batches were read (tests check laziness)
        # this laptop's note-taker: notes taken by anyone else show their name
        self.own_taker = ""
        if doc is not None:
            self.set_document(doc)

    # --- wiring ------------------------------------------------------------------------
    def set_document(self, doc: WorkshopDocument | None) -> None:
        if self.doc is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.doc = doc
        if doc is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
            self.reload_categories()
            self.reload_zone()
        self.set_item(None)

    def _connections(self) -> list[tuple[Any, Any]]:
        assert self.doc is not None
        return [
            (self.doc.changed, self._on_document_changed),
            (self.doc.categories_changed, self.reload_categories),
            (self.doc.workshop_changed, self.reload_zone),
        ]

    def _on_document_changed(self, changes: Changes) -> None:
        """Notes touched by an operation: a row removed, inserted or redrawn. A note of
        another item costs at most one row read, never a read of this list."""
        for note_id in sorted(changes.removed_ids(Kind.NOTE)):
            self._on_removed(note_id)
        for note_id in sorted(changes.added_ids(Kind.NOTE) - changes.removed_ids(Kind.NOTE)):
            self._on_restored(note_id)
        for note_id in sorted(changes.updated_ids(Kind.NOTE)):
            self._on_changed(note_id)

    def reload_zone(self) -> None:
        self._zone = self.doc.service.zone() if self.doc is not None else None
        if self._ids:
            self.dataChanged.emit(
                self.index(0, self.TIME), self.index(len(self._ids) - 1, self.TIME)
            )

    def reload_categories(self) -> None:
        if self.doc is None:
            return
        self._categories = {c.id: c for c in self.doc.service.categories_with_deleted()}
        if self._ids:
            self.dataChanged.emit(
                self.index(0, self.CATEGORY), self.index(len(self._ids) - 1, self.CATEGORY)
            )

    def set_item(self, item_id: int | None, outside_day_id: int | None = None) -> None:
        """Show the notes of ``item_id``; or, with no item, those of ``outside_day_id``
        taken outside the agenda."""
        self.beginResetModel()
        self.item_id = item_id
        self.outside_day_id = outside_day_id if item_id is None else None
        self._cache.clear()
        self._ids = self._place_ids()
        self._reindex()
        self.endResetModel()

    @property
    def shows_a_place(self) -> bool:
        return self.item_id is not None or self.outside_day_id is not None

    def _place_ids(self) -> list[int]:
        if self.doc is None:
            return []
        if self.item_id is not None:
            return self.doc.service.note_ids(agenda_item_id=self.item_id)
        if self.outside_day_id is not None:
            return self.doc.service.outside_note_ids(self.outside_day_id)
        return []

    def _belongs(self, note: m.Note) -> bool:
        """Whether ``note`` is one of the notes of the place shown."""
        if self.item_id is not None:
            return note.agenda_item_id == self.item_id
        if self.outside_day_id is not None and note.agenda_item_id is None:
            return note.id in self._place_ids() if note.day_id != self.outside_day_id else True
        return False

    def _reindex(self, start: int = 0) -> None:
        if start == 0:
            self._row_of = {}
        for row in range(start, len(self._ids)):
            self._row_of[self._ids[row]] = row

    # --- change signals ------------------------------------------------------------------
    def _on_changed(self, note_id: int) -> None:
        self._cache.pop(note_id, None)
        row = self._row_of.get(note_id)
        if row is not None:
            # Moved to another item (edit)? Then it leaves this list.
            note = self.note(row)
            if note is not None and not self._belongs(note):
                self._on_removed(note_id)
                return
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif self.doc is not None and self.shows_a_place:
            self._on_restored(note_id)

    def _on_removed(self, note_id: int) -> None:
        row = self._row_of.get(note_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._row_of.pop(note_id, None)
        self._cache.pop(note_id, None)
        self._reindex(row)
        self.endRemoveRows()

    def _on_restored(self, note_id: int) -> None:
        if self.doc is None or not self.shows_a_place or note_id in self._row_of:
            return
        # One row read first: a note of another item never costs a read of this list.
        found = self.doc.service.notes_by_ids([note_id]).get(note_id)
        if found is None or found.deleted_at is not None or not self._belongs(found):
            return
        if self._is_newest(found):  # a note just taken: it goes last, nothing else is read
            row = len(self._ids)
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.append(note_id)
            self._row_of[note_id] = row
            self._cache[note_id] = found
            self.endInsertRows()
            return
        ids = self._place_ids()
        if note_id not in ids:
            return
        # Its place among the notes we show (ordered by creation time).
        position = ids.index(note_id)
        before = set(ids[:position])
        row = sum(1 for i in self._ids if i in before)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, note_id)
        self._reindex(row)
        self.endInsertRows()

    def _is_newest(self, note: m.Note) -> bool:
        if not self._ids:
            return True
        assert self.doc is not None
        last_id = self._ids[-1]
        last = self._cache.get(last_id) or self.doc.service.notes_by_ids([last_id]).get(last_id)
        return last is not None and (note.created_at, note.id) > (last.created_at, last.id)

    # --- lazy rows ----------------------------------------------------------------------
    def note_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, note_id: int) -> int | None:
        return self._row_of.get(note_id)

    def note(self, row: int) -> m.Note | None:
        if not 0 <= row < len(self._ids):
            return None
        note_id = self._ids[row]
        note = self._cache.get(note_id)
        if note is None:
            self._fetch_around(row)
            note = self._cache.get(note_id)
        else:
            self._cache.move_to_end(note_id)
        return note

    def _fetch_around(self, row: int) -> None:
        if self.doc is None:
            return
        start = max(0, row - BATCH // 4)
        wanted = [i for i in self._ids[start : start + BATCH] if i not in self._cache]
        self.fetches += 1
        for note_id, note in self.doc.service.notes_by_ids(wanted).items():
            self._cache[note_id] = note
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def category(self, category_id: int | None) -> m.Category | None:
        return self._categories.get(category_id) if category_id is not None else None

    # --- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Time"), self.tr("Category"), self.tr("Speaker"), self.tr("Note")][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            self.doc is not None
            and not self.doc.read_only
            and index.column() in (self.CATEGORY, self.SPEAKER, self.TEXT)
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == NoteIdRole:
            return self._ids[index.row()]
        note = self.note(index.row())
        if note is None:
            return None
        col = index.column()
        cat = self.category(note.category_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TIME:
                return note.created_at.astimezone(self._zone).strftime("%H:%M")
            if col == self.CATEGORY:
                return cat.name if cat else ""
            if col == self.SPEAKER:
                return note.speaker_name
            text = note.text  # rows wrap: the whole note, its lines too
            # another note-taker's note, once this laptop's note-taker has a name (the
            # demo's notes, or a file with no name set, are not all prefixed)
            if self.own_taker and note.note_taker and note.note_taker != self.own_taker:
                return f"[{note.note_taker}] {text}"  # another note-taker's (linked copies)
            return text
        if role == Qt.ItemDataRole.EditRole:
            if col == self.CATEGORY:
                return note.category_id if note.category_id is not None else 0
            if col == self.SPEAKER:
                return note.speaker_name
            if col == self.TEXT:
                return note.text
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT and note.note_taker:
            # rows show the whole note: the tooltip only says who took it
            return self.tr("Taken by %1").replace("%1", note.note_taker)
        if role == Qt.ItemDataRole.FontRole and note.is_decision and col == self.TEXT:
            font = QFont()
            font.setBold(True)
            return font
        if role == CategoryColourRole:
            return QColor(cat.colour) if cat else None
        if role == Qt.ItemDataRole.DecorationRole and col == self.CATEGORY and cat:
            return QColor(cat.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.doc is None or not index.isValid():
            return False
        note = self.note(index.row())
        if note is None:
            return False
        col = index.column()
        if col == self.TEXT:
            text = str(value)
            if text == note.text or not text.strip():
                return False
            fields: dict[str, Any] = {"text": text}
        elif col == self.CATEGORY:
            cat_id = int(value) if value else None
            if cat_id == note.category_id:
                return False
            fields = {"category_id": cat_id}
        elif col == self.SPEAKER:
            if str(value) == note.speaker_name:
                return False
            fields = {"speaker": str(value)}
        else:
            return False
        return self.doc.run(ops.EditNote(note.id, **fields))
