"""Item models of the organise screens: notes by theme, solutions, actions, polls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from facilitator.domain import model as m
from facilitator.domain.organise import Poll, Solution, Theme
from facilitator.services.organise import OrganiseService
from facilitator.ui.dates import format_date
from facilitator.ui.organise.labels import method_label, state_label, status_label

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

IdRole = Qt.ItemDataRole.UserRole + 1
OverdueRole = Qt.ItemDataRole.UserRole + 9  # an action due before today, not done
OVERDUE_COLOUR = "#b3261e"  # dark red: 6.5:1 on white
KindRole = Qt.ItemDataRole.UserRole + 2  # "theme", "ungrouped" or "note"
THEME, UNGROUPED, NOTE = "theme", "ungrouped", "note"
BATCH = 200  # notes read at once when the tree shows them
CACHE_NOTES = 5_000
NOTE_IDS_MIME = "application/x-facilitator-note-ids"


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class NotesTreeModel(QAbstractItemModel):
    """Two levels: the themes (then "Ungrouped notes"), and under each its notes.

    Holds note ids per group; note texts are read in batches of ``BATCH`` around the
    rows the view paints, and the cache is bounded. ``internalId`` is 0 for a group and group row + 1 for a note.
    """

    def __init__(self, org: OrganiseService, parent: Any = None) -> None:
        super().__init__(parent)
        self.org = org
        self.item_filter: int | None = None
        self._themes: list[Theme] = []
        self._groups: list[list[int]] = []  # note ids per group; last group = ungrouped
        self._notes: dict[int, m.Note] = {}
        self.fetches = 0  # batches read (tests check that rows load lazily)
        self._colours: dict[int, str] = {}
        # called with (note ids, theme id or None) when notes are dropped on a group
        self.on_drop: Callable[[list[int], int | None], None] | None = None
        self.reload()

    def set_item_filter(self, item_id: int | None) -> None:
        self.item_filter = item_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._themes = self.org.themes()
        keep: set[int] | None = None
        if self.item_filter is not None:
            keep = set(self.org.svc.note_ids(agenda_item_id=self.item_filter))
        groups = [list(t.note_ids) for t in self._themes] + [self.org.ungrouped_note_ids()]
        if keep is not None:
            groups = [[n for n in g if n in keep] for g in groups]
        self._groups = groups
        self._notes = {}
        self._colours = {c.id: c.colour for c in self.org.svc.categories()}
        self.endResetModel()

    def add_or_redraw_notes(self, added: set[int], edited: set[int]) -> bool:
        """Show notes just taken (at the end of "Ungrouped notes") and redraw edited ones,
        reading only those rows. Returns False when that is not enough (a note that
        does not go last, or left the filtered item): the caller reloads."""
        found = self.org.svc.notes_by_ids(sorted(added | edited))
        ungrouped = len(self._groups) - 1
        for note_id in sorted(edited):
            note = found.get(note_id)
            index = self.index_of_note(note_id)
            if note is None or not index.isValid():
                continue  # not shown here: nothing to redraw
            if self.item_filter is not None and note.agenda_item_id != self.item_filter:
                return False
            self._notes[note_id] = note
            self.dataChanged.emit(index, index)
        for note_id in sorted(added):
            note = found.get(note_id)
            if note is None or note.deleted_at is not None:
                continue
            if self.item_filter is not None and note.agenda_item_id != self.item_filter:
                continue
            ids = self._groups[ungrouped]
            if note_id in ids:
                continue
            if ids:
                last = self._note_at(ungrouped, len(ids) - 1)
                if last is None or (last.created_at, last.id) > (note.created_at, note.id):
                    return False  # an older note back (an undone delete): its place is inside
            row = len(ids)
            self.beginInsertRows(self.index(ungrouped, 0), row, row)
            ids.append(note_id)
            self._notes[note_id] = note
            self.endInsertRows()
            self.dataChanged.emit(self.index(ungrouped, 0), self.index(ungrouped, 0))
        return True

    # --- lookup helpers ----------------------------------------------------------------------
    def kind(self, index: Index) -> str:
        if not index.isValid():
            return ""
        if index.internalId() == 0:
            return THEME if index.row() < len(self._themes) else UNGROUPED
        return NOTE

    def theme_id(self, index: Index) -> int | None:
        """The theme of a theme row, or of a note's group (None: ungrouped)."""
        if not index.isValid():
            return None
        group = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._themes[group].id if group < len(self._themes) else None

    def note_id(self, index: Index) -> int | None:
        if self.kind(index) != NOTE:
            return None
        return self._groups[index.internalId() - 1][index.row()]

    def note(self, note_id: int) -> m.Note | None:
        for g, group in enumerate(self._groups):
            if note_id in group:
                return self._note_at(g, group.index(note_id))
        return None

    def _note_at(self, group: int, row: int) -> m.Note | None:
        """The note at ``row`` of ``group``, read with its neighbours in one batch."""
        ids = self._groups[group]
        note_id = ids[row]
        if note_id not in self._notes:
            lo = max(0, row - BATCH // 2)
            batch = [n for n in ids[lo : lo + BATCH] if n not in self._notes]
            if len(self._notes) > CACHE_NOTES:
                self._notes.clear()
            self._notes.update(self.org.svc.notes_by_ids(batch))
            self.fetches += 1
        return self._notes.get(note_id)

    def themes(self) -> list[Theme]:
        return list(self._themes)

    def index_of_theme(self, theme_id: int) -> QModelIndex:
        for row, t in enumerate(self._themes):
            if t.id == theme_id:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_note(self, note_id: int) -> QModelIndex:
        for g, ids in enumerate(self._groups):
            if note_id in ids:
                return self.index(ids.index(note_id), 0, self.index(g, 0))
        return QModelIndex()

    # --- model API ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, 0, 0)
        if parent.internalId() != 0:
            return QModelIndex()
        group = parent.row()
        if row >= len(self._groups[group]):
            return QModelIndex()
        return self.createIndex(row, 0, group + 1)

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._groups[parent.row()])

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == 0:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    # --- drag and drop: notes onto a theme (or onto "Ungrouped notes") ------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NOTE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [self.note_id(i) for i in indexes]
        data = QMimeData()
        data.setData(NOTE_IDS_MIME, ",".join(str(n) for n in ids if n is not None).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(NOTE_IDS_MIME) and parent.isValid()

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(NOTE_IDS_MIME).data()).decode()
        ids = [int(x) for x in raw.split(",") if x.strip().isdigit()]
        if ids and self.on_drop is not None:
            self.on_drop(ids, self.theme_id(parent))
        return False  # the move happens through a command; the model reloads after it

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("organise", "Themes and notes")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind = self.kind(index)
        if kind in (THEME, UNGROUPED):
            if role == Qt.ItemDataRole.DisplayRole:
                count = len(self._groups[index.row()])
                title = (
                    self._themes[index.row()].title
                    if kind == THEME
                    else QCoreApplication.translate("organise", "Ungrouped notes")
                )
                return f"{title} ({count})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                font.setItalic(kind == UNGROUPED)
                return font
            if role == KindRole:
                return kind
            if role == IdRole:
                return self.theme_id(index)
            return None
        note_id = self.note_id(index)
        assert note_id is not None
        if role == IdRole:
            return note_id
        if role == KindRole:
            return NOTE
        note = self._note_at(index.internalId() - 1, index.row())
        if note is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = _one_line(note.text)
            if note.is_decision:
                text = "⚑ " + text
            if note.speaker_name:
                text += f" — {note.speaker_name}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return note.text
        if role == Qt.ItemDataRole.DecorationRole and note.category_id in self._colours:
            return QColor(self._colours[note.category_id])
        if role == Qt.ItemDataRole.FontRole and note.is_decision:
            font = QFont()
            font.setBold(True)
            return font
        return None


