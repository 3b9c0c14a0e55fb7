"""Search (Ctrl+F) across the whole workshop with the full-text index, with filters.

Picking a result (double-click or Enter) emits ``note_picked(note_id)``; the Live view
jumps to its day and item and selects it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.errors import FacilitatorError
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import SEARCH_LIMIT
from facilitator.ui import errors
from facilitator.ui.document import WorkshopDocument

Index = QModelIndex | QPersistentModelIndex
NoteIdRole = Qt.ItemDataRole.UserRole + 1
MatchesRole = Qt.ItemDataRole.UserRole + 2  # [(start, length)] of the matches in the text


def split_matches(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet's text without the match markers, and where the matches are."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    start: int | None = None
    length = 0
    for ch in snippet:
        if ch == m.MATCH_START:
            start = length
        elif ch == m.MATCH_END:
            if start is not None:
                spans.append((start, length - start))
            start = None
        else:
            text.append(ch)
            length += 1
    return "".join(text), spans


class HighlightDelegate(QStyledItemDelegate):
    """Draws a result's text with its matches highlighted (the palette's highlight, as a
    marker pen would), instead of [brackets]."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        spans = index.data(MatchesRole) or []
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        layout = QTextLayout(text, opt.font)
        highlight = QTextCharFormat()
        highlight.setBackground(opt.palette.color(QPalette.ColorRole.Highlight))
        highlight.setForeground(opt.palette.color(QPalette.ColorRole.HighlightedText))
        highlight.setFontWeight(QFont.Weight.Bold)
        ranges = []
        for start, length in spans:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, length, highlight
            ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)
        layout.endLayout()
        rect = opt.rect.adjusted(4, 0, -4, 0)
        painter.save()
        painter.setClipRect(rect)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(
            opt.palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        top = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left(), top))
        painter.restore()


