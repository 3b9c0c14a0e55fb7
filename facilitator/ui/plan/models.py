"""Qt item models of the plan screens. They hold plain rows from the service and never
write: edits are emitted as signals that the views turn into operations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from facilitator.domain import model as m
from facilitator.ui.plan.labels import kind_label, org_kind_label, role_label

Index = QModelIndex | QPersistentModelIndex
AGENDA_MIME = "application/x-facilitator-agenda-items"


def _hhmm(value: Any) -> str:
    return value.strftime("%H:%M") if value is not None else ""


class AgendaModel(QAbstractTableModel):
    """One day's agenda. Rows can be dragged; a drop asks for a new order."""

    order_requested = Signal(list)  # the day's item ids in the wanted order
    duration_requested = Signal(int, int)  # item id, minutes
    title_requested = Signal(int, str)  # item id, title

    START, END, DURATION, KIND, TITLE, LOCATION, SPEAKERS = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[m.AgendaItem] = []
        self._orgs: dict[int, str] = {}
        self.issues: dict[int, Any] = {}

    def set_items(self, items: Sequence[m.AgendaItem], orgs: dict[int, str]) -> None:
        from facilitator.domain.agenda import time_issues

        self.beginResetModel()
        self._items = list(items)
        self._orgs = dict(orgs)
        self.issues = time_issues(self._items)  # overlaps and gaps: never silent
        self.endResetModel()

    def issue_text(self, item: m.AgendaItem) -> str:
        from facilitator.domain.agenda import Timing

        issue = self.issues.get(item.id)
        if issue is None:
            return ""
        text = (
            self.tr("Overlaps “%1” by %2 min")
            if issue.timing is Timing.OVERLAP
            else self.tr("%2 min free after “%1”")
        )
        return text.replace("%1", issue.other_title).replace("%2", str(issue.minutes))

    def item_at(self, row: int) -> m.AgendaItem:
        return self._items[row]

    def ids(self) -> list[int]:
        return [i.id for i in self._items]

    def row_of(self, item_id: int) -> int:
        return self.ids().index(item_id) if item_id in self.ids() else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Start"),
                self.tr("End"),
                self.tr("Min"),
                self.tr("Kind"),
                self.tr("Title"),
                self.tr("Location"),
                self.tr("Speakers"),
            ][section]
        return None

    def speakers_text(self, item: m.AgendaItem) -> str:
        parts = []
        for pid, name in zip(item.speaker_ids, item.speaker_names, strict=False):
            org = self._orgs.get(pid, "")
            parts.append(f"{name} ({org})" if org else name)
        return ", ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        col = index.column()
        if col == self.START and item.id in self.issues:
            from facilitator.domain.agenda import Timing

            overlap = self.issues[item.id].timing is Timing.OVERLAP
            if role == Qt.ItemDataRole.DisplayRole:
                return _hhmm(item.planned_start) + ("  ⚠" if overlap else "  ↧")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.issue_text(item)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor("#ffd7d7" if overlap else "#fff1c2")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#1a1a1a")  # dark on the light tint, in any palette
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.START:
                return _hhmm(item.planned_start)
            if col == self.END:
                return _hhmm(item.planned_end)
            if col == self.DURATION:
                return item.duration_min
            if col == self.KIND:
                return kind_label(item.kind)
            if col == self.TITLE:
                return item.title
            if col == self.LOCATION:
                return item.location
            if col == self.SPEAKERS:
                return self.speakers_text(item)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.TITLE, self.SPEAKERS):
            return item.description or self.speakers_text(item) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            self.START,
            self.END,
            self.DURATION,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and item.kind is m.ItemKind.BREAK:
            return QColor("#777777")
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (self.DURATION, self.TITLE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item = self._items[index.row()]
        if index.column() == self.DURATION:
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                return False
            if minutes != item.duration_min:
                self.duration_requested.emit(item.id, minutes)
            return True
        if index.column() == self.TITLE:
            if str(value) != item.title:
                self.title_requested.emit(item.id, str(value))
            return True
        return False

    # --- drag and drop: the drop asks for a reorder; the reload shows it ----------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(AGENDA_MIME, json.dumps([self._items[r].id for r in rows]).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(AGENDA_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        moved = [i for i in json.loads(bytes(data.data(AGENDA_MIME).data())) if i in self.ids()]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        self.request_move(moved, row)
        return False  # nothing to remove here: the command reloads the agenda

    def request_move(self, moved: Sequence[int], row: int) -> None:
        """Ask for ``moved`` to go before the item now at ``row``."""
        ids = self.ids()
        before = ids[:row]
        after = ids[row:]
        order = [i for i in before if i not in moved] + list(moved)
        order += [i for i in after if i not in moved]
        if order != ids:
            self.order_requested.emit(order)


class ParticipantsModel(QAbstractTableModel):
    NAME, ORGANISATION, ROLE, EMAIL = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[m.Participant] = []

    def set_participants(self, rows: Sequence[m.Participant]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def participant_at(self, row: int) -> m.Participant:
        return self._rows[row]

    def replace(self, person: m.Participant) -> bool:
        """Redraw one participant in place, if shown and still in the same organisation
        (else the organisation counts change too: the caller reloads). Returns whether."""
        row = self.row_of(person.id)
        if row < 0 or self._rows[row].organisation_id != person.organisation_id:
            return False
        self._rows[row] = person
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def row_of(self, pid: int) -> int:
        for n, p in enumerate(self._rows):
            if p.id == pid:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Name"), self.tr("Organisation"), self.tr("Role"), self.tr("E-mail")][
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [p.name, p.organisation_name, role_label(p.role), p.email][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None


class OrganisationsModel(QAbstractTableModel):
    NAME, KIND, PEOPLE = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[m.Organisation] = []
        self._people: dict[int, int] = {}

    def set_organisations(self, rows: Sequence[m.Organisation], people: dict[int, int]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._people = dict(people)
        self.endResetModel()

    def organisation_at(self, row: int) -> m.Organisation:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Organisation"), self.tr("Kind"), self.tr("People")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        o = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [o.name, org_kind_label(o.kind), self._people.get(o.id, 0)][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return o.id
        return None


class AttendanceModel(QAbstractListModel):
    """Participants with a check box: present on the chosen day."""

    toggled = Signal(int, bool)  # participant id, present

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[m.Participant] = []
        self._present: set[int] = set()
        self._apologies: set[int] = set()
        self.apologies_text = "apologies sent"  # set translated by the view

    def set_apologies(self, ids: set[int]) -> None:
        """The absent who sent apologies for the day: their row says so."""
        self._apologies = set(ids)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def set_rows(self, rows: Sequence[m.Participant], present: set[int]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._present = set(present)
        self.endResetModel()

    def set_present(self, present: set[int]) -> None:
        changed = self._present ^ set(present)
        self._present = set(present)
        for n, p in enumerate(self._rows):
            if p.id in changed:
                idx = self.index(n, 0)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.CheckStateRole])

    def present_count(self) -> int:
        return sum(1 for p in self._rows if p.id in self._present)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{p.name} — {p.organisation_name}" if p.organisation_name else p.name
            if p.id in self._apologies and p.id not in self._present:
                text += f" ({self.apologies_text})"
            return text
        if role == Qt.ItemDataRole.CheckStateRole:
            return (
                Qt.CheckState.Checked if p.id in self._present else Qt.CheckState.Unchecked
            ).value
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsUserCheckable)
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        present = state == Qt.CheckState.Checked.value
        pid = self._rows[index.row()].id
        if present != (pid in self._present):
            self.toggled.emit(pid, present)
        return True


class CategoriesModel(QAbstractTableModel):
    """Categories in order; name and shortcut are edited in place."""

    edit_requested = Signal(int, str, str, str)  # id, name, colour, shortcut
    NAME, COLOUR, SHORTCUT = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[m.Category] = []

    def set_categories(self, rows: Sequence[m.Category]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def category_at(self, row: int) -> m.Category:
        return self._rows[row]

    def ids(self) -> list[int]:
        return [c.id for c in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Category"), self.tr("Colour"), self.tr("Shortcut")][section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return f"Ctrl+{section + 1}" if section < 9 else ""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [c.name, c.colour, c.shortcut.upper()][col]
        if role == Qt.ItemDataRole.DecorationRole and col == self.COLOUR:
            return QColor(c.colour)
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.NAME, self.SHORTCUT):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        c = self._rows[index.row()]
        name, shortcut = c.name, c.shortcut
        if index.column() == self.NAME:
            name = str(value)
        elif index.column() == self.SHORTCUT:
            shortcut = str(value).strip().lower()
        else:
            return False
        if (name, shortcut) != (c.name, c.shortcut):
            self.edit_requested.emit(c.id, name, c.colour, shortcut)
        return True