class SolutionsModel(QAbstractListModel):
    def __init__(self, org: OrganiseService, parent: Any = None) -> None:
        super().__init__(parent)
        self.org = org
        self._rows: list[Solution] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.org.solutions()
        self.endResetModel()

    def solution(self, row: int) -> Solution:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.description or s.title
        if role == IdRole:
            return s.id
        return None


class ActionsModel(QAbstractTableModel):
    TEXT, OWNER, DUE, STATUS = range(4)

    def __init__(self, org: OrganiseService, parent: Any = None) -> None:
        super().__init__(parent)
        self.org = org
        self._rows: list[m.ActionItem] = []
        self.today: Callable[[], dt.date] = dt.date.today
        self.only_overdue = False  # the list shows the overdue actions only
        self._overdue = 0
        self.reload()

    def is_overdue(self, action: m.ActionItem) -> bool:
        """Due before today and not done or cancelled."""
        return (
            action.due_date is not None
            and action.due_date < self.today()
            and action.status in (m.ActionStatus.OPEN, m.ActionStatus.IN_PROGRESS)
        )

    def overdue_count(self) -> int:
        """Overdue actions at the last reload (nothing is read here)."""
        return self._overdue

    def set_only_overdue(self, only: bool) -> None:
        self.only_overdue = only
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        rows = self.org.svc.actions()
        late = [a for a in rows if self.is_overdue(a)]
        self._overdue = len(late)
        self._rows = late if self.only_overdue else rows
        self.endResetModel()

    def action(self, row: int) -> m.ActionItem:
        return self._rows[row]

    def replace(self, action: m.ActionItem) -> bool:
        """Redraw one action in place if shown and still in the same place of the order
        (the list is ordered by due date). Returns whether it could."""
        row = self.row_of(action.id)
        if row < 0 or self._rows[row].due_date != action.due_date:
            return False
        if self.only_overdue and not self.is_overdue(action):
            return False  # leaves the filtered list: the caller reloads
        self._overdue += int(self.is_overdue(action)) - int(self.is_overdue(self._rows[row]))
        self._rows[row] = action
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def row_of(self, action_id: int) -> int:
        for i, a in enumerate(self._rows):
            if a.id == action_id:
                return i
        return -1

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            QCoreApplication.translate("organise", "Action"),
            QCoreApplication.translate("organise", "Owner"),
            QCoreApplication.translate("organise", "Due"),
            QCoreApplication.translate("organise", "Status"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TEXT:
                return _one_line(a.text)
            if col == self.OWNER:
                return a.owner_name
            if col == self.DUE:
                return format_date(a.due_date)
            return status_label(a.status)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return a.text
        if role == Qt.ItemDataRole.ToolTipRole and col == self.DUE and self.is_overdue(a):
            return QCoreApplication.translate("organise", "Overdue")
        if role == IdRole:
            return a.id
        if role == OverdueRole:
            return self.is_overdue(a)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_overdue(a):
                return QColor(OVERDUE_COLOUR)
            if a.status in (m.ActionStatus.DONE, m.ActionStatus.CANCELLED):
                # Muted, but readable (the palette's placeholder text is kept at 4.5:1).
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and self.is_overdue(a) and col in (self.DUE, self.TEXT):
            font = QFont()
            font.setBold(True)
            return font
        return None


class PollsModel(QAbstractListModel):
    def __init__(self, org: OrganiseService, parent: Any = None) -> None:
        super().__init__(parent)
        self.org = org
        self._rows: list[Poll] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.org.polls()
        self.endResetModel()

    def poll(self, row: int) -> Poll:
        return self._rows[row]

    def row_of(self, poll_id: int) -> int:
        for i, p in enumerate(self._rows):
            if p.id == poll_id:
                return i
        return -1

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{p.title}\n{method_label(p.method)} · {state_label(p.state)}"
        if role == IdRole:
            return p.id
        return None