class SearchModel(QAbstractTableModel):
    DAY, ITEM, CATEGORY, SPEAKER, TEXT = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[m.SearchHit] = []
        self.day_numbers: dict[int, int] = {}
        self.categories: dict[int, m.Category] = {}

    def set_hits(
        self,
        hits: list[m.SearchHit],
        day_numbers: dict[int, int],
        categories: dict[int, m.Category],
    ) -> None:
        self.beginResetModel()
        self.hits = hits
        self.day_numbers = day_numbers
        self.categories = categories
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Day"),
            self.tr("Item"),
            self.tr("Category"),
            self.tr("Speaker"),
            self.tr("Note"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == NoteIdRole:
            return hit.note.id
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DAY:
                return str(self.day_numbers.get(hit.day_id or 0, "")) if hit.day_id else ""
            if col == self.ITEM:
                return hit.agenda_item_title
            if col == self.CATEGORY:
                cat = self.categories.get(hit.note.category_id or 0)
                return cat.name if cat else ""
            if col == self.SPEAKER:
                return hit.note.speaker_name
            return split_matches(hit.snippet.replace("\n", " "))[0]
        if role == MatchesRole and col == self.TEXT:
            return split_matches(hit.snippet.replace("\n", " "))[1]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return hit.note.text
        return None


_SHOWN = (Kind.NOTE, Kind.CATEGORY, Kind.ITEM, Kind.DAY)  # what a result row shows


class SearchDialog(QDialog):
    note_picked = Signal(int)

    def __init__(self, doc: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setModal(False)
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.day_combo = QComboBox()
        self.item_combo = QComboBox()
        self.category_combo = QComboBox()
        self.speaker_combo = QComboBox()
        self.speaker_combo.setEditable(True)
        self.count_label = QLabel()
        self.model = SearchModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(SearchModel.DAY, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(SearchModel.TEXT, QHeaderView.ResizeMode.Stretch)
        hh.resizeSection(SearchModel.ITEM, 200)
        self.view.setItemDelegateForColumn(SearchModel.TEXT, HighlightDelegate(self.view))
        self.view.doubleClicked.connect(self._picked)
        self.view.installEventFilter(self)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.query)
        filters = QHBoxLayout()
        for w in (self.day_combo, self.item_combo, self.category_combo, self.speaker_combo):
            filters.addWidget(w, 1)
        self.form.addRow(QLabel(), filters)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(200)
        self.debounce.timeout.connect(self.run_search)
        self.query.textChanged.connect(self.debounce.start)
        self.query.returnPressed.connect(self._enter_in_query)
        self.day_combo.currentIndexChanged.connect(self._day_changed)
        self.item_combo.currentIndexChanged.connect(self.run_search)
        self.category_combo.currentIndexChanged.connect(self.run_search)
        self.speaker_combo.currentTextChanged.connect(self.debounce.start)
        self.resize(900, 520)
        self.retranslate()
        self.reload_filters()
        doc.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        """Notes (or what they show) changed, here or elsewhere: the open results are
        searched again shortly after (a burst of notes costs one search)."""
        searching = bool(self.query.text().strip()) or self.model.rowCount() > 0
        if self.isVisible() and searching and changes.touches(*_SHOWN):
            self.debounce.start()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find notes"))
        labels = [self.form.itemAt(r, QFormLayout.ItemRole.LabelRole) for r in range(2)]
        for item, text in zip(labels, [self.tr("Words:"), self.tr("Filters:")], strict=True):
            if item is not None and isinstance(item.widget(), QLabel):
                item.widget().setText(text)  # type: ignore[union-attr]
        self.query.setPlaceholderText(
            self.tr('words to find, e.g. rete OR network, "exact phrase", comun*')
        )
        line = self.speaker_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("any speaker"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload_filters()
        super().changeEvent(event)

    def reload_filters(self) -> None:
        svc = self.doc.service
        for combo in (self.day_combo, self.category_combo, self.speaker_combo):
            combo.blockSignals(True)
        self.day_combo.clear()
        self.day_combo.addItem(self.tr("All days"), None)
        for day in svc.days():
            self.day_combo.addItem(self.tr("Day %1").replace("%1", str(day.number)), day.id)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All categories"), None)
        for cat in svc.categories():
            self.category_combo.addItem(cat.name, cat.id)
        self.speaker_combo.clear()
        self.speaker_combo.addItem("")
        for p in svc.participants():
            self.speaker_combo.addItem(p.name)
        for combo in (self.day_combo, self.category_combo, self.speaker_combo):
            combo.blockSignals(False)
        self._fill_items()

    def _fill_items(self) -> None:
        self.item_combo.blockSignals(True)
        self.item_combo.clear()
        self.item_combo.addItem(self.tr("All items"), None)
        day_id = self.day_combo.currentData()
        for item in self.doc.service.items(day_id):
            self.item_combo.addItem(item.title, item.id)
        self.item_combo.blockSignals(False)

    def _day_changed(self) -> None:
        self._fill_items()
        self.run_search()

    def run_search(self) -> None:
        self.debounce.stop()
        svc = self.doc.service
        try:
            hits = svc.search(
                self.query.text(),
                day_id=self.day_combo.currentData(),
                agenda_item_id=self.item_combo.currentData(),
                category_id=self.category_combo.currentData(),
                speaker=self.speaker_combo.currentText().strip() or None,
            )
        except FacilitatorError as exc:
            errors.show_error(self, exc)
            return
        days = {d.id: d.number for d in svc.days()}
        cats = {c.id: c for c in svc.categories_with_deleted()}
        self.model.set_hits(hits, days, cats)
        if len(hits) >= SEARCH_LIMIT:
            self.count_label.setText(
                self.tr("More than %1 notes found: add words or filters to narrow.").replace(
                    "%1", str(SEARCH_LIMIT)
                )
            )
        elif hits:
            self.count_label.setText(self.tr("Notes found: %1").replace("%1", str(len(hits))))
        elif self.query.text().strip():
            self.count_label.setText(self.tr("Nothing found."))
        else:
            self.count_label.setText("")

    def _enter_in_query(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def pick_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.note_picked.emit(int(index.data(NoteIdRole)))

    def _picked(self, index: QModelIndex) -> None:
        self.pick_row(index.row())

    def eventFilter(self, obj: Any, event: QEvent) -> bool:
        if (
            obj is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.pick_row(self.view.currentIndex().row())
            return True
        return super().eventFilter(obj, event)
