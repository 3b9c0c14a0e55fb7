"""The agenda of one day as a list model; the running item is marked and bold. After
the items, one more row: "Outside the agenda", the notes of the day taken outside any
item (before the day had items, or between them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from facilitator.domain import model as m

Index = QModelIndex | QPersistentModelIndex
ItemIdRole = Qt.ItemDataRole.UserRole + 1
OutsideRole = Qt.ItemDataRole.UserRole + 2  # True on the "outside the agenda" row


def is_running(item: m.AgendaItem) -> bool:
    return item.actual_start is not None and item.actual_end is None


class AgendaModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[m.AgendaItem] = []
        self.outside = False  # the "outside the agenda" row is shown (a day is chosen)

    def set_items(self, items: list[m.AgendaItem], outside: bool | None = None) -> None:
        self.beginResetModel()
        self.items = list(items)
        if outside is not None:
            self.outside = outside
        self.endResetModel()

    @property
    def outside_row(self) -> int | None:
        return len(self.items) if self.outside else None

    def item_at(self, row: int) -> m.AgendaItem | None:
        """The item of ``row`` (None for the "outside the agenda" row)."""
        return self.items[row] if 0 <= row < len(self.items) else None

    def update_items(self, items: list[m.AgendaItem]) -> None:
        """Same ids in the same order: refresh rows in place (keeps the selection)."""
        if [i.id for i in items] != [i.id for i in self.items]:
            self.set_items(items)
            return
        self.items = list(items)
        if items:
            self.dataChanged.emit(self.index(0), self.index(len(items) - 1))

    def row_of(self, item_id: int | None) -> int | None:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items) + (1 if self.outside else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.row() == self.outside_row:
            return self._outside_data(role)
        if not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            start = item.planned_start.strftime("%H:%M") if item.planned_start else "--:--"
            mark = "▶ " if is_running(item) else ("✓ " if item.actual_end else "")
            return f"{start}  {mark}{item.title}"
        if role == Qt.ItemDataRole.FontRole and is_running(item):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [item.title]
            if item.location:
                parts.append(item.location)
            if item.speaker_names:
                parts.append(", ".join(item.speaker_names))
            return "\n".join(parts)
        if role == ItemIdRole:
            return item.id
        return None

    def _outside_data(self, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "–  " + self.tr("Outside the agenda")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Notes of this day taken outside any agenda item")
        if role == OutsideRole:
            return True
        return None
